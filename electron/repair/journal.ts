import { z } from 'zod'
import { StepResult, UndoRecord } from '../../shared/repair/step-result'
import { nodeAtomicFs, removeStaleTemps, writeFileAtomic, type AtomicFs } from './atomic-file'

const JournalStep = z.object({
  script: z.string(),
  describe: z.object({ key: z.string(), args: z.record(z.string(), z.union([z.string(), z.number()])) }),
  status: z.enum(['pending', 'done', 'failed', 'not-run']),
  result: StepResult.nullable(),
  error: z.string().nullable(),
})

export const JournalEntry = z.object({
  id: z.string(),
  fixId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  phase: z.number().int().nonnegative(),
  steps: z.array(JournalStep),
  /** Recorded before a step runs where the previous state is already known (e.g. the file bytes). */
  undo: z.array(UndoRecord),
  undoneAt: z.string().nullable(),
})
export type JournalEntry = z.infer<typeof JournalEntry>

const JournalFile = z.object({ version: z.literal(1), entries: z.array(JournalEntry) })

/**
 * Every change the app applied, with what it needs to take it back, kept in the app's user data.
 *
 * Written atomically (temp + fsync + rename) after every change, so a crash or a power cut between
 * two steps leaves the last complete journal, never a torn one. A file that cannot be read is kept
 * aside (renamed) rather than overwritten: the journal is how a user gets their settings back.
 */
export class Journal {
  constructor(
    private readonly path: string,
    private readonly io: AtomicFs = nodeAtomicFs,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async entries(): Promise<JournalEntry[]> {
    await removeStaleTemps(this.path, this.io)
    const text = await this.io.readFile(this.path)
    if (text === null) return []
    const parsed = JournalFile.safeParse(safeJson(text))
    if (!parsed.success) {
      await this.io.rename(this.path, `${this.path}.unreadable-${this.now().getTime()}`)
      return []
    }
    return parsed.data.entries
  }

  async find(id: string): Promise<JournalEntry | undefined> {
    return (await this.entries()).find((entry) => entry.id === id)
  }

  /** Inserts or replaces one entry and writes the whole journal atomically. */
  async put(entry: JournalEntry): Promise<void> {
    const entries = (await this.entries()).filter((e) => e.id !== entry.id)
    entries.push(JournalEntry.parse(entry))
    await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`, this.io)
  }

  stamp(): string {
    return this.now().toISOString()
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
