import { describe, expect, it, vi } from 'vitest'
import { composeScript } from './compose-script'
import { NodePowerShellHost, SESSION_INIT, sessionCommand, windowsPowerShellPath, type ShellFactory } from './node-powershell-host'

type InvocationResult = Awaited<ReturnType<ReturnType<ShellFactory>['invoke']>>

function result(stdout: string): InvocationResult {
  return { command: '', raw: stdout, hadErrors: false, startTime: 0, stdout: Buffer.from(stdout), stderr: Buffer.from('') }
}

/** A fake node-powershell shell: the init command succeeds, then `answer` decides. */
function fakeFactory(answer: (command: string) => Promise<InvocationResult>) {
  const shells: { invoke: ReturnType<typeof vi.fn>; dispose: ReturnType<typeof vi.fn> }[] = []
  const factory: ShellFactory = () => {
    const shell = {
      invoke: vi.fn((command: string) => (command === SESSION_INIT ? Promise.resolve(result('')) : answer(command))),
      dispose: vi.fn(() => Promise.resolve()),
    }
    shells.push(shell)
    return shell
  }
  return { factory, shells }
}

const script = composeScript({ id: 'windows-version', body: 'return 1', prelude: '' })

describe('NodePowerShellHost', () => {
  it('starts Windows PowerShell 5.1 by absolute path', () => {
    expect(windowsPowerShellPath('C:\\Windows')).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')
  })

  it('sends the script as one line of single-quoted ASCII lines, without .NET calls Constrained Language Mode forbids', () => {
    const command = sessionCommand(composeScript({ id: 'x', body: "return 'it''s'", prelude: '', input: { name: "O'Brien 张三" } }))
    expect(command).not.toContain('\n')
    expect(command).toMatch(/^& \{ Invoke-Expression \(@\('.*'\) -join \[char\]10\) \}$/)
    expect(command).not.toMatch(/\[(Convert|Text\.Encoding|ScriptBlock|Console)\]/i)
    // The body's own quotes are doubled; the input's quote and Chinese travel as JSON escapes.
    expect(command).toContain("return ''it''''s''")
    expect(command).toContain('O\\u0027Brien \\u5f20\\u4e09')
  })

  it('refuses a script line that is not printable ASCII instead of quoting it', () => {
    expect(() => sessionCommand(composeScript({ id: 'x', body: "return '\u2019'", prelude: '' }))).toThrow(/not printable ASCII/)
  })

  it('gives up on a session that does not start in time', async () => {
    const factory: ShellFactory = () =>
      ({ invoke: () => new Promise(() => undefined), dispose: () => Promise.resolve() }) as unknown as ReturnType<ShellFactory>
    const host = new NodePowerShellHost(factory, { timeoutMs: 30 })
    expect(await host.run(script, { timeoutMs: 1000 })).toMatchObject({
      ok: false,
      error: { kind: 'not-available', detail: expect.stringContaining('did not start within 30 ms') },
    })
  })

  it('reuses one session across scripts', async () => {
    const { factory, shells } = fakeFactory(async () => result('out'))
    const host = new NodePowerShellHost(factory)
    await host.run(script, { timeoutMs: 1000 })
    const second = await host.run(script, { timeoutMs: 1000 })
    expect(second).toMatchObject({ ok: true, stdout: 'out', exitCode: null })
    expect(shells).toHaveLength(1)
  })

  it('kills a session whose script hangs and starts a fresh one for the next script', async () => {
    let calls = 0
    const { factory, shells } = fakeFactory(() => (calls++ === 0 ? new Promise<InvocationResult>(() => undefined) : Promise.resolve(result('ok'))))
    const host = new NodePowerShellHost(factory)
    const hung = await host.run(script, { timeoutMs: 30 })
    expect(hung).toMatchObject({ ok: false, error: { kind: 'timeout', timeoutMs: 30 } })
    expect(shells[0]?.dispose).toHaveBeenCalled()
    expect(await host.run(script, { timeoutMs: 1000 })).toMatchObject({ ok: true, stdout: 'ok' })
    expect(shells).toHaveLength(2)
  })

  it('reports a session that died as process-died and recovers', async () => {
    let calls = 0
    const { factory, shells } = fakeFactory(() => (calls++ === 0 ? Promise.reject(new Error('EPIPE')) : Promise.resolve(result('ok'))))
    const host = new NodePowerShellHost(factory)
    expect(await host.run(script, { timeoutMs: 1000 })).toMatchObject({ ok: false, error: { kind: 'process-died' } })
    expect(await host.run(script, { timeoutMs: 1000 })).toMatchObject({ ok: true })
    expect(shells).toHaveLength(2)
  })

  it('reports PowerShell that cannot start as not-available', async () => {
    const factory: ShellFactory = () => {
      throw new Error('spawn powershell.exe ENOENT')
    }
    const host = new NodePowerShellHost(factory)
    expect(await host.run(script, { timeoutMs: 1000 })).toMatchObject({ ok: false, error: { kind: 'not-available' } })
  })

  it('stops waiting when the scan is cancelled', async () => {
    const { factory } = fakeFactory(() => new Promise<InvocationResult>(() => undefined))
    const host = new NodePowerShellHost(factory)
    const controller = new AbortController()
    const running = host.run(script, { timeoutMs: 10_000, signal: controller.signal })
    setTimeout(() => controller.abort(), 10)
    expect(await running).toMatchObject({ ok: false, error: { kind: 'cancelled' } })
  })
})
