import type { NativeOutput } from '../../shared/probes/facts/native-output'

export type NativeEncoding = 'utf8' | 'utf16le'

/**
 * Builds what `Invoke-WndNative` returns for a program that printed `stdout`/`stderr`.
 * wsl.exe output is UTF-16LE without BOM unless WSL_UTF8=1 is honoured (docs/knowledge/wsl-checks.md#console-output-of-wsl; `WslClient::Main`
 * sets `_O_U16TEXT` or `_O_U8TEXT`, src/windows/common/WslClient.cpp); Windows line ends, as the
 * CRT's text mode writes them.
 */
export function nativeOutput(
  result: { readonly stdout?: string; readonly stderr?: string; readonly exitCode: number | null },
  encoding: NativeEncoding,
): NativeOutput {
  const encode = (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r\n'), encoding).toString('base64')
  return {
    exitCode: result.exitCode,
    timedOut: false,
    stdoutBase64: encode(result.stdout ?? ''),
    stderrBase64: encode(result.stderr ?? ''),
  }
}

const WARNING_PREFIX = 'wsl: '

/**
 * Splits what wsl.exe printed into its two streams, as wsl.exe does: every warning is written as
 * `wsl: {text}\n` to stderr (`ExecutionContext::EmitUserWarning` / `CollectUserWarning`,
 * src/windows/common/ExecutionContext.cpp; the warnings file is stderr, WslClient.cpp `Main`), the
 * fatal error with `Error code:` once to stdout (`wslutil::PrintMessage`, stdout by default,
 * src/windows/common/wslutil.h). Entries are whole messages: a multi-line warning stays on stderr.
 */
export function wslStartStreams(lines: readonly string[]): { stdout: string; stderr: string } {
  const text = (part: readonly string[]) => part.map((l) => `${l}\n`).join('')
  return {
    stdout: text(lines.filter((l) => !l.startsWith(WARNING_PREFIX))),
    stderr: text(lines.filter((l) => l.startsWith(WARNING_PREFIX))),
  }
}
