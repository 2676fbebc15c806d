import { createHash } from 'node:crypto'
import { encodeCommand } from '../encode'

/**
 * The two PowerShell texts behind one UAC prompt (engineering.md §4), generated from fixed
 * templates. Only validated tokens (hex, base64, a pipe name, an absolute path) are filled in, so
 * nothing from the script being elevated ever becomes part of a command line: the elevated process
 * receives the script over the pipe and checks it against the SHA-256 pinned here.
 *
 * The exact output is pinned by `__fixtures__/bootstrap.ps1.txt` and `launcher.ps1.txt`.
 */

/** CreateProcess limit for a whole command line, in UTF-16 code units (engineering.md §4). */
export const MAX_COMMAND_LINE = 32767

/** Flags for the elevated `powershell.exe`; the bootstrap follows as `-EncodedCommand`. */
export const ELEVATED_ARGUMENTS_PREFIX = '-NoProfile -NonInteractive -ExecutionPolicy Bypass -WindowStyle Hidden -EncodedCommand '

/** What the bootstrap needs: where to fetch the script, the nonce to prove itself, the pinned hash. */
export interface BootstrapParameters {
  readonly pipeName: string
  readonly nonce: string
  readonly scriptSha256: string
  /** How long `NamedPipeClientStream.Connect` waits; after a timeout the pipe is gone, so nothing runs. */
  readonly connectTimeoutMs: number
}

/** What the unelevated launcher needs: the absolute `powershell.exe` and the bootstrap to pass it. */
export interface LauncherParameters {
  readonly powershellPath: string
  readonly bootstrapBase64: string
}

/** Everything one elevation run hands to PowerShell, built before anything starts. */
export interface ElevationPlan {
  readonly bootstrap: string
  readonly bootstrapBase64: string
  readonly launcher: string
  /** Arguments for the unelevated `powershell.exe` that shows the UAC prompt. */
  readonly launcherArgs: readonly string[]
}

const PIPE_NAME = /^[A-Za-z0-9._/-]{1,200}$/
const NONCE = /^[0-9a-f]{16,128}$/
const SHA256_HEX = /^[0-9a-f]{64}$/
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
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
 * The elevated side (engineering.md §4, "named pipe" result channel): connects to the pipe with
 * Identification-level impersonation (a squatted pipe server cannot act with our admin token), says
 * hello with the nonce, receives the script as one line of base64, refuses it unless its SHA-256
 * equals the pinned hash, runs it in-process with `[Console]::Out` redirected to a StringWriter
 * (the composed script prints its envelope there, §3), and sends back one JSON line.
 * Exit codes: 0 sent a result, 3 hash mismatch, 4 the script threw, 1 anything else (pipe gone...).
 * A script that calls `exit` ends this process before the result is sent (the caller sees no-result).
 */
export function bootstrapScript(parameters: BootstrapParameters): string {
  const { pipeName, nonce, scriptSha256, connectTimeoutMs } = parameters
  expectToken('pipe name', pipeName, PIPE_NAME)
  expectToken('nonce', nonce, NONCE)
  expectToken('script hash', scriptSha256, SHA256_HEX)
  if (!Number.isInteger(connectTimeoutMs) || connectTimeoutMs < 1 || connectTimeoutMs > 600_000) {
    throw new Error(`connect timeout out of range: ${connectTimeoutMs}`)
  }
  return [
    `$ErrorActionPreference = 'Stop'`,
    `$n = '${nonce}'`,
    `$h = '${scriptSha256}'`,
    `$u = New-Object Text.UTF8Encoding $false`,
    `$p = [IO.Pipes.NamedPipeClientStream]::new('.', '${pipeName}', [IO.Pipes.PipeDirection]::InOut, [IO.Pipes.PipeOptions]::None, [Security.Principal.TokenImpersonationLevel]::Identification)`,
    `$p.Connect(${connectTimeoutMs})`,
    `$r = New-Object IO.StreamReader($p, $u)`,
    `$w = New-Object IO.StreamWriter($p, $u)`,
    `$w.AutoFlush = $true`,
    `$w.WriteLine('{"nonce":"' + $n + '"}')`,
    `$b = [Convert]::FromBase64String($r.ReadLine())`,
    `$a = [BitConverter]::ToString([Security.Cryptography.SHA256]::Create().ComputeHash($b)).Replace('-', '').ToLowerInvariant()`,
    `$c = 0`,
    `if ($a -ne $h) {`,
    `  $m = [ordered]@{ nonce = $n; error = 'hash-mismatch'; detail = $a }`,
    `  $c = 3`,
    `} else {`,
    `  $o = [Console]::Out`,
    `  $s = New-Object IO.StringWriter`,
    `  [Console]::SetOut($s)`,
    `  try {`,
    `    foreach ($i in @(& ([ScriptBlock]::Create($u.GetString($b))))) { $s.WriteLine([string]$i) }`,
    `    $m = [ordered]@{ nonce = $n; stdout = $s.ToString() }`,
    `  } catch {`,
    `    $m = [ordered]@{ nonce = $n; stdout = $s.ToString(); error = 'script-error'; detail = [string]$_ }`,
    `    $c = 4`,
    `  } finally {`,
    `    [Console]::SetOut($o)`,
    `  }`,
    `}`,
    `$w.WriteLine((ConvertTo-Json -InputObject $m -Compress))`,
    `$p.Dispose()`,
    `exit $c`,
  ].join('\n')
}

