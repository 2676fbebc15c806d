import { createHash } from 'node:crypto'
import { encodeCommand } from '../encode'

/**
 * The PowerShell texts behind one UAC prompt (docs/security.md#elevation), generated from fixed templates:
 * the unelevated launcher, the elevated bootstrap (stage 1, on the command line) and the payload
 * (stage 2, served over the pipe with the script inside). Only validated tokens (hex, base64, a
 * pipe name, an absolute path, a decimal window handle) are filled into the command lines, so
 * nothing from the script being elevated ever becomes part of one: the elevated process receives
 * the payload over the pipe and checks it against the SHA-256 pinned in the bootstrap.
 *
 * The exact output is pinned by `__fixtures__/bootstrap.ps1.txt`, `payload.ps1.txt` and
 * `launcher.ps1.txt`.
 */

/**
 * The launcher's failure message when PowerShell runs in Constrained Language Mode: the same
 * untranslated id the probes' guard uses (prelude.ps1 Assert-WndFullLanguage), so the app can
 * tell the user that a policy, not a bug, stops elevated repairs on this PC.
 */
export const CONSTRAINED_LANGUAGE_LAUNCH = 'WndNeedsFullLanguage: PowerShell on this PC runs in Constrained Language Mode, so no elevated repair can start.'

/** CreateProcess limit for a whole command line, in UTF-16 code units (docs/security.md#elevation). */
export const MAX_COMMAND_LINE = 32767

/**
 * Limit for the ELEVATED command line: `Process.Start` with `UseShellExecute` goes through
 * ShellExecuteEx, which caps the command line at INTERNET_MAX_URL_LENGTH, "around 2048" (Raymond
 * Chen, "What is the command line length limit?", The Old New Thing, 2003-12-10; measured: an error
 * beyond 2,082 characters on XP and Vista). 2,048 is the budget; the plan must stay well under it.
 */
export const MAX_SHELL_EXECUTE_COMMAND_LINE = 2048

/** Flags for the elevated `powershell.exe`; the bootstrap follows as `-EncodedCommand`. */
export const ELEVATED_ARGUMENTS_PREFIX = '-NoProfile -NonInteractive -ExecutionPolicy Bypass -WindowStyle Hidden -EncodedCommand '

/** What the bootstrap needs: where to fetch the payload, the nonce to prove itself, the pinned hash. */
export interface BootstrapParameters {
  readonly pipeName: string
  readonly nonce: string
  /** SHA-256 (lowercase hex) of the payload's UTF-8 bytes: {@link payloadScript} of the script. */
  readonly payloadSha256: string
  /** How long `NamedPipeClientStream.Connect` waits; after a timeout the pipe is gone, so nothing runs. */
  readonly connectTimeoutMs: number
}

/** What the unelevated launcher needs: the absolute `powershell.exe` and the bootstrap to pass it. */
export interface LauncherParameters {
  readonly powershellPath: string
  readonly bootstrapBase64: string
  /**
   * The app window's HWND as a decimal integer, so the UAC prompt gets an owner and comes to the
   * front instead of only flashing in the taskbar. Absent: no owner (the previous behaviour).
   */
  readonly ownerWindowHandle?: string
}

/** Everything one elevation run hands to PowerShell, built before anything starts. */
export interface ElevationPlan {
  readonly bootstrap: string
  readonly bootstrapBase64: string
  /** What the pipe serves (its SHA-256 is pinned in the bootstrap): the runner with the script inside. */
  readonly payload: string
  readonly launcher: string
  /** Arguments for the unelevated `powershell.exe` that shows the UAC prompt. */
  readonly launcherArgs: readonly string[]
  /** Length of the elevated command line (quoted exe, prefix, bootstrap): see {@link MAX_SHELL_EXECUTE_COMMAND_LINE}. */
  readonly elevatedCommandLineLength: number
}

/**
 * Lines the elevated script writes to its output stream that start with this marker are not part
 * of its stdout: the payload forwards each one at once as a progress event (elevation/progress.ts).
 * From inside a captured block (the composed script's `$WndResult = & { ... }`) a script calls
 * `& $WndProgress '<json>'` instead, which sends the same event immediately.
 */
export const PROGRESS_MARKER = 'WND-PROGRESS:'

