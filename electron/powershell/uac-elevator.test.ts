import { spawn } from 'node:child_process'
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { finished } from 'node:stream/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { composeScript } from './compose-script'
import { actAsElevatedSide, actAsForeignClient, decodeLaunch, type DecodedLaunch } from './elevation/fake-elevated-side'
import { sha256Hex } from './elevation/scripts'
import { UacElevator, type LauncherProcess, type LauncherSpawner, type UacElevatorOptions } from './uac-elevator'

const dir = mkdtempSync(join(tmpdir(), 'wnd-uac-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let count = 0
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'

const script = composeScript({
  id: 'repair-dns',
  body: `'"; Remove-Item C:\\ $(calc)\n# 修复 DNS`,
  prelude: '',
  sentinel: 'WND-RESULT-0011223344556677:',
})
const ENVELOPE = `${script.sentinel}{"ok":true,"data":{"fixed":"是"}}\r\n`

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
  const path = join(dir, `e${count++}.sock`)
  return new UacElevator({
    powershellPath: POWERSHELL,
    spawn: spawner,
    pipeEndpoint: () => ({ listenPath: path, pipeName: path }),
    resultGraceMs: 200,
    ...options,
  })
}

const launchOf = (launch: DecodedLaunch) => ({ pipeName: launch.pipeName, nonce: launch.nonce, pinnedSha256: launch.scriptSha256 })

/** The elevated side as the bootstrap would behave, fed from the decoded launcher arguments. */
const runAsBootstrap = (launch: DecodedLaunch, stdout = ENVELOPE) => actAsElevatedSide({ ...launchOf(launch), run: () => stdout })

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

  it('(c) runs the script on the elevated side and returns its output and exit code', async () => {
    let received = ''
    const fake = fakeSpawner(async (launch, process) => {
      const report = await runAsBootstrap(launch)
      if (report.kind === 'ran') received = report.scriptText
      process.print('{"status":"done","exitCode":0}')
      await process.exit(0)
    })
    const outcome = await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })
    expect(outcome).toMatchObject({ kind: 'completed', stdout: ENVELOPE, exitCode: 0 })
    expect(received).toBe(script.text)
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
    const paths = [join(dir, `n${count++}.sock`), join(dir, `n${count++}.sock`)]
    let next = 0
    const uac = new UacElevator({
      powershellPath: POWERSHELL,
      spawn: fake.spawner,
      pipeEndpoint: () => {
        const path = paths[next++] ?? ''
        return { listenPath: path, pipeName: path }
      },
    })
    await uac.runElevated(script, { timeoutMs: 2000 })
    await uac.runElevated(script, { timeoutMs: 2000 })
    expect(launches.map((l) => l.pipeName)).toEqual(paths)
    expect(launches[0]?.nonce).toMatch(/^[0-9a-f]{32}$/)
    expect(launches[0]?.nonce).not.toBe(launches[1]?.nonce)
    expect(launches[0]?.scriptSha256).toBe(sha256Hex(script.text))
    expect(launches[0]?.bootstrap).not.toContain('Remove-Item')
  })

  it('accepts the result even when it lands after the launcher says done', async () => {
    const fake = fakeSpawner(async (launch, process) => {
      process.print('{"status":"done","exitCode":0}')
      await process.exit(0)
      await runAsBootstrap(launch)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({ kind: 'completed', stdout: ENVELOPE, exitCode: 0 })
  })

  it('(d) ignores a connection with the wrong nonce and takes the right one after it', async () => {
    const fake = fakeSpawner(async (launch, process) => {
      const foreign = await actAsForeignClient(launch.pipeName, JSON.stringify({ nonce: 'ffffffffffffffffffffffffffffffff' }))
      expect(foreign.received).toBe('')
      await runAsBootstrap(launch)
      process.print('{"status":"done","exitCode":0}')
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({ kind: 'completed', stdout: ENVELOPE })
  })

  it('(e) reports a script-hash mismatch as failed: the elevated side ran nothing', async () => {
    const fake = fakeSpawner(async (launch, process) => {
      await actAsElevatedSide({ pipeName: launch.pipeName, nonce: launch.nonce, pinnedSha256: sha256Hex('other'), run: () => 'never' })
      process.print('{"status":"done","exitCode":3}')
      await process.exit(0)
    })
    const outcome = await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })
    expect(outcome).toMatchObject({ kind: 'failed', detail: expect.stringContaining(sha256Hex(script.text)) })
  })

  it('(f) times out when nothing happens, kills the launcher and closes the pipe', async () => {
    let launch: DecodedLaunch | undefined
    const fake = fakeSpawner(async (decoded) => {
      launch = decoded
    })
    const outcome = await elevator(fake.spawner).runElevated(script, { timeoutMs: 80 })
    expect(outcome).toMatchObject({ kind: 'timeout', timeoutMs: 80 })
    expect(fake.processes[0]?.killed).toBe(true)
    // A late "Yes" on the prompt finds no pipe, so the script is never handed out.
    if (launch === undefined) throw new Error('launcher never started')
    await expect(runAsBootstrap(launch)).rejects.toThrow()
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

  it('maps a script that was fetched but never answered to no-result', async () => {
    const fake = fakeSpawner(async (launch, process) => {
      const report = await actAsElevatedSide({ ...launchOf(launch), run: () => 'never sent', reply: false })
      expect(report).toEqual({ kind: 'ran', scriptText: script.text })
      process.print('{"status":"done","exitCode":null}')
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({
      kind: 'no-result',
      exitCode: null,
      detail: 'the elevated side disconnected without a result',
    })
  })

  it('does not claim "nothing ran" when the launcher says cancelled but the script was fetched', async () => {
    const fake = fakeSpawner(async (launch, process) => {
      await runAsBootstrap(launch)
      process.print('{"status":"cancelled"}')
      await process.exit(0)
    })
    expect(await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })).toMatchObject({ kind: 'completed', exitCode: null })
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

  it('returns the result with a null exit code when the launcher hangs after it, and kills the launcher', async () => {
    const fake = fakeSpawner(async (launch) => {
      await runAsBootstrap(launch)
    })
    const outcome = await elevator(fake.spawner).runElevated(script, { timeoutMs: 2000 })
    expect(outcome).toMatchObject({ kind: 'completed', stdout: ENVELOPE, exitCode: null })
    expect(fake.processes[0]?.killed).toBe(true)
  })

  it('fails cleanly when the pipe cannot be opened', async () => {
    const fake = fakeSpawner(async () => undefined)
    const bad = join(dir, 'missing', 'p.sock')
    const uac = new UacElevator({ powershellPath: POWERSHELL, spawn: fake.spawner, pipeEndpoint: () => ({ listenPath: bad, pipeName: bad }) })
    expect(await uac.runElevated(script, { timeoutMs: 2000 })).toMatchObject({ kind: 'failed', detail: expect.stringContaining('result pipe') })
    expect(fake.calls).toHaveLength(0)
  })

  it('never rejects, even on a bad configuration', async () => {
    const fake = fakeSpawner(async () => undefined)
    const uac = new UacElevator({ powershellPath: 'powershell.exe', spawn: fake.spawner })
    expect(await uac.runElevated(script, { timeoutMs: 2000 })).toMatchObject({ kind: 'failed', detail: expect.stringContaining('powershell.exe path') })
    expect(fake.calls).toHaveLength(0)
  })

  describe('with a real child process as the launcher', () => {
    const nodeLauncher = (code: string): LauncherSpawner => (_command, _args, options) => spawn(process.execPath, ['-e', code], options)

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
