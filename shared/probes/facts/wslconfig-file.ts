import { z } from 'zod'

/**
 * The interactive user's `%UserProfile%\.wslconfig` as raw bytes, plus WSL policy values.
 *
 * Raw bytes, because the encoding matters: WSL reads UTF-8 (BOM optional) and UTF-16LE with BOM
 * only (docs/knowledge/wslconfig.md). Lookalike files (`.wslconfig.txt`, `.wslconf`, `wsl.conf`) are listed
 * because a misnamed file is silently ignored (docs/knowledge/wslconfig.md). Policy: `HKLM\SOFTWARE\Policies\WSL` (docs/knowledge/wsl-checks.md#enterprise-policy).
 */
export const WslconfigFileFact = z.object({
  path: z.string(),
  exists: z.boolean(),
  sizeBytes: z.number().int().nonnegative().nullable(),
  /** Absent when the file is larger than the probe's cap (1 MiB). */
  contentBase64: z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/)
    .nullable(),
  lastWriteTimeUtc: z.string().nullable(),
  lookalikeFiles: z.array(z.string()),
  policy: z.record(z.string(), z.union([z.number(), z.string()])).nullable(),
})
export type WslconfigFileFact = z.infer<typeof WslconfigFileFact>
