import { decodeNativeOutput, type NativeProducer } from './decode-native-output'
import type { NativeOutput } from './facts/native-output'

/**
 * Everything wsl.exe printed for one run, both streams, in the order it printed them. wsl.exe
 * writes each `wsl: ` warning to stderr as it arrives (`ExecutionContext::EmitUserWarning` →
 * `CollectUserWarning`, which `fputws` to the warnings file = stderr unless WSL_DISABLE_WARNINGS=1;
 * src/windows/common/ExecutionContext.cpp, WslClient.cpp `Main`), and the fatal error
 * (`{message}` + `Error code: …`) once at the end of `WslClient::Main` via
 * `wslutil::PrintMessage(errorString)`, whose stream defaults to stdout
 * (src/windows/common/wslutil.h). So stderr comes first, then stdout.
 */
export function wslPrintedText(output: NativeOutput, producer: NativeProducer): string {
  return [output.stderrBase64, output.stdoutBase64]
    .map((b) => decodeNativeOutput(b, producer) ?? '')
    .filter((t) => t !== '')
    .map((t) => (t.endsWith('\n') ? t : `${t}\n`))
    .join('')
}
