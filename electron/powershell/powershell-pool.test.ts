import { describe, expect, it } from 'vitest'
import { composeScript } from './compose-script'
import type { PowerShellHost, PsRunOutcome } from './host'
import { PowerShellPool } from './powershell-pool'

/** A host that answers after `ms` and records how many scripts run at once. */
function slowHost(ms: number, counter: { now: number; max: number }): PowerShellHost {
  return {
    kind: 'windows',
    async run(): Promise<PsRunOutcome> {
      counter.now++
      counter.max = Math.max(counter.max, counter.now)
      await new Promise((r) => setTimeout(r, ms))
      counter.now--
      return { ok: true, stdout: '', stderr: '', exitCode: null, durationMs: ms }
    },
    dispose: async () => undefined,
  }
}

const script = composeScript({ id: 'windows-version', body: '', prelude: '' })

describe('PowerShellPool', () => {
  it('runs at most as many scripts at once as it has sessions', async () => {
    const counter = { now: 0, max: 0 }
    const pool = new PowerShellPool([slowHost(20, counter), slowHost(20, counter)])
    const results = await Promise.all(Array.from({ length: 6 }, () => pool.run(script, { timeoutMs: 1000 })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(counter.max).toBe(2)
  })

  it('ends a waiting script at once when the scan is cancelled', async () => {
    const counter = { now: 0, max: 0 }
    const pool = new PowerShellPool([slowHost(200, counter)])
    const controller = new AbortController()
    const first = pool.run(script, { timeoutMs: 1000 })
    const second = pool.run(script, { timeoutMs: 1000, signal: controller.signal })
    controller.abort()
    expect(await second).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
    expect(await first).toMatchObject({ ok: true })
  })
})
