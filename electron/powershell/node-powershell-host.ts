import { PowerShell } from 'node-powershell'
import type { Readable } from 'node:stream'
import { readBetweenDelimiters } from './delimited-output'
import type { PowerShellHost, PsRunOptions, PsRunOutcome, PsScript } from './host'
import { singleQuotedAsciiLine } from './ps-literal'

/** Windows PowerShell 5.1 by absolute path: no PATH lookup, and 5.1-only cmdlets are there (D, §3). */
export function windowsPowerShellPath(systemRoot = process.env['SystemRoot'] ?? 'C:\\Windows'): string {
  return `${systemRoot}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`
}

/**
 * Makes the one-line command a persistent session runs. node-powershell feeds commands line by
 * line to `-Command -`, so the script must be one line; it travels as an array of single-quoted
 * ASCII lines joined by LF and handed to `Invoke-Expression` in a child scope (`& { }`, so the
 * script's variables and `$ErrorActionPreference` do not leak into the session). Unlike the
 * former `[ScriptBlock]::Create([Convert]::FromBase64String(…))`, this works in Constrained
 * Language Mode; the text is our own script, and `''` quoting of pure ASCII cannot be escaped
 * (ps-literal.ts). Data inside the script is JSON-escaped by composeScript.
 */
export function sessionCommand(script: PsScript): string {
  const lines = script.text.split(/\r?\n/).map(singleQuotedAsciiLine)
  return `& { Invoke-Expression (@(${lines.join(',')}) -join [char]10) }`
}

/**
 * First command of every session. In Full Language Mode the console writes UTF-8 (5.1 writes the
 * OEM code page otherwise); in Constrained Language Mode that assignment is forbidden, and not
 * needed: every result line is ASCII (compose-script.ts).
 */
export const SESSION_INIT =
  "$ProgressPreference = 'SilentlyContinue'; if ($ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage') { [Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; $OutputEncoding = [Console]::OutputEncoding }"

type Shell = Pick<PowerShell, 'invoke' | 'dispose'>
export type ShellFactory = () => Shell

/**
 * node-powershell marks the start and end of each command's output by writing a random delimiter
 * with `[Console]::Out.WriteLine` / `[Console]::Error.WriteLine`. Constrained Language Mode
 * forbids both, so every command would wait for a delimiter that never comes. This subclass
 * writes the stdout delimiter as a plain string expression and the stderr one with
 * `[Console]::Error` only in Full Language Mode, else with `Write-Error` (whose text contains the
 * delimiter, which is all child-shell searches for). The delimiter is child-shell's own nanoid
 * (alphanumeric), so quoting it is safe.
 */
export class LanguageModeSafePowerShell extends PowerShell {
  constructor(options: ConstructorParameters<typeof PowerShell>[0]) {
    super(options)
    // child-shell's reader hangs when a delimiter is followed by more text in the same chunk, as
    // Write-Error's record is (delimited-output.ts). Its reader is private, so it is replaced on
    // the instance; invokeCommand looks it up there on every command.
    ;(this as unknown as { readBulkFromOutput: (stream: Readable, delimiter: string) => Promise<Buffer> }).readBulkFromOutput = readBetweenDelimiters
  }

  protected override writeToOutput(input: string): string {
    return `'${input}'`
  }

  protected override writeToError(input: string): string {
    // Split in two halves so the source line Windows PowerShell 5.1 echoes under an error record
    // ("+ Write-Error …") never spells the delimiter a second time.
    const halves = `'${input.slice(0, 8)}' + '${input.slice(8)}'`
    return `if ($ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage') { [Console]::Error.WriteLine(${halves}) } else { Write-Error -Message (${halves}) -ErrorAction Continue }`
  }
}

/** Options for a real session: which PowerShell, and how long it may take to start. */
export interface PowerShellSessionOptions {
  /** Default Windows PowerShell 5.1 by absolute path; tests pass the project's pwsh. */
  readonly executable?: string
}

