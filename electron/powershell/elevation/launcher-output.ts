import { z } from 'zod'

/** Win32 ERROR_CANCELLED: the user answered "No" on the UAC prompt (docs/security.md#elevation). */
export const ERROR_CANCELLED = 1223

const LauncherLine = z.discriminatedUnion('status', [
  z.object({ status: z.literal('done'), exitCode: z.number().int().nullable() }),
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('failed'), code: z.number().int().nullable(), message: z.string() }),
])

/** What the unelevated launcher reported about the `runas` start. */
export type LauncherStatus =
  /** The elevated process ran and exited; `exitCode` is null when Windows did not give one (§4). */
  | { readonly kind: 'done'; readonly exitCode: number | null }
  /** UAC was declined (`NativeErrorCode` 1223): nothing ran. */
  | { readonly kind: 'cancelled' }
  /** The start failed for another reason (policy, no admin account...): nothing ran. */
  | { readonly kind: 'failed'; readonly code: number | null; readonly message: string }

/**
 * Reads the launcher's one JSON status line defensively: stray lines (a profile banner, CLIXML
 * error records, docs/knowledge/powershell-hosting.md) are skipped, every candidate is zod-validated, and the last
 * valid line wins. A `failed` line carrying 1223 is read as `cancelled` too, in case a future
 * launcher forgets the special case. Returns null when no line is valid.
 */
export function parseLauncherOutput(stdout: string): LauncherStatus | null {
  let status: LauncherStatus | null = null
  for (const raw of stdout.split(/\r?\n/)) {
    // A BOM, and terminal control sequences a console host may put first (PowerShell 7 writes
    // ESC[?1h ESC[?1l even into a pipe), are not part of the line.
    const line = raw
      .replace(/^\uFEFF/, '')
      .replace(/^(?:\u001b\[[0-9;?]*[A-Za-z])+/, '')
      .trim()
    if (!line.startsWith('{')) continue
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      continue
    }
    const parsed = LauncherLine.safeParse(json)
    if (!parsed.success) continue
    const value = parsed.data
    if (value.status === 'done') status = { kind: 'done', exitCode: value.exitCode }
    else if (value.status === 'cancelled' || value.code === ERROR_CANCELLED) status = { kind: 'cancelled' }
    else status = { kind: 'failed', code: value.code, message: value.message }
  }
  return status
}
