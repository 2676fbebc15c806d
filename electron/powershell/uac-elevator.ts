/**
 * UacElevator: one script, one UAC prompt, its output back (docs/security.md#elevation).
 *
 * How a run goes:
 * 1. Node opens a one-shot server on `\\.\pipe\wnd-elevate-<32 random hex>` (elevation/result-channel.ts).
 * 2. Node spawns an UNELEVATED one-shot `powershell.exe` (absolute path, hidden) whose launcher
 *    (elevation/scripts.ts) starts an elevated `powershell.exe` with `Process.Start` + `runas`,
 *    owned by the app window when its HWND is known (so the prompt comes to the front), waits for
 *    it and prints one JSON status line; `NativeErrorCode` 1223 means the user declined.
 * 3. The elevated process gets only a small bootstrap as `-EncodedCommand` (kept under the
 *    ShellExecuteEx limit of about 2,048 characters): pipe name, nonce and the SHA-256 of the
 *    payload. It pins `PSModulePath` to `$PSHOME\Modules`, says hello with the nonce, receives the
 *    payload (a fixed runner with the script inside) over the pipe, refuses it unless the hash
 *    matches, and runs it; the payload streams progress events as they happen, then the output.
 * 4. The timeout is the UAC wait until the hello, then an inactivity limit that every sign of
 *    life restarts (ElevatedRunOptions.inactivityTimeoutMs), not one wall clock.
 *
 * Security argument:
 * - No script on disk, so nothing can be swapped between the write and the UAC approval (the
 *   temp-file TOCTOU problem, §4); both `powershell.exe` processes start by absolute path.
 * - The elevated command line carries only the fixed bootstrap, which pins the payload's SHA-256;
 *   the bootstrap hashes the received bytes and runs nothing on a mismatch. A process that squats
 *   the pipe name (readable from the launcher's command line) can at most serve our exact payload.
 * - The bootstrap connects with Identification-level impersonation, so a squatting pipe server
 *   cannot act with the admin token either.
 * - Modules load only from `$PSHOME\Modules` (admin-writable), set before any cmdlet runs, so
 *   neither `Documents\WindowsPowerShell\Modules` nor a user-set PSModulePath supplies elevated code.
 * - Pipe name and nonce are 128 random bits per run; the server hands the payload to exactly one
 *   client that says the nonce, drops every other connection and stops listening once served.
 *   Later lines need no nonce: they arrive on that one proven connection.
 * - After a timeout the server is closed: a late "Yes" on the prompt starts a bootstrap that finds
 *   no pipe and runs nothing; a payload still running fails its next progress report.
 * - Not covered: a same-user process can read the nonce (and forge a result) or tamper with our
 *   unelevated processes; such a process could as well show its own prompt (UAC is not a security
 *   boundary). Hence results are advisory: callers re-run the probes unelevated after every
 *   repair (§4).
 *
 * Linux CI runs the bootstrap and payload for real in pwsh 7 (elevation/bootstrap.pwsh.test.ts);
 * only verifiable on Windows:
 * - the real UAC prompt; `Process.Start` with `Verb = 'runas'` and the ~1.8 KB `Arguments` string;
 *   `Win32Exception.NativeErrorCode` 1223 on "No" (through PowerShell's MethodInvocationException);
 *   the codes for other failures (policy, no admin account); `$p.Handle` / `ExitCode` of the
 *   elevated child after `WaitForExit`; that `-WindowStyle Hidden` shows no console window;
 * - that `ErrorDialog` + `ErrorDialogParentHandle` bring the prompt to the front, and which
 *   failures now show a shell error box owned by the app window (SEE_MASK_FLAG_NO_UI is off);
 * - `NamedPipeClientStream` (Identification impersonation) connecting to a libuv pipe server from
 *   the elevated token, also under over-the-shoulder elevation (another account: the default pipe
 *   DACL must let it in); Identification is only stored, not applied, on Unix;
 * - Windows PowerShell 5.1 running the bootstrap (`::new`, string-to-enum arguments, `-cne`),
 *   `GetNewClosure` at global scope, ConvertTo-Json of non-ASCII text, and in-box modules
 *   (NetTCPIP, Dism...) autoloading with PSModulePath = `$PSHOME\Modules`;
 * - that killing the launcher on timeout leaves the prompt harmless (late "Yes" finds no pipe);
 * - that Defender and common EDRs tolerate `-EncodedCommand` from this process chain (§4).
 */
