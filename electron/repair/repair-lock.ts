/**
 * One repair at a time in the main process: apply, undo and recovery take this lock, and a call
 * that finds it taken is answered "busy" at once instead of queueing behind (or interleaving
 * with) the running one — two fixes changing the PC at once could not both be undone exactly.
 */
export class RepairLock {
  private holder: string | null = null

  /** What holds the lock now (for the "busy" answer), or null. */
  get busyWith(): string | null {
    return this.holder
  }

  async run<T>(what: string, task: () => Promise<T>): Promise<{ readonly ran: true; readonly value: T } | { readonly ran: false; readonly busyWith: string }> {
    if (this.holder !== null) return { ran: false, busyWith: this.holder }
    this.holder = what
    try {
      return { ran: true, value: await task() }
    } finally {
      this.holder = null
    }
  }
}