const PIPE_NAME = /^[A-Za-z0-9._/-]{1,200}$/
const NONCE = /^[0-9a-f]{16,128}$/
const SHA256_HEX = /^[0-9a-f]{64}$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
// A window handle: a positive decimal integer, no sign, no leading zero, at most 2^63 - 1 (IntPtr).
const DECIMAL = /^[1-9][0-9]{0,18}$/
const MAX_INTPTR = 2n ** 63n - 1n
// Printable ASCII without quotes: it goes between single quotes, and PowerShell also treats the
// typographic quotes U+2018..U+201B as quote characters, so non-ASCII is refused outright.
const WINDOWS_PATH = /^[A-Za-z]:\\[\x20-\x21\x23-\x26\x28-\x7e]+$/

/**
 * SHA-256 (lowercase hex) of the UTF-8 bytes of `text`: the bytes the pipe sends as base64 and the
 * bootstrap hashes before decoding them, so both sides hash exactly the same bytes.
 */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex')
}

/**
 * Stage 1 of the elevated side, the only text on the elevated command line, so every character
 * counts three times over (UTF-16LE, then base64) against the ShellExecuteEx limit. It:
 * - first pins `PSModulePath` to `$PSHOME\Modules`, before any cmdlet could autoload a module: in
 *   Windows PowerShell 5.1 that is `%SystemRoot%\System32\WindowsPowerShell\v1.0\Modules`, writable
 *   by administrators only, while the defaults also hold `Documents\WindowsPowerShell\Modules` (the
 *   user's) and whatever the user's environment adds (about_PSModulePath). `$PSHOME` comes from the
 *   executable's location, not the environment. Even `New-Object` and `ConvertTo-Json` autoload
 *   Microsoft.PowerShell.Utility, so stage 1 uses none: only .NET calls and string concatenation;
 * - connects with Identification-level impersonation (a squatted pipe server cannot act with our
 *   admin token; the enum arguments are given as strings, which PowerShell converts exactly);
 * - says hello with the bare nonce, reads one base64 line, hashes the bytes before decoding them
 *   and compares the base64 SHA-256 case-sensitively (`-cne`) with the pinned one;
 * - on a mismatch sends `{"error":"hash-mismatch"}` and exits 3, having run nothing (Node knows
 *   what it served, so the received hash is not echoed: every character here costs); otherwise dot-sources the payload ({@link payloadScript}), which shares
 *   this scope (pipe writer, nonce).
 * `$ErrorActionPreference = 'Stop'` makes a pipe failure end the process (exit code 1) instead of
 * running on with half-set variables. Nothing here needs quoting: the tokens are validated.
 */
export function bootstrapScript(parameters: BootstrapParameters): string {
  const { pipeName, nonce, payloadSha256, connectTimeoutMs } = parameters
  expectToken('pipe name', pipeName, PIPE_NAME)
  expectToken('nonce', nonce, NONCE)
  expectToken('payload hash', payloadSha256, SHA256_HEX)
  if (!Number.isInteger(connectTimeoutMs) || connectTimeoutMs < 1 || connectTimeoutMs > 600_000) {
    throw new Error(`connect timeout out of range: ${connectTimeoutMs}`)
  }
  const pinned = Buffer.from(payloadSha256, 'hex').toString('base64')
  return [
    `$ErrorActionPreference='Stop'`,
    `$env:PSModulePath="$PSHOME\\Modules"`,
    `$p=[IO.Pipes.NamedPipeClientStream]::new('.','${pipeName}','InOut','None','Identification')`,
    `$p.Connect(${connectTimeoutMs})`,
    `$w=[IO.StreamWriter]::new($p)`,
    `$w.AutoFlush=1`,
    `$w.WriteLine('${nonce}')`,
    `$b=[Convert]::FromBase64String([IO.StreamReader]::new($p).ReadLine())`,
    `if([Convert]::ToBase64String([Security.Cryptography.SHA256]::Create().ComputeHash($b))-cne'${pinned}'){$w.WriteLine('{"error":"hash-mismatch"}');exit 3}`,
    `.([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString($b)))`,
  ].join('\n')
}