import { randomBytes } from 'node:crypto'
import { spawn } from 'node:child_process'
import type { Readable } from 'node:stream'
import type { ElevatedOutcome, ElevatedRunOptions, Elevator } from './elevator'
import type { PsScript } from './host'
import { parseLauncherOutput, type LauncherStatus } from './elevation/launcher-output'
import { openResultChannel, randomPipeEndpoint, type ChannelOutcome, type PipeEndpoint, type ResultChannel } from './elevation/result-channel'
import { buildElevationPlan } from './elevation/scripts'
import { windowsPowerShellPath } from './node-powershell-host'

/** The part of a spawned process the elevator uses; `child_process.spawn`'s result fits. */
export interface LauncherProcess {
  readonly stdout: Readable | null
  readonly stderr: Readable | null
  once(event: 'error', listener: (error: Error) => void): unknown
  once(event: 'close', listener: (code: number | null) => void): unknown
  kill(): unknown
}

export interface LauncherSpawnOptions {
  readonly windowsHide: true
  readonly stdio: ['ignore', 'pipe', 'pipe']
}

/** Starts the unelevated launcher; may throw synchronously or emit `error` (ENOENT...). */
export type LauncherSpawner = (command: string, args: readonly string[], options: LauncherSpawnOptions) => LauncherProcess

export interface UacElevatorOptions {
  /** Absolute `powershell.exe` for both processes. Default: Windows PowerShell 5.1 under %SystemRoot%. */
  readonly powershellPath?: string
  /** Default `child_process.spawn`. Tests pass fakes, since CI has no PowerShell. */
  readonly spawn?: LauncherSpawner
  /** Default a random `\\.\pipe\wnd-elevate-<hex>`. Tests pass Unix socket paths. */
  readonly pipeEndpoint?: () => PipeEndpoint
  /** Default 32 random hex characters. */
  readonly nonce?: () => string
  /** How long to wait for the pipe result once the launcher says `done` (and vice versa). Default 2 s. */
  readonly resultGraceMs?: number
  /** The bootstrap's `NamedPipeClientStream.Connect` timeout. Default 10 s. */
  readonly pipeConnectTimeoutMs?: number
  /** A connection must say hello within this time. Default 5 s. */
  readonly helloTimeoutMs?: number
  /**
   * The app window's HWND as a decimal string (electron/main/native-window-handle.ts), asked for
   * at each run so it may appear after construction: the UAC prompt's owner. Null: no owner.
   */
  readonly ownerWindowHandle?: () => string | null
}

type LauncherExit =
  | { readonly kind: 'exited'; readonly code: number | null; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'spawn-error'; readonly detail: string }

const MAX_CAPTURE = 64 * 1024

/**
 * The real {@link Elevator}: `Process.Start` + `runas` from a one-shot unelevated PowerShell, the
 * script over a named pipe checked by SHA-256 and nonce (docs/security.md#elevation; see the file header
 * for the security argument). Never rejects.
 */
export class UacElevator implements Elevator {
  private readonly powershellPath: string
  private readonly spawnLauncher: LauncherSpawner
  private readonly pipeEndpoint: () => PipeEndpoint
  private readonly nonce: () => string
  private readonly resultGraceMs: number
  private readonly pipeConnectTimeoutMs: number
  private readonly helloTimeoutMs: number
  private readonly ownerWindowHandle: () => string | null

  constructor(options: UacElevatorOptions = {}) {
    this.powershellPath = options.powershellPath ?? windowsPowerShellPath()
    this.spawnLauncher = options.spawn ?? ((command, args, spawnOptions) => spawn(command, [...args], spawnOptions))
    this.pipeEndpoint = options.pipeEndpoint ?? randomPipeEndpoint
    this.nonce = options.nonce ?? (() => randomBytes(16).toString('hex'))
    this.resultGraceMs = options.resultGraceMs ?? 2000
    this.pipeConnectTimeoutMs = options.pipeConnectTimeoutMs ?? 10_000
    this.helloTimeoutMs = options.helloTimeoutMs ?? 5000
    this.ownerWindowHandle = options.ownerWindowHandle ?? (() => null)
  }