/**
 * The unelevated one-shot launcher: the engineering.md §4 recipe verbatim in spirit. `Process.Start`
 * with `Verb = 'runas'` (not `Start-Process`, which drops the `Win32Exception` and with it
 * `NativeErrorCode` 1223 = the user declined), `$p.Handle` read before waiting (PowerShell#5421),
 * and exactly one JSON status line on stdout, in UTF-8 because 5.1 defaults to the OEM code page (§3).
 */
export function launcherScript(parameters: LauncherParameters): string {
  const { powershellPath, bootstrapBase64 } = parameters
  expectToken('powershell.exe path', powershellPath, WINDOWS_PATH)
  expectToken('bootstrap', bootstrapBase64, BASE64)
  return [
    `$ErrorActionPreference = 'Stop'`,
    `[Console]::OutputEncoding = New-Object Text.UTF8Encoding $false`,
    `$psi = New-Object Diagnostics.ProcessStartInfo '${powershellPath}'`,
    `$psi.UseShellExecute = $true`,
    `$psi.Verb = 'runas'`,
    `$psi.WindowStyle = [Diagnostics.ProcessWindowStyle]::Hidden`,
    `$psi.Arguments = '${ELEVATED_ARGUMENTS_PREFIX}${bootstrapBase64}'`,
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
 * Builds both scripts and the launcher arguments for one run. Throws on an invalid token or an
 * over-long command line (a bug, not a runtime condition: the caller reports it as `failed`).
 */
export function buildElevationPlan(input: {
  readonly scriptText: string
  readonly pipeName: string
  readonly nonce: string
  readonly powershellPath: string
  readonly connectTimeoutMs: number
}): ElevationPlan {
  const bootstrap = bootstrapScript({
    pipeName: input.pipeName,
    nonce: input.nonce,
    scriptSha256: sha256Hex(input.scriptText),
    connectTimeoutMs: input.connectTimeoutMs,
  })
  const bootstrapBase64 = encodeCommand(bootstrap)
  const launcher = launcherScript({ powershellPath: input.powershellPath, bootstrapBase64 })
  const launcherArgs = launcherArguments(encodeCommand(launcher))
  const elevatedLength = commandLineLength(input.powershellPath, [ELEVATED_ARGUMENTS_PREFIX + bootstrapBase64])
  const launcherLength = commandLineLength(input.powershellPath, launcherArgs)
  if (Math.max(elevatedLength, launcherLength) > MAX_COMMAND_LINE) {
    throw new Error(`command line too long: ${Math.max(elevatedLength, launcherLength)} > ${MAX_COMMAND_LINE}`)
  }
  return { bootstrap, bootstrapBase64, launcher, launcherArgs }
}

function expectToken(what: string, value: string, pattern: RegExp): void {
  if (!pattern.test(value)) throw new Error(`invalid ${what} for an elevation script: ${JSON.stringify(value.slice(0, 80))}`)
}
