import { spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { finished } from 'node:stream/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PsScript } from './host'
import { decodeLaunch, actAsForeignClient, type DecodedLaunch } from './elevation/test-support/launch-test-support'
import type { ElevatedProgress } from './elevation/progress'
import { requirePwsh, runElevatedSide, unixPipeEndpoint, type PwshRun } from './elevation/real-elevated-side'
import { buildElevationPlan, sha256Hex } from './elevation/scripts'
import { UacElevator, type LauncherProcess, type LauncherSpawner, type UacElevatorOptions } from './uac-elevator'

// The launcher is faked (its `Process.Start` + `runas` cannot run on Linux); the elevated side is
// the REAL bootstrap in pwsh, started with the exact `-EncodedCommand` decoded from the launcher's
// arguments (elevation/real-elevated-side.ts). Short dir: Unix socket paths are limited.
const dir = mkdtempSync('/tmp/wnd-uac-')
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeAll(() => {
  requirePwsh()
})
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'
const SLOW = { timeout: 30_000 }

const SENTINEL = 'WND-RESULT-0011223344556677:'
const ENVELOPE = `${SENTINEL}{"ok":true,"data":{"fixed":"是"}}\n`
/** Prints its envelope to the pipeline, as composed scripts do once compose-script.ts uses Write-Output. */
const script: PsScript = {
  id: 'repair-dns',
  text: `# '"; Remove-Item C:\\ $(calc) 修复 DNS\nWrite-Output '${ENVELOPE.trimEnd()}'`,
  input: null,
  sentinel: SENTINEL,
}
const withText = (text: string): PsScript => ({ ...script, text })

/** An in-process launcher: `act` plays the unelevated PowerShell (and, if it wants, the elevated one). */
class FakeLauncher extends EventEmitter implements LauncherProcess {
  readonly stdout = new PassThrough()
  readonly stderr = new PassThrough()
  killed = false
  private done = false

  print(line: string): void {
    this.stdout.write(`${line}\r\n`)
  }

  async exit(code: number | null = 0): Promise<void> {
    if (this.done) return
    this.done = true
    this.stdout.end()
    this.stderr.end()
    await Promise.all([finished(this.stdout), finished(this.stderr)])
    this.emit('close', code)
  }

  kill(): boolean {
    this.killed = true
    void this.exit(null)
    return true
  }
}

type Act = (launch: DecodedLaunch, process: FakeLauncher) => Promise<void>

function fakeSpawner(act: Act) {
  const calls: { command: string; args: readonly string[]; windowsHide: boolean }[] = []
  const processes: FakeLauncher[] = []
  const spawner: LauncherSpawner = (command, args, options) => {
    calls.push({ command, args, windowsHide: options.windowsHide })
    const process = new FakeLauncher()
    processes.push(process)
    void act(decodeLaunch(args), process)
    return process
  }
  return { spawner, calls, processes }
}

function elevator(spawner: LauncherSpawner, options: UacElevatorOptions = {}) {
  return new UacElevator({
    powershellPath: POWERSHELL,
    spawn: spawner,
    pipeEndpoint: () => unixPipeEndpoint(dir),
    resultGraceMs: 500,
    ...options,
  })
}

/** The elevated powershell.exe as Windows would start it after "Yes": the real bootstrap. */
const runAsBootstrap = (launch: DecodedLaunch): Promise<PwshRun> => runElevatedSide({ bootstrapBase64: launch.bootstrapBase64, tempDir: dir })

describe('UacElevator', () => {
  it('(a) maps a declined UAC prompt (1223) to declined', async () => {
    const fake = fakeSpawner(async (_launch, process) => {
      process.print('{"status":"cancelled"}')
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({ kind: 'declined' })
  })

  it('maps a failed line carrying NativeErrorCode 1223 to declined too', async () => {
    const fake = fakeSpawner(async (_launch, process) => {
      process.print('{"status":"failed","code":1223,"message":"Der Vorgang wurde vom Benutzer abgebrochen"}')
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({ kind: 'declined' })
  })

  it('(b) maps any other start failure to failed, with the Win32 code and message', async () => {
    const fake = fakeSpawner(async (_launch, process) => {
      process.print('{"status":"failed","code":1260,"message":"This program is blocked by group policy."}')
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({
      kind: 'failed',
      detail: 'elevation failed (Win32 error 1260): This program is blocked by group policy.',
    })
  })

  it('(c) runs the script on the elevated side and returns its output and exit code', SLOW, async () => {
    const fake = fakeSpawner(async (launch, process) => {
      const run = await runAsBootstrap(launch)
      process.print(`{"status":"done","exitCode":${run.code}}`)
      await process.exit(0)
    })
    const outcome = await elevator(fake.spawner).runElevated(script, { timeoutMs: 10_000 })
    expect(outcome).toMatchObject({ kind: 'completed', stdout: ENVELOPE, exitCode: 0 })
    expect(fake.calls).toEqual([{ command: POWERSHELL, args: expect.any(Array), windowsHide: true }])
    expect(fake.calls[0]?.args.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand'])
  })

  it('gives the elevated side a fresh pipe and nonce, and pins the hash of this script', async () => {
    const launches: DecodedLaunch[] = []
    const fake = fakeSpawner(async (launch, process) => {
      launches.push(launch)
      process.print('{"status":"cancelled"}')
      await process.exit(0)
    })
    const endpoints = [unixPipeEndpoint(dir), unixPipeEndpoint(dir)]
    let next = 0
    const uac = new UacElevator({
      powershellPath: POWERSHELL,
      spawn: fake.spawner,
      pipeEndpoint: () => endpoints[next++] ?? unixPipeEndpoint(dir),
    })
    await uac.runElevated(script, { timeoutMs: 2000 })
    await uac.runElevated(script, { timeoutMs: 2000 })
    expect(launches.map((l) => l.pipeName)).toEqual(endpoints.map((e) => e.pipeName))
    expect(launches[0]?.nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(launches[0]?.nonce).not.toBe(launches[1]?.nonce)
    const expected = buildElevationPlan({
      scriptText: script.text,
      pipeName: endpoints[0]!.pipeName,
      nonce: launches[0]!.nonce,
      powershellPath: POWERSHELL,
      connectTimeoutMs: 10_000,
    })
    expect(launches[0]?.payloadSha256).toBe(sha256Hex(expected.payload))
    expect(launches[0]?.bootstrap).not.toContain('Remove-Item')
  })

  it('accepts the result even when it lands after the launcher says done', SLOW, async () => {
    const fake = fakeSpawner(async (launch, process) => {
      process.print('{"status":"done","exitCode":0}')
      await process.exit(0)
      await runAsBootstrap(launch)
    })
    expect(await elevator(fake.spawner, { resultGraceMs: 15_000 }).runElevated(script, { timeoutMs: 10_000 })).toMatchObject({
      kind: 'completed',
      stdout: ENVELOPE,
      exitCode: 0,
    })
  })

  it('(d) ignores a connection with the wrong nonce and takes the right one after it', SLOW, async () => {
    const fake = fakeSpawner(async (launch, process) => {
      const foreign = await actAsForeignClient(join(dir, `CoreFxPipe_${launch.pipeName}`), 'ffffffffffffffffffffffffffffffff')
      expect(foreign.received).toBe('')
      await runAsBootstrap(launch)
      process.print('{"status":"done","exitCode":0}')
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 10_000 })).toMatchObject({ kind: 'completed', stdout: ENVELOPE })
  })

  it('(e) reports a payload-hash mismatch as failed: the real bootstrap ran nothing', SLOW, async () => {
    let served = ''
    let code: number | null = null
    const fake = fakeSpawner(async (launch, process) => {
      // A bootstrap pinned to another script gets ours: what a swapped pipe or a bug looks like.
      const other = buildElevationPlan({
        scriptText: 'Write-Output other',
        pipeName: launch.pipeName,
        nonce: launch.nonce,
        powershellPath: POWERSHELL,
        connectTimeoutMs: 5000,
      })
      served = buildElevationPlan({
        scriptText: script.text,
        pipeName: launch.pipeName,
        nonce: launch.nonce,
        powershellPath: POWERSHELL,
        connectTimeoutMs: 10_000,
      }).payload
      code = (await runElevatedSide({ bootstrapBase64: other.bootstrapBase64, tempDir: dir })).code
      process.print(`{"status":"done","exitCode":${code}}`)
      await process.exit(0)
    })
    const outcome = await elevator(fake.spawner).runElevated(script, { timeoutMs: 10_000 })
    expect(outcome).toMatchObject({
      kind: 'failed',
      detail: `the elevated side refused a script whose SHA-256 was ${sha256Hex(served)}, not the pinned one; nothing ran`,
    })
    expect(code).toBe(3)
  })

  it('passes progress events on as they arrive and keeps a run that reports alive past the UAC limit', SLOW, async () => {
    const events: { at: number; event: ElevatedProgress }[] = []
    const started = performance.now()
    const batch = withText(
      [
        `& $WndProgress '{"step":0,"status":"done"}'`,
        `Start-Sleep -Milliseconds 1200`,
        `& $WndProgress '{"step":1,"status":"done"}'`,
        `Start-Sleep -Milliseconds 1200`,
        `& $WndProgress '{"step":2,"status":"done"}'`,
        `Write-Output '${ENVELOPE.trimEnd()}'`,
      ].join('\n'),
    )
    const fake = fakeSpawner(async (launch, process) => {
      const run = await runAsBootstrap(launch)
      process.print(`{"status":"done","exitCode":${run.code}}`)
      await process.exit(0)
    })
    // The whole run takes longer than either limit; only silence longer than 2 s would end it.
    const outcome = await elevator(fake.spawner).runElevated(batch, {
      timeoutMs: 8000,
      inactivityTimeoutMs: 2000,
      onProgress: (event) => events.push({ at: performance.now() - started, event }),
    })
    expect(outcome).toMatchObject({ kind: 'completed', stdout: ENVELOPE, exitCode: 0 })
    expect(events.map((e) => e.event.step)).toEqual([0, 1, 2])
    expect(events[1]!.at - events[0]!.at).toBeGreaterThanOrEqual(1000)
  })

  it('times out on silence after elevation: the inactivity limit, not the UAC one', SLOW, async () => {
    const fake = fakeSpawner(async (launch) => {
      await runAsBootstrap(launch)
    })
    const outcome = await elevator(fake.spawner).runElevated(withText(`& $WndProgress '{"step":0,"status":"started"}'\nStart-Sleep -Seconds 4`), {
      timeoutMs: 15_000,
      inactivityTimeoutMs: 1500,
    })
    expect(outcome).toMatchObject({ kind: 'timeout', timeoutMs: 1500 })
    expect(outcome.durationMs).toBeLessThan(12_000)
  })

  it('(f) times out when nothing happens, kills the launcher and closes the pipe', SLOW, async () => {
    let launch: DecodedLaunch | undefined
    const fake = fakeSpawner(async (decoded) => {
      launch = decoded
    })
    const outcome = await elevator(fake.spawner, { pipeConnectTimeoutMs: 1500 }).runElevated(script, { timeoutMs: 80 })
    expect(outcome).toMatchObject({ kind: 'timeout', timeoutMs: 80 })
    expect(fake.processes[0]?.killed).toBe(true)
    // A late "Yes" on the prompt: the real bootstrap finds no pipe and ends (code 1) without a script.
    if (launch === undefined) throw new Error('launcher never started')
    const late = await runAsBootstrap(launch)
    expect(late.code).toBe(1)
    expect(late.stderr).toMatch(/timed out|Connect|No such file/i)
  })

  it('(g) maps a spawn that throws ENOENT to failed', async () => {
    const spawner: LauncherSpawner = () => {
      throw Object.assign(new Error('spawn powershell.exe ENOENT'), { code: 'ENOENT' })
    }
    expect(await elevator(spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({
      kind: 'failed',
      detail: 'could not start powershell.exe: ENOENT: spawn powershell.exe ENOENT',
    })
  })

  it('(g) maps a spawn error event (the real child_process ENOENT path) to failed', async () => {
    const spawner: LauncherSpawner = (_command, args, options) => spawn(join(dir, 'no-such-powershell.exe'), [...args], options)
    expect(await elevator(spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({
      kind: 'failed',
      detail: expect.stringMatching(/^could not start powershell\.exe: ENOENT/),
    })
  })

  it('maps done without a result to no-result, saying the script was never fetched', async () => {
    const fake = fakeSpawner(async (_launch, process) => {
      process.print('{"status":"done","exitCode":1}')
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({
      kind: 'no-result',
      exitCode: 1,
      detail: 'the elevated process ended without fetching the script',
    })
  })

  it('maps a script that was fetched but never answered (it called exit) to no-result', SLOW, async () => {
    const fake = fakeSpawner(async (launch, process) => {
      const run = await runAsBootstrap(launch)
      process.print(`{"status":"done","exitCode":${run.code}}`)
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(withText(`Write-Output 'x'\nexit 5`), { timeoutMs: 10_000 })).toMatchObject({
      kind: 'no-result',
      exitCode: 5,
      detail: 'the elevated side disconnected without a result',
    })
  })

  it('does not claim "nothing ran" when the launcher says cancelled but the script was fetched', SLOW, async () => {
    const fake = fakeSpawner(async (launch, process) => {
      await runAsBootstrap(launch)
      process.print('{"status":"cancelled"}')
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 10_000 })).toMatchObject({ kind: 'completed', exitCode: null })
  })

  it('maps a launcher that printed no status to failed, with its stderr', async () => {
    const fake = fakeSpawner(async (_launch, process) => {
      process.print('#< CLIXML')
      process.stderr.write('powershell.exe : Program blocked\r\n')
      await process.exit(1)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({
      kind: 'failed',
      detail: 'the launcher gave no status (exit code 1): powershell.exe : Program blocked',
    })
  })

  it('returns the result with a null exit code when the launcher hangs after it, and kills the launcher', SLOW, async () => {
    const fake = fakeSpawner(async (launch) => {
      await runAsBootstrap(launch)
    })
    const outcome = await elevator(fake.spawner).runElevated(script, { timeoutMs: 10_000 })
    expect(outcome).toMatchObject({ kind: 'completed', stdout: ENVELOPE, exitCode: null })
    expect(fake.processes[0]?.killed).toBe(true)
  })

  it('fails cleanly when the pipe cannot be opened', async () => {
    const fake = fakeSpawner(async () => undefined)
    const bad = join(dir, 'missing', 'p.sock')
    const uac = new UacElevator({ powershellPath: POWERSHELL, spawn: fake.spawner, pipeEndpoint: () => ({ listenPath: bad, pipeName: 'p' }) })
    expect(await uac.runElevated(script, { timeoutMs: 2000 })).toMatchObject({ kind: 'failed', detail: expect.stringContaining('result pipe') })
    expect(fake.calls).toHaveLength(0)
  })

  it('passes the owner window handle to the launcher, asked for at each run', async () => {
    const fake = fakeSpawner(async (_launch, process) => {
      process.print('{"status":"cancelled"}')
      await process.exit(0)
    })
    let handle: string | null = null
    const uac = elevator(fake.spawner, { ownerWindowHandle: () => handle })
    await uac.runElevated(script, { timeoutMs: 2000 })
    handle = '656932'
    await uac.runElevated(script, { timeoutMs: 2000 })
    const launchers = fake.calls.map((call) => decodeLaunch(call.args).launcher)
    expect(launchers[0]).not.toContain('ErrorDialogParentHandle')
    expect(launchers[1]).toContain('$psi.ErrorDialogParentHandle = [IntPtr]656932')
  })

  it('refuses a non-numeric owner window handle without starting anything', async () => {
    const fake = fakeSpawner(async () => undefined)
    const outcome = await elevator(fake.spawner, { ownerWindowHandle: () => '1; Start-Process calc' }).runElevated(script, { timeoutMs: 2000 })
    expect(outcome).toMatchObject({ kind: 'failed', detail: expect.stringContaining('owner window handle') })
    expect(fake.calls).toHaveLength(0)
  })

  it('never rejects, even on a bad configuration', async () => {
    const fake = fakeSpawner(async () => undefined)
    const uac = new UacElevator({ powershellPath: 'powershell.exe', spawn: fake.spawner })
    expect(await uac.runElevated(script, { timeoutMs: 2000 })).toMatchObject({ kind: 'failed', detail: expect.stringContaining('powershell.exe path') })
    expect(fake.calls).toHaveLength(0)
  })

  describe('with a real child process as the launcher', () => {
    const nodeLauncher =
      (code: string): LauncherSpawner =>
      (_command, _args, options) =>
        spawn(process.execPath, ['-e', code], options)

    it('reads its status line from real stdout', async () => {
      const spawner = nodeLauncher(`process.stdout.write('WARNING: x\\r\\n{"status":"cancelled"}\\r\\n')`)
      expect(await elevator(spawner).runElevated(script, { timeoutMs: 5000 })).toMatchObject({ kind: 'declined' })
    })

    it('kills a hanging launcher on timeout', async () => {
      let child: ReturnType<typeof spawn> | undefined
      const spawner: LauncherSpawner = (_command, _args, options) => {
        child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], options)
        return child
      }
      const outcome = await elevator(spawner).runElevated(script, { timeoutMs: 300 })
      expect(outcome).toMatchObject({ kind: 'timeout', timeoutMs: 300 })
      expect(child?.killed).toBe(true)
    })
  })
})