  async runElevated(script: PsScript, options: ElevatedRunOptions): Promise<ElevatedOutcome> {
    const started = performance.now()
    const elapsed = () => performance.now() - started
    try {
      return await this.attempt(script, options, elapsed)
    } catch (error) {
      return { kind: 'failed', detail: `elevation helper error: ${describe(error)}`, durationMs: elapsed() }
    }
  }

  private async attempt(script: PsScript, options: ElevatedRunOptions, elapsed: () => number): Promise<ElevatedOutcome> {
    const { timeoutMs, beforeRun, onProgress } = options
    const inactivityMs = options.inactivityTimeoutMs ?? timeoutMs
    const endpoint = this.pipeEndpoint()
    const nonce = this.nonce()
    const owner = this.ownerWindowHandle()
    const plan = buildElevationPlan({
      scriptText: script.text,
      pipeName: endpoint.pipeName,
      nonce,
      powershellPath: this.powershellPath,
      connectTimeoutMs: this.pipeConnectTimeoutMs,
      ...(owner === null ? {} : { ownerWindowHandle: owner }),
    })
    let watchdog: Watchdog | null = null
    const opened = await openResultChannel({
      listenPath: endpoint.listenPath,
      nonce,
      payload: plan.payload,
      helloTimeoutMs: this.helloTimeoutMs,
      // The prompt was answered and the elevated side is alive: from now on only silence counts.
      onActivity: () => watchdog?.restart(inactivityMs),
      ...(onProgress ? { onProgress } : {}),
      // Unelevated steps that must come first run only now that elevation was granted (issue:
      // "UAC declined → nothing ran").
      ...(beforeRun ? { beforeDeliver: async () => (await beforeRun()) === 'continue' } : {}),
    })
    if (!opened.ok) return { kind: 'failed', detail: `could not open the result pipe: ${opened.detail}`, durationMs: elapsed() }
    const channel = opened.channel
    watchdog = startWatchdog(timeoutMs)
    const deadline = watchdog
    let launcher: StartedLauncher | null = null
    try {
      launcher = startLauncher(this.spawnLauncher, this.powershellPath, plan.launcherArgs)
      const grace = () => Math.min(this.resultGraceMs, deadline.remaining())
      const first = await Promise.race([
        launcher.exit.then((exit) => ({ source: 'launcher', exit }) as const),
        channel.outcome.then((message) => ({ source: 'channel', message }) as const),
        deadline.expired.then((limitMs) => ({ source: 'deadline', limitMs }) as const),
      ])
      if (first.source === 'deadline') return { kind: 'timeout', timeoutMs: first.limitMs, durationMs: elapsed() }
      if (first.source === 'channel') {
        const exit = await within(launcher.exit, grace())
        const status = exit?.kind === 'exited' ? parseLauncherOutput(exit.stdout) : null
        return fromChannel(first.message, status?.kind === 'done' ? status.exitCode : null, elapsed())
      }
      return await this.afterLauncher(first.exit, channel, grace, elapsed)
    } finally {
      deadline.cancel()
      launcher?.stop()
      await channel.close()
    }
  }

  private async afterLauncher(exit: LauncherExit, channel: ResultChannel, grace: () => number, elapsed: () => number): Promise<ElevatedOutcome> {
    if (exit.kind === 'spawn-error') {
      return { kind: 'failed', detail: `could not start powershell.exe: ${exit.detail}`, durationMs: elapsed() }
    }
    const status: LauncherStatus | null = parseLauncherOutput(exit.stdout)
    // "Nothing ran" is only claimed while the script never left this process.
    if (status?.kind === 'cancelled' && !channel.scriptDelivered()) return { kind: 'declined', durationMs: elapsed() }
    if (status?.kind === 'failed' && !channel.scriptDelivered()) {
      return { kind: 'failed', detail: `elevation failed (Win32 error ${status.code ?? 'unknown'}): ${status.message}`, durationMs: elapsed() }
    }
    const message = await within(channel.outcome, grace())
    const exitCode = status?.kind === 'done' ? status.exitCode : null
    if (message !== undefined) return fromChannel(message, exitCode, elapsed())
    if (status?.kind === 'done' || channel.scriptDelivered()) {
      const detail = channel.scriptDelivered()
        ? 'the elevated script was sent but sent no result back'
        : 'the elevated process ended without fetching the script'
      return { kind: 'no-result', exitCode, detail, durationMs: elapsed() }
    }
    return { kind: 'failed', detail: `the launcher gave no status (exit code ${exit.code ?? 'none'})${excerpt(exit.stderr)}`, durationMs: elapsed() }
  }
}

