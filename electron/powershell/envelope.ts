import { z } from 'zod'

const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      type: z.string().nullish(),
      message: z.string().nullish(),
      hresult: z.number().nullish(),
      category: z.string().nullish(),
    }),
  }),
])

export type EnvelopeReading =
  | { readonly kind: 'data'; readonly data: unknown }
  | { readonly kind: 'script-error'; readonly accessDenied: boolean; readonly detail: string }
  | { readonly kind: 'garbage'; readonly detail: string }

/** 0x80070005 E_ACCESSDENIED as a signed 32-bit HResult, as .NET reports it. */
const E_ACCESSDENIED = -2147024891

/**
 * Reads the JSON envelope a composed script printed after its sentinel. `unknown` in, typed out:
 * anything that is not exactly one well-formed envelope is `garbage`, never a guess.
 */
export function readEnvelope(stdout: string, sentinel: string): EnvelopeReading {
  const lines = stdout.split(/\r?\n/).filter((line) => line.startsWith(sentinel))
  const line = lines.at(-1)
  if (line === undefined) {
    return { kind: 'garbage', detail: `no result line in ${stdout.length} characters of output` }
  }
  let json: unknown
  try {
    json = JSON.parse(line.slice(sentinel.length))
  } catch (error) {
    return { kind: 'garbage', detail: `result is not JSON: ${String(error)}` }
  }
  const parsed = EnvelopeSchema.safeParse(json)
  if (!parsed.success) {
    return { kind: 'garbage', detail: `result envelope malformed: ${parsed.error.issues[0]?.message ?? ''}` }
  }
  if (parsed.data.ok) {
    return { kind: 'data', data: parsed.data.data }
  }
  const { type, message, hresult, category } = parsed.data.error
  const accessDenied =
    type === 'System.UnauthorizedAccessException' || category === 'PermissionDenied' || hresult === E_ACCESSDENIED
  const hex = typeof hresult === 'number' ? ` (0x${(hresult >>> 0).toString(16).padStart(8, '0')})` : ''
  return { kind: 'script-error', accessDenied, detail: `${type ?? 'Error'}: ${message ?? ''}${hex}`.trim() }
}