/**
 * Stage 2, served over the pipe and pinned by its SHA-256 in stage 1, so it can be as long and
 * readable as it needs: runs the script (embedded as base64 of UTF-8, so nothing in it can break
 * out) in a child scope and streams what it produces:
 * - each output line starting with {@link PROGRESS_MARKER}, and each `& $WndProgress '<json>'`
 *   call, goes out at once as `{"event":"<json>"}`;
 * - everything else is collected and sent at the end as `{"stdout":"..."}`, or with
 *   `"error":"script-error"` when the script threw (exit code 4; 0 otherwise).
 * The script prints its envelope to the pipeline (Write-Output); `[Console]::Out` is NOT captured
 * any more (that cost command-line space, and the payload now owns the output format).
 * `$WndSend` and `$WndProgress` are closures, so a script that reuses the names `$w` or `$WndSend`
 * in its own scope cannot redirect them. Once Node hung up, `& $WndProgress` throws: a batch that
 * lets it propagate stops at its next step instead of repairing on unobserved.
 * A script that calls `exit` ends the process before the result is sent (the caller sees no-result).
 */
export function payloadScript(scriptText: string): string {
  const script = Buffer.from(scriptText, 'utf8').toString('base64')
  return [
    `# Stage 2 of the elevated side (WSL Network Doctor), verified by SHA-256 before it runs.`,
    `$WndSend = { param($m) $w.WriteLine((ConvertTo-Json -InputObject $m -Compress)) }.GetNewClosure()`,
    `$WndProgress = { param([string]$e) & $WndSend @{ event = $e } }.GetNewClosure()`,
    `$WndOut = New-Object Text.StringBuilder`,
    `$WndCode = 0`,
    `try {`,
    `  & ([ScriptBlock]::Create([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${script}')))) | ForEach-Object {`,
    `    $WndLine = [string]$_`,
    `    if ($WndLine.StartsWith('${PROGRESS_MARKER}', [StringComparison]::Ordinal)) {`,
    `      & $WndProgress $WndLine.Substring(${PROGRESS_MARKER.length})`,
    `    } else {`,
    `      $null = $WndOut.Append($WndLine).Append("\`n")`,
    `    }`,
    `  }`,
    `  $WndMessage = @{ stdout = $WndOut.ToString() }`,
    `} catch {`,
    `  $WndMessage = @{ stdout = $WndOut.ToString(); error = 'script-error'; detail = [string]$_ }`,
    `  $WndCode = 4`,
    `}`,
    `& $WndSend $WndMessage`,
    `$p.Dispose()`,
    `exit $WndCode`,
  ].join('\n')
}

/**
 * The unelevated one-shot launcher: the docs/security.md#elevation recipe verbatim in spirit. `Process.Start`
 * with `Verb = 'runas'` (not `Start-Process`, which drops the `Win32Exception` and with it
 * `NativeErrorCode` 1223 = the user declined), `$p.Handle` read before waiting (PowerShell#5421),
 * and exactly one JSON status line on stdout, in UTF-8 because 5.1 defaults to the OEM code page (§3).
 */
export function launcherScript(parameters: LauncherParameters): string {
  const { powershellPath, bootstrapBase64, ownerWindowHandle } = parameters
  expectToken('powershell.exe path', powershellPath, WINDOWS_PATH)
  expectToken('bootstrap', bootstrapBase64, BASE64)
  if (ownerWindowHandle !== undefined) expectWindowHandle(ownerWindowHandle)
  // .NET Framework's Process.StartWithShellExecuteEx copies ErrorDialogParentHandle into
  // SHELLEXECUTEINFO.hwnd only when ErrorDialog is true (otherwise it sets SEE_MASK_FLAG_NO_UI):
  // the owner window is what lets the UAC prompt take the foreground.
  const owner = ownerWindowHandle === undefined ? [] : [`$psi.ErrorDialog = $true`, `$psi.ErrorDialogParentHandle = [IntPtr]${ownerWindowHandle}`]
  return [
    `$ErrorActionPreference = 'Stop'`,
    // Constrained Language Mode (AppLocker/WDAC) forbids everything below: say so in a line the
    // app reads (launcher-output.ts), instead of failing with a localized error.
    `if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') { Write-Output '{"status":"failed","code":null,"message":"${CONSTRAINED_LANGUAGE_LAUNCH}"}'; exit 0 }`,
    `[Console]::OutputEncoding = New-Object Text.UTF8Encoding $false`,
    `$psi = New-Object Diagnostics.ProcessStartInfo '${powershellPath}'`,
    `$psi.UseShellExecute = $true`,
    `$psi.Verb = 'runas'`,
    `$psi.WindowStyle = [Diagnostics.ProcessWindowStyle]::Hidden`,
    `$psi.Arguments = '${ELEVATED_ARGUMENTS_PREFIX}${bootstrapBase64}'`,
    ...owner,
    `$j = $null`,
    `$p = $null`,
    `try {`,
    `  $p = [Diagnostics.Process]::Start($psi)`,
    `} catch {`,
    `  # PowerShell wraps .NET exceptions in MethodInvocationException: walk to the Win32Exception.`,
    `  $e = $_.Exception`,
    `  while ($null -ne $e -and $e -isnot [ComponentModel.Win32Exception]) { $e = $e.InnerException }`,
    `  if ($null -ne $e -and $e.NativeErrorCode -eq 1223) {`,
    `    $j = '{"status":"cancelled"}'`,
    `  } else {`,
    `    $k = $null`,
    `    if ($null -ne $e) { $k = $e.NativeErrorCode }`,
    `    $j = ConvertTo-Json -InputObject ([ordered]@{ status = 'failed'; code = $k; message = [string]$_.Exception.Message }) -Compress`,
    `  }`,
    `}`,
    `if ($null -eq $j) {`,
    `  $x = $null`,
    `  try {`,
    `    $null = $p.Handle`,
    `    $p.WaitForExit()`,
    `    $x = $p.ExitCode`,
    `  } catch {`,
    `    $x = $null`,
    `  }`,
    `  $j = ConvertTo-Json -InputObject ([ordered]@{ status = 'done'; exitCode = $x }) -Compress`,
    `}`,
    `[Console]::Out.WriteLine($j)`,
    `exit 0`,
  ].join('\n')
}