function fromChannel(message: ChannelOutcome, exitCode: number | null, durationMs: number): ElevatedOutcome {
  switch (message.kind) {
    case 'aborted':
      return { kind: 'aborted', durationMs }
    case 'result':
      return { kind: 'completed', stdout: message.stdout, exitCode, durationMs }
    case 'refused':
      return { kind: 'failed', detail: `the elevated side refused a script whose SHA-256 was ${message.detail}, not the pinned one; nothing ran`, durationMs }
    case 'script-error':
      return { kind: 'no-result', exitCode, detail: `the elevated script threw: ${message.detail}`, durationMs }
    case 'broken':
      return { kind: 'no-result', exitCode, detail: message.detail, durationMs }
  }
}

interface StartedLauncher {
  readonly exit: Promise<LauncherExit>
  /** Kills the launcher if it is still running (the elevated process, if any, is out of reach). */
  stop(): void
}

function startLauncher(spawnLauncher: LauncherSpawner, command: string, args: readonly string[]): StartedLauncher {
  let child: LauncherProcess
  try {
    child = spawnLauncher(command, args, { windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    return { exit: Promise.resolve({ kind: 'spawn-error', detail: describe(error) }), stop: () => undefined }
  }
  let running = true
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    if (stdout.length < MAX_CAPTURE) stdout += chunk.toString('utf8')
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < MAX_CAPTURE) stderr += chunk.toString('utf8')
  })
  const exit = new Promise<LauncherExit>((resolve) => {
    child.once('error', (error) => {
      running = false
      resolve({ kind: 'spawn-error', detail: describe(error) })
    })
    child.once('close', (code) => {
      running = false
      resolve({ kind: 'exited', code, stdout, stderr })
    })
  })
  return {
    exit,
    stop: () => {
      if (!running) return
      running = false
      try {
        child.kill()
      } catch {
        // Already gone.
      }
    },
  }
}

interface Watchdog {
  /** Resolves with the limit that ran out. */
  readonly expired: Promise<number>
  /** Starts over with `limitMs` from now (a sign of life). No-op once expired or cancelled. */
  restart(limitMs: number): void
  remaining(): number
  cancel(): void
}

/**
 * The run's timeout: first the UAC wait, then an inactivity limit that every sign of life restarts
 * (not one wall clock: a 30-minute DISM step that reports is fine, a silent hang is not).
 */
function startWatchdog(firstLimitMs: number): Watchdog {
  let timer: ReturnType<typeof setTimeout> | undefined
  let at = 0
  let done = false
  let fire: (limitMs: number) => void = () => undefined
  const expired = new Promise<number>((resolve) => {
    fire = resolve
  })
  const arm = (limitMs: number) => {
    if (done) return
    clearTimeout(timer)
    at = performance.now() + limitMs
    timer = setTimeout(() => {
      done = true
      fire(limitMs)
    }, limitMs)
  }
  arm(firstLimitMs)
  return {
    expired,
    restart: arm,
    remaining: () => Math.max(0, at - performance.now()),
    cancel: () => {
      done = true
      clearTimeout(timer)
    },
  }
}

/** `promise`'s value if it settles within `ms`, else undefined. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms)
  })
  try {
    return await Promise.race([promise, late])
  } finally {
    clearTimeout(timer)
  }
}

function excerpt(stderr: string): string {
  const text = stderr.replace(/\s+/g, ' ').trim()
  return text === '' ? '' : `: ${text.slice(0, 300)}`
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    return `${code ?? error.name}: ${error.message}`
  }
  return String(error)
}
