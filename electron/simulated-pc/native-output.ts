import type { NativeOutput } from '../../shared/probes/facts/native-output'

export type NativeEncoding = 'utf8' | 'utf16le'

/**
 * Builds what `Invoke-WndNative` returns for a program that printed `stdout`/`stderr`.
 * wsl.exe output is UTF-16LE without BOM unless WSL_UTF8=1 is honoured (D.2); Windows line ends.
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
