import { z } from 'zod'

/**
 * What a native program (wsl.exe) printed, as raw bytes.
 *
 * Scripts never decode native output themselves: wsl.exe writes UTF-16LE without BOM unless
 * `WSL_UTF8=1` is honoured (WSL 0.64+; docs/knowledge/wsl-checks.md#console-output-of-wsl), and Windows PowerShell 5.1 would
 * decode it with the OEM code page. Decoding is pure code in `shared/` (see `decode-native-output.ts`).
 */
export const NativeOutput = z.object({
  exitCode: z.number().int().nullable(),
  timedOut: z.boolean(),
  stdoutBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
  stderrBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/),
})
export type NativeOutput = z.infer<typeof NativeOutput>
