import { formatHresult, lookupHresult } from './hresults'
import { findSystemTextCodes } from './system-messages'
import { lineAt, lineStarts, normalizeWslText } from './text'

/** An error code found in wsl.exe output (docs/knowledge/error-codes.md#anatomy-of-a-wsl-error). */
export interface ErrorCodeRef {
  /**
   * `path`: a WSL context path such as `Wsl/Service/…/HNS/0x80041002`; `bare`: a lone HRESULT;
   * `text`: only Windows' system text for the code was printed (system-messages.ts).
   */
  readonly source: 'path' | 'bare' | 'text'
  /** The path as printed (a bare code: the code as printed; a system text: the text, quoted). */
  readonly path: string
  /** The path's segments before the code (`['Wsl', 'Service', 'CreateInstance', …]`); empty for bare codes. */
  readonly context: readonly string[]
  /** Hex as `0x` + 8 lower-case digits, or the symbolic name (`E_ACCESSDENIED`). */
  readonly code: string
  /** Unsigned 32-bit value: parsed from hex, or from hresults.ts for known symbolic names; else null. */
  readonly hresult: number | null
  /** The symbolic name: as printed, or from hresults.ts for a known hex code; else null. */
  readonly symbol: string | null
  /** The failure happened while WSL configured networking (`ConfigureNetworking` in the path). */
  readonly networking: boolean
  /** The failure came from the Host Network Service (`HNS` segment). */
  readonly hns: boolean
  /** 1-based line of the first occurrence. */
  readonly line: number
}

const CODE = '0x[0-9a-fA-F]{1,8}|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+'
const PATH = new RegExp(`(?<![\\w/])((?:[A-Z][A-Za-z0-9]*/)+)(${CODE})(?![\\w/])`, 'g')
const BARE = /(?<![\w/])0x[8cC][0-9a-fA-F]{7}(?![\w/])/g
const WSL_SEGMENTS = new Set(['CreateInstance', 'CreateVm', 'ConfigureNetworking', 'RegisterDistro'])

/**
 * Finds error codes in wsl.exe output in any language. The `Error code:` label is localized
 * (zh-CN `错误代码:`), so this matches the path itself: docs/knowledge/error-codes.md#anatomy-of-a-wsl-error's
 * `(?:Wsl/)?(?:Service/)?CreateInstance/CreateVm/ConfigureNetworking(?:/HNS)?/(0x…|[A-Z_]+)`,
 * generalised to any path that starts with `Wsl/` or passes through `CreateInstance`/`CreateVm`
 * (older paths omit `Wsl/Service/`, #12486; `Wsl/Service/CreateVm/…`, #12074).
 *
 * Also reports lone failure HRESULTs (`0x8…`/`0xC…`, e.g. `Error: 0x80370102`, an event's
 * `(0x80041002)`) that no path already reported, and codes printed only as Windows' system text
 * (`Access is denied.`, system-messages.ts). Paths are reported once each, bare codes once per
 * code, in order of first appearance; output pasted twice gives no duplicates.
 */
export function findErrorCodes(text: string): ErrorCodeRef[] {
  const doc = normalizeWslText(text)
  const starts = lineStarts(doc)
  const refs: ErrorCodeRef[] = []
  for (const match of doc.matchAll(PATH)) {
    const path = match[0]
    const context = (match[1] ?? '').split('/').filter((segment) => segment !== '')
    if (context[0] !== 'Wsl' && !context.some((segment) => WSL_SEGMENTS.has(segment))) continue
    if (refs.some((ref) => ref.path === path)) continue
    refs.push(makeRef('path', path, context, match[2] ?? '', lineAt(starts, match.index)))
  }
  for (const match of doc.matchAll(BARE)) {
    const ref = makeRef('bare', match[0], [], match[0], lineAt(starts, match.index))
    if (refs.some((other) => other.code === ref.code)) continue
    refs.push(ref)
  }
  // A code printed only as its system text (issue 11 #3); a printed code wins over its text.
  for (const ref of findSystemTextCodes(text)) {
    if (refs.some((other) => other.code === ref.code || other.hresult === ref.hresult || (other.symbol !== null && other.symbol === ref.symbol))) continue
    refs.push(ref)
  }
  return refs.sort((a, b) => a.line - b.line)
}

function makeRef(source: ErrorCodeRef['source'], path: string, context: readonly string[], rawCode: string, line: number): ErrorCodeRef {
  const hex = /^0x/i.test(rawCode)
  const value = hex ? Number.parseInt(rawCode.slice(2), 16) >>> 0 : null
  const known = lookupHresult(hex ? (value ?? 0) : rawCode)
  return {
    source,
    path,
    context,
    code: value !== null ? formatHresult(value) : rawCode,
    hresult: value ?? known?.value ?? null,
    symbol: hex ? (known?.name ?? null) : rawCode,
    networking: context.includes('ConfigureNetworking'),
    hns: context.includes('HNS'),
    line,
  }
}