/** Arguments for the unelevated launcher process (`spawn`, no shell): base64 needs no quoting. */
export function launcherArguments(launcherBase64: string): readonly string[] {
  expectToken('launcher', launcherBase64, BASE64)
  return ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', launcherBase64]
}

/**
 * Length of the command line Windows builds for `exe args…` (quoted exe, space-separated args that
 * need no quoting): what must stay under {@link MAX_COMMAND_LINE}.
 */
export function commandLineLength(executable: string, args: readonly string[]): number {
  return executable.length + 2 + args.reduce((total, arg) => total + 1 + arg.length, 0)
}

/**
 * Builds both scripts, the payload and the launcher arguments for one run. Throws on an invalid
 * token or an over-long command line (a bug, not a runtime condition: the caller reports it as
 * `failed`).
 */
export function buildElevationPlan(input: {
  readonly scriptText: string
  readonly pipeName: string
  readonly nonce: string
  readonly powershellPath: string
  readonly connectTimeoutMs: number
  readonly ownerWindowHandle?: string
}): ElevationPlan {
  const payload = payloadScript(input.scriptText)
  const bootstrap = bootstrapScript({
    pipeName: input.pipeName,
    nonce: input.nonce,
    payloadSha256: sha256Hex(payload),
    connectTimeoutMs: input.connectTimeoutMs,
  })
  const bootstrapBase64 = encodeCommand(bootstrap)
  const launcher = launcherScript({
    powershellPath: input.powershellPath,
    bootstrapBase64,
    ...(input.ownerWindowHandle === undefined ? {} : { ownerWindowHandle: input.ownerWindowHandle }),
  })
  const launcherArgs = launcherArguments(encodeCommand(launcher))
  const elevatedCommandLineLength = commandLineLength(input.powershellPath, [ELEVATED_ARGUMENTS_PREFIX + bootstrapBase64])
  if (elevatedCommandLineLength > MAX_SHELL_EXECUTE_COMMAND_LINE) {
    throw new Error(`elevated command line too long for ShellExecuteEx: ${elevatedCommandLineLength} > ${MAX_SHELL_EXECUTE_COMMAND_LINE}`)
  }
  const launcherLength = commandLineLength(input.powershellPath, launcherArgs)
  if (launcherLength > MAX_COMMAND_LINE) throw new Error(`command line too long: ${launcherLength} > ${MAX_COMMAND_LINE}`)
  return { bootstrap, bootstrapBase64, payload, launcher, launcherArgs, elevatedCommandLineLength }
}

/** Refuses anything but a positive decimal integer that fits an IntPtr: it is spliced into code. */
function expectWindowHandle(value: string): void {
  if (!DECIMAL.test(value) || BigInt(value) > MAX_INTPTR) {
    throw new Error(`invalid owner window handle for an elevation script: ${JSON.stringify(value.slice(0, 80))}`)
  }
}

function expectToken(what: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value)) throw new Error(`invalid ${what} for an elevation script: ${JSON.stringify(value.slice(0, 80))}`)
}
