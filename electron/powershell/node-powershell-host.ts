import { PowerShell } from 'node-powershell'
import { encodeUtf8 } from './encode'
import type { PowerShellHost, PsRunOptions, PsRunOutcome, PsScript } from './host'

/** Windows PowerShell 5.1 by absolute path: no PATH lookup, and 5.1-only cmdlets are there (D, §3). */
export function windowsPowerShellPath(systemRoot = process.env['SystemRoot'] ?? 'C:\\Windows'): string {
  return `${systemRoot}\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`
}

/** Makes the one-line command a persistent session runs: the script travels base64-encoded. */
export function sessionCommand(script: PsScript): string {
  return `& ([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${encodeUtf8(script.text)}'))))`
}

/** First command of every session: UTF-8 both ways, because 5.1 writes the OEM code page otherwise (§3). */
const SESSION_INIT =
  "[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false; $OutputEncoding = [Console]::OutputEncoding; $ProgressPreference = 'SilentlyContinue'"

type Shell = Pick<PowerShell, 'invoke' | 'dispose'>
export type ShellFactory = () => Shell

function defaultShellFactory(): Shell {
  return new PowerShell({
    executable: windowsPowerShellPath(),
    executableOptions: { '-NoProfile': true, '-NonInteractive': true, '-ExecutionPolicy': 'Bypass' },
    spawnOptions: { windowsHide: true },
    // Any byte on stderr would otherwise throw; the JSON envelope decides success (§3).
    throwOnInvocationError: false,
  })
}

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

  constructor(private readonly createShell: ShellFactory = defaultShellFactory) {}

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
      await session.ready
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
      this.shell = { instance, ready: instance.invoke(SESSION_INIT).then(() => undefined) }
    }
    return this.shell
  }

  private async recycle(): Promise<void> {
    const old = this.shell
    this.shell = null
    if (old !== null) await old.instance.dispose().catch(() => undefined)
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
