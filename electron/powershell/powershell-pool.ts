import type { PowerShellHost, PsRunOptions, PsRunOutcome, PsScript } from './host'

/**
 * Several PowerShell sessions behind one host, so probes run concurrently (bounded by the pool
 * size) while each session still runs one script at a time. A script waits for a free session;
 * its own timeout starts only when it runs, and cancelling while it waits ends it at once.
 */
export class PowerShellPool implements PowerShellHost {
  readonly kind: PowerShellHost['kind']
  private readonly idle: PowerShellHost[]
  private readonly waiting: ((host: PowerShellHost) => void)[] = []

  constructor(private readonly hosts: readonly PowerShellHost[]) {
    if (hosts.length === 0) throw new Error('a pool needs at least one host')
    this.kind = hosts[0]!.kind
    this.idle = [...hosts]
  }

  async run(script: PsScript, options: PsRunOptions): Promise<PsRunOutcome> {
    const started = performance.now()
    const host = await this.acquire(options.signal)
    if (host === null) return { ok: false, error: { kind: 'cancelled' }, durationMs: performance.now() - started }
    try {
      return await host.run(script, options)
    } finally {
      this.release(host)
    }
  }

  async dispose(): Promise<void> {
    await Promise.all(this.hosts.map((host) => host.dispose()))
  }

  private acquire(signal: AbortSignal | undefined): Promise<PowerShellHost | null> {
    if (signal?.aborted) return Promise.resolve(null)
    const free = this.idle.pop()
    if (free !== undefined) return Promise.resolve(free)
    return new Promise((resolve) => {
      const take = (host: PowerShellHost) => {
        signal?.removeEventListener('abort', onAbort)
        resolve(host)
      }
      const onAbort = () => {
        const index = this.waiting.indexOf(take)
        if (index >= 0) this.waiting.splice(index, 1)
        resolve(null)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
      this.waiting.push(take)
    })
  }

  private release(host: PowerShellHost): void {
    const next = this.waiting.shift()
    if (next !== undefined) next(host)
    else this.idle.push(host)
  }
}
