import { z } from 'zod'
import { StepResult, UndoRecord } from '../../shared/repair/step-result'
import { nodeAtomicFs, removeStaleTemps, writeFileAtomic, type AtomicFs } from './atomic-file'

const JournalStep = z.object({
  script: z.string(),
  describe: z.object({ key: z.string(), args: z.record(z.string(), z.union([z.string(), z.number()])) }),
  /**
   * `running`: the step was started and has not reported back. After a crash that means "may have
   * run": its `undo` (written before it started) is safe to apply either way, undo scripts being
   * no-ops on a value that already is the recorded one.
   */
  status: z.enum(['pending', 'running', 'done', 'failed', 'not-run']),
  result: StepResult.nullable(),
  error: z.string().nullable(),
  /**
   * How to take this step back, written BEFORE it runs where the previous state can be read
   * unelevated (file bytes, registry values, start types), else from its own result once done.
   * Absent in journals of older versions.
   */
  undo: UndoRecord.nullable().default(null),
})
export type JournalStep = z.infer<typeof JournalStep>

export const JournalEntry = z.object({
  id: z.string(),
  fixId: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  phase: z.number().int().nonnegative(),
  steps: z.array(JournalStep),
  /** The undo records of the steps that ran or may have run (`running`), in order: what an undo applies. */
  undo: z.array(UndoRecord),
  undoneAt: z.string().nullable(),
  /** Set on the journal entry of an undo run: the entry it takes back (not shown in the history). */
  undoOf: z.string().nullable().default(null),
  /** How the user settled a run found unfinished at start (finish again, undo, keep). */
  recovery: z.enum(['finish', 'undo', 'keep']).nullable().default(null),
})
export type JournalEntry = z.infer<typeof JournalEntry>

const JournalFile = z.object({ version: z.literal(1), entries: z.array(JournalEntry) })

/**
 * Every change the app applied, with what it needs to take it back, kept in the app's user data.
 *
 * Written atomically (temp + fsync + rename) after every change, so a crash or a power cut between
 * two steps leaves the last complete journal, never a torn one. A file that cannot be read is kept
 * aside (renamed) rather than overwritten: the journal is how a user gets their settings back.
 *
 * One writer: every read and write of the file goes through one queue in the main process, so two
 * callers never read-modify-write it at once (an apply's step update cannot erase an undo's mark).
 */
export class Journal {
  constructor(
    private readonly path: string,
    private readonly io: AtomicFs = nodeAtomicFs,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private queue: Promise<unknown> = Promise.resolve()

  /** Runs `task` after every earlier journal operation settled (success or failure). */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task)
    this.queue = run.catch(() => undefined)
    return run
  }

  entries(): Promise<JournalEntry[]> {
    return this.serial(() => this.readAll())
  }

  private async readAll(): Promise<JournalEntry[]> {
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
  put(entry: JournalEntry): Promise<void> {
    const checked = JournalEntry.parse(entry)
    return this.serial(async () => {
      const entries = (await this.readAll()).filter((e) => e.id !== checked.id)
      entries.push(checked)
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`, this.io)
    })
  }

  /** Changes one stored entry in place (read and write under the one queue); false when absent. */
  update(id: string, change: (entry: JournalEntry) => JournalEntry): Promise<boolean> {
    return this.serial(async () => {
      const entries = await this.readAll()
      const index = entries.findIndex((e) => e.id === id)
      if (index < 0) return false
      entries[index] = JournalEntry.parse(change(entries[index]!))
      await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, entries }, null, 2)}\n`, this.io)
      return true
    })
  }

  /** Runs that never finished (a crash, a kill, a reboot mid-fix) and were not settled yet. */
  async unfinished(): Promise<JournalEntry[]> {
    return (await this.entries()).filter((e) => e.finishedAt === null && e.undoneAt === null && e.recovery === null)
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
