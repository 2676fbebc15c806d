import { z } from 'zod'

const LanguageModeSchema = z.string().nullish()

const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown(), languageMode: LanguageModeSchema }),
  z.object({
    ok: z.literal(false),
    error: z.object({
      type: z.string().nullish(),
      message: z.string().nullish(),
      hresult: z.number().nullish(),
      category: z.string().nullish(),
      errorId: z.string().nullish(),
    }),
    languageMode: LanguageModeSchema,
  }),
])

/**
 * Why a script failed, as far as the envelope can tell without reading localized text:
 * - `access-denied`: Windows refused the read without admin rights;
 * - `constrained-language`: PowerShell runs in Constrained Language Mode (AppLocker/WDAC policy)
 *   and the script needed something that mode forbids — told by the error ids PowerShell uses for
 *   that, which are not translated, or by our own `Assert-WndFullLanguage` guard (prelude.ps1);
 * - `failed`: anything else.
 */
export type ScriptFailure = 'access-denied' | 'constrained-language' | 'failed'

export type EnvelopeReading =
  | { readonly kind: 'data'; readonly data: unknown; readonly languageMode: string | null }
  | { readonly kind: 'script-error'; readonly failure: ScriptFailure; readonly accessDenied: boolean; readonly detail: string }
  | { readonly kind: 'garbage'; readonly detail: string }

/** FullyQualifiedErrorIds PowerShell raises when Constrained Language Mode blocks a construct. */
const CONSTRAINED_LANGUAGE_ERROR_IDS = [
  'MethodInvocationNotSupportedInConstrainedLanguage',
  'CannotCreateTypeConstrainedLanguage',
  'ConversionSupportedOnlyToCoreTypes',
  'CannotDefineNewType',
  'PropertySetterNotSupportedInConstrainedLanguage',
  'WndNeedsFullLanguage',
]

/** 0x80070005 E_ACCESSDENIED as a signed 32-bit HResult, as .NET reports it. */
const E_ACCESSDENIED = -2147024891

/**
 * Reads the JSON envelope a composed script printed after its sentinel. `unknown` in, typed out:
 * anything that is not exactly one well-formed envelope is `garbage`, never a guess.
 */
export function readEnvelope(stdout: string, sentinel: string): EnvelopeReading {
  // The sentinel is searched within each line, not only at its start: a console host may put
  // terminal control sequences before a line (PowerShell 7 on Linux writes `ESC[?1h ESC[?1l`).
  // The sentinel is random per run, so text before it on the same line cannot forge a result.
  const lines = stdout.split(/\r?\n/).filter((line) => line.includes(sentinel))
  const line = lines.at(-1)
  if (line === undefined) {
    return { kind: 'garbage', detail: `no result line in ${stdout.length} characters of output` }
  }
  let json: unknown
  try {
    json = JSON.parse(line.slice(line.lastIndexOf(sentinel) + sentinel.length))
  } catch (error) {
    return { kind: 'garbage', detail: `result is not JSON: ${String(error)}` }
  }
  const parsed = EnvelopeSchema.safeParse(json)
  if (!parsed.success) {
    return { kind: 'garbage', detail: `result envelope malformed: ${parsed.error.issues[0]?.message ?? ''}` }
  }
  if (parsed.data.ok) {
    return { kind: 'data', data: parsed.data.data, languageMode: parsed.data.languageMode ?? null }
  }
  const { type, message, hresult, category, errorId } = parsed.data.error
  const accessDenied = type === 'System.UnauthorizedAccessException' || category === 'PermissionDenied' || hresult === E_ACCESSDENIED
  const constrained =
    parsed.data.languageMode !== 'FullLanguage' &&
    parsed.data.languageMode != null &&
    CONSTRAINED_LANGUAGE_ERROR_IDS.some((id) => (errorId ?? '').split(',')[0] === id || (message ?? '').startsWith(`${id}:`))
  const failure: ScriptFailure = accessDenied ? 'access-denied' : constrained ? 'constrained-language' : 'failed'
  const hex = typeof hresult === 'number' ? ` (0x${(hresult >>> 0).toString(16).padStart(8, '0')})` : ''
  return { kind: 'script-error', failure, accessDenied, detail: `${type ?? 'Error'}: ${message ?? ''}${hex}`.trim() }
}
