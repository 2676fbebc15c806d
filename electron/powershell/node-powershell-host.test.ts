import { describe, expect, it, vi } from 'vitest'
import { composeScript } from './compose-script'
import { NodePowerShellHost, sessionCommand, windowsPowerShellPath, type ShellFactory } from './node-powershell-host'

type InvocationResult = Awaited<ReturnType<ReturnType<ShellFactory>['invoke']>>

function result(stdout: string): InvocationResult {
  return { command: '', raw: stdout, hadErrors: false, startTime: 0, stdout: Buffer.from(stdout), stderr: Buffer.from('') }
}

/** A fake node-powershell shell: the init command succeeds, then `answer` decides. */
function fakeFactory(answer: (command: string) => Promise<InvocationResult>) {
  const shells: { invoke: ReturnType<typeof vi.fn>; dispose: ReturnType<typeof vi.fn> }[] = []
  const factory: ShellFactory = () => {
    const shell = {
      invoke: vi.fn((command: string) => (command.startsWith('[Console]::OutputEncoding') ? Promise.resolve(result('')) : answer(command))),
      dispose: vi.fn(() => Promise.resolve()),
    }
    shells.push(shell)
    return shell as unknown as ReturnType<ShellFactory>
  }
  return { factory, shells }
}

const script = composeScript({ id: 'windows-version', body: 'return 1', prelude: '' })

describe('NodePowerShellHost', () => {
  it('starts Windows PowerShell 5.1 by absolute path', () => {
    expect(windowsPowerShellPath('C:\\Windows')).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')
  })

  it('sends the script base64-encoded in a one-line command', () => {
    const command = sessionCommand(composeScript({ id: 'x', body: "'; Remove-Item C:\\", prelude: '' }))
    expect(command).not.toContain('Remove-Item')
    expect(command).not.toContain('\n')
    expect(command).toMatch(/^& \(\[ScriptBlock\]::Create\(\[Text\.Encoding\]::UTF8\.GetString\(\[Convert\]::FromBase64String\('[A-Za-z0-9+/=]+'\)\)\)\)$/)
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
