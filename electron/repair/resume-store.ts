import { ResumeState } from '../../shared/repair/repair-contract'
import { nodeAtomicFs, writeFileAtomic, type AtomicFs } from './atomic-file'

/**
 * The wizard's state across a restart: which fix, which phase comes next, and the boot time before
 * the restart (so the app can tell a real restart from a plain reopen). Kept in the app's user
 * data, written atomically; the main process is the source of truth for it.
 */
export class ResumeStore {
  constructor(
    private readonly path: string,
    private readonly io: AtomicFs = nodeAtomicFs,
  ) {}

  async read(): Promise<ResumeState | null> {
    const text = await this.io.readFile(this.path)
    if (text === null) return null
    try {
      const parsed = ResumeState.safeParse(JSON.parse(text))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  async save(state: ResumeState): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(ResumeState.parse(state), null, 2)}\n`, this.io)
  }

  async clear(): Promise<void> {
    if ((await this.io.readFile(this.path)) !== null) await this.io.unlink(this.path)
  }
}