export function createShellFactory(options: PowerShellSessionOptions = {}): ShellFactory {
  return () =>
    new LanguageModeSafePowerShell({
      executable: options.executable ?? windowsPowerShellPath(),
      executableOptions: { '-NoProfile': true, '-NonInteractive': true, '-ExecutionPolicy': 'Bypass' },
      spawnOptions: { windowsHide: true },
      // Any byte on stderr would otherwise throw; the JSON envelope decides success (§3).
      throwOnInvocationError: false,
    })
}

const defaultShellFactory = createShellFactory()

/**
 * How long a new session may take to answer its first command. Windows PowerShell 5.1 usually
 * starts in 0.5–3 s; antivirus scanning or a cold disk can make it much slower, but past this a
 * scan should say "PowerShell did not start" rather than wait forever.
 */
export const DEFAULT_STARTUP_TIMEOUT_MS = 30_000

/**
 * The real host: one persistent Windows PowerShell session reused across scripts.
 *
 * Scripts run one at a time (node-powershell queues on one process anyway). A timeout or a dead
 * process disposes the session — node-powershell's own timeout leaves the command running — and the
 * next script gets a fresh one. The script text is passed base64-encoded inside a one-line command,
 * so nothing the script contains is ever parsed as part of that command line.
 */
export class NodePowerShellHost implements PowerShellHost {
  readonly kind = 'windows'
  private shell: { readonly instance: Shell; readonly ready: Promise<void> } | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly createShell: ShellFactory = defaultShellFactory,
    private readonly startup: { readonly timeoutMs?: number; readonly setup?: string } = {},
  ) {}

  run(script: PsScript, options: PsRunOptions): Promise<PsRunOutcome> {
    const next = this.queue.then(() => this.runNow(script, options))
    this.queue = next.catch(() => undefined)
    return next
  }

  async dispose(): Promise<void> {
    await this.recycle()
  }

  private async runNow(script: PsScript, options: PsRunOptions): Promise<PsRunOutcome> {
    const started = performance.now()
    const elapsed = () => performance.now() - started
    if (options.signal?.aborted) return { ok: false, error: { kind: 'cancelled' }, durationMs: 0 }
    let session: { readonly instance: Shell; readonly ready: Promise<void> }
    try {
      session = this.session()
      await withStartupTimeout(session.ready, this.startup.timeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS)
    } catch (error) {
      await this.recycle()
      return { ok: false, error: { kind: 'not-available', detail: describe(error) }, durationMs: elapsed() }
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    let onAbort: (() => void) | undefined
    const interrupted = new Promise<'timeout' | 'cancelled'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.timeoutMs)
      onAbort = () => resolve('cancelled')
      options.signal?.addEventListener('abort', onAbort, { once: true })
    })
    try {
      const result = await Promise.race([session.instance.invoke(sessionCommand(script)), interrupted])
      if (result === 'timeout' || result === 'cancelled') {
        await this.recycle()
        return result === 'timeout'
          ? { ok: false, error: { kind: 'timeout', timeoutMs: options.timeoutMs }, durationMs: elapsed() }
          : { ok: false, error: { kind: 'cancelled' }, durationMs: elapsed() }
      }
      return {
        ok: true,
        stdout: result.stdout?.toString('utf8') ?? '',
        stderr: result.stderr?.toString('utf8') ?? '',
        exitCode: null,
        durationMs: elapsed(),
      }
    } catch (error) {
      await this.recycle()
      return { ok: false, error: { kind: 'process-died', detail: describe(error) }, durationMs: elapsed() }
    } finally {
      clearTimeout(timer)
      if (onAbort) options.signal?.removeEventListener('abort', onAbort)
    }
  }

  private session() {
    if (this.shell === null) {
      const instance = this.createShell()
      const setup = this.startup.setup
      const ready = instance
        .invoke(SESSION_INIT)
        .then(() => (setup === undefined ? undefined : instance.invoke(setup)))
        .then(() => undefined)
      this.shell = { instance, ready }
    }
    return this.shell
  }

  private async recycle(): Promise<void> {
    const old = this.shell
    this.shell = null
    if (old !== null) await old.instance.dispose().catch(() => undefined)
  }
}

async function withStartupTimeout(ready: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`PowerShell did not start within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([ready, late])
  } finally {
    clearTimeout(timer)
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
