/**
 * Minimal-change editing of `.wslconfig`: change one key and leave every other character alone.
 * WSL's own writer (`ParseConfigFile` in update mode, src/shared/configfile/configfile.cpp) skips the line
 * after a malformed one and can add keys under `[wsl]`; we instead locate lines with the real parser and
 * check every edit by parsing the result again.
 */
import { crtTextMode } from './decode'
import { encodeWslValue } from './encode-value'
import { WSL_KEYS, asciiEqualsIgnoreCase, canonicalName, findWslKey, splitKeyName, type WslKeyDef } from './keys'
import { parseWslConfigText } from './parse'
import type { WslConfigEntry, WslConfigMessage, WslConfigParseDetailed } from './types'
import { parseKeyValue } from './value-parsers'

/** Raised when an edit cannot be made safely; `code` says why. */
export class WslConfigEditError extends Error {
  constructor(
    readonly code: 'unknown-key' | 'invalid-value' | 'unsafe',
    message: string,
  ) {
    super(message)
    this.name = 'WslConfigEditError'
  }
}

/** Finds a key by `section.key` (any of its names) or, when unambiguous, by its bare key name. */
export function resolveWslKey(name: string): WslKeyDef {
  const exact = WSL_KEYS.find((k) => k.names.some((n) => asciiEqualsIgnoreCase(n, name)))
  if (exact) return exact
  const bare = WSL_KEYS.filter((k) => k.names.some((n) => asciiEqualsIgnoreCase(splitKeyName(n).key, name)))
  if (bare.length === 1 && bare[0]) return bare[0]
  throw new WslConfigEditError('unknown-key', `Unknown .wslconfig key '${name}'`)
}

interface Edit {
  start: number
  end: number
  insert: string
}

/**
 * Sets `key` to `value` (the value WSL should end up with, e.g. `4GB` or `C:\temp\kernel`).
 * Updates the first effective occurrence (also one under `[experimental]`), else adds the key to its section,
 * creating the section at the end if needed. Line-end style and all other text are preserved.
 */
export function setWslConfigKey(text: string, key: string, value: string): string {
  const def = resolveWslKey(key)
  const canonical = canonicalName(def)
  const encoded = encodeWslValue(value)
  if (!encoded.ok) throw new WslConfigEditError('invalid-value', `A .wslconfig value cannot contain ${encoded.reason}`)
  const check = parseKeyValue(def, canonical, encoded.bytes, 0)
  if (check.kind !== 'stored' || check.warnings.length > 0) {
    throw new WslConfigEditError('invalid-value', `WSL would not accept '${value}' for ${canonical}`)
  }
  const expected = check.rendered
  const ctx = context(text)
  const candidates: Edit[] = []
  const current = ctx.parsed.entries.find(
    (e): e is Extract<WslConfigEntry, { kind: 'key' }> => e.kind === 'key' && e.canonical === canonical && e.outcome !== 'duplicate' && e.outcome !== 'unknown',
  )
  const { section, key: keyName } = splitKeyName(canonical)
  const broken = current ? null : brokenValue(ctx, canonical)
  if (current) {
    candidates.push({ start: current.valueStart, end: current.valueEnd, insert: encoded.text })
  } else if (broken) {
    // WSL skipped this line (unterminated quote, bad escape): fix its value where it is instead of
    // adding a second line for the same key.
    candidates.push({ ...broken, insert: encoded.text })
  } else {
    const line = `${keyName}=${encoded.text}`
    const inSection = insertIntoSection(ctx, section, line)
    if (inSection) candidates.push(inSection)
    candidates.push(appendSection(ctx, section, line))
  }
  for (const edit of candidates) {
    const result = tryEdit(ctx, [edit], (after) => after.values[canonical] === expected && onlyTargetChanged(ctx.parsed, after, canonical))
    if (result !== null) return result
  }
  throw new WslConfigEditError('unsafe', `Could not set ${canonical} without changing how WSL reads the rest of the file`)
}

/**
 * The value part of the first line WSL skipped while reading this key's value (an unterminated `"`
 * or a bad `\\` escape): from after `=` to the end of the line. Null when there is none, or when
 * the skipped text spans lone CRs (WSL's "line" is then several lines for the user).
 */
function brokenValue(ctx: EditContext, canonical: string): { start: number; end: number } | null {
  for (const e of ctx.parsed.entries) {
    if (e.kind !== 'invalid' || e.name === undefined) continue
    // `Expected '"'` is raised at the line end; `Expected '='` in the middle of the line (not a value).
    const atLineEnd = e.errorPos >= ctx.norm.length || ctx.norm[e.errorPos] === '\n' || ctx.norm[e.errorPos] === '\r'
    if (e.message !== 'MessageConfigInvalidEscape' && !(e.message === 'MessageConfigExpected' && atLineEnd)) continue
    const def = findWslKey(e.name)
    if (!def || canonicalName(def) !== canonical) continue
    const lineText = ctx.norm.slice(e.lineStart, e.end)
    const eq = lineText.indexOf('=')
    if (eq < 0 || lineText.includes('\r')) return null
    let start = e.lineStart + eq + 1
    while (ctx.norm[start] === ' ' || ctx.norm[start] === '\t') start++
    return { start, end: e.end }
  }
  return null
}

/** Removes every line that sets `key` (including duplicates), so WSL falls back to its default. */
export function unsetWslConfigKey(text: string, key: string): string {
  const def = resolveWslKey(key)
  const canonical = canonicalName(def)
  const ctx = context(text)
  const edits: Edit[] = []
  for (const e of ctx.parsed.entries) {
    if (e.kind !== 'key' || e.canonical !== canonical || e.outcome === 'unknown') continue
    edits.push({ start: e.lineStart, end: lineEndAfter(ctx.norm, e.termPos), insert: '' })
  }
  if (edits.length === 0) return text
  const result = tryEdit(ctx, edits, (after) => !(canonical in after.values) && onlyTargetChanged(ctx.parsed, after, canonical))
  if (result === null) throw new WslConfigEditError('unsafe', `Could not remove ${canonical} safely`)
  return result
}

interface EditContext {
  original: string
  norm: string
  map: number[]
  nl: string
  parsed: WslConfigParseDetailed
}

function context(text: string): EditContext {
  const { text: norm, crlf, map } = crtTextMode(text)
  const nl = crlf ? '\r\n' : !text.includes('\n') && text.includes('\r') ? '\r' : '\n'
  return { original: text, norm, map, nl, parsed: parseWslConfigText(norm) }
}

/** Index just past the line end at or after `pos` (a `#` comment runs to the next LF, as in WSL). */
function lineEndAfter(norm: string, pos: number): number {
  if (pos >= norm.length) return norm.length
  if (norm[pos] === '\r') return pos + 1
  const lf = norm.indexOf('\n', pos)
  return lf < 0 ? norm.length : lf + 1
}

/** Inserts `line` after the last line of the first valid `[section]` block (before the next `[`). */
function insertIntoSection(ctx: EditContext, section: string, line: string): Edit | null {
  const entries = ctx.parsed.entries
  const header = entries.find((e) => e.kind === 'section' && asciiEqualsIgnoreCase(e.name, section))
  if (!header || header.kind !== 'section') return null
  const blockEnd = nextBracketLine(ctx.norm, header.end)
  let at = lineEndAfter(ctx.norm, header.end)
  for (const e of entries) {
    if (e.kind === 'key' && e.keyStart > header.end && e.keyStart < blockEnd) at = Math.max(at, lineEndAfter(ctx.norm, e.termPos))
    if (e.kind === 'invalid' && e.errorPos > header.end && e.errorPos < blockEnd) at = Math.max(at, lineEndAfter(ctx.norm, e.end))
  }
  const atEnd = at >= ctx.norm.length
  const needsBreak = atEnd && ctx.norm.length > 0 && !/[\n\r]$/.test(ctx.norm)
  return { start: at, end: at, insert: needsBreak ? `${ctx.nl}${line}${ctx.nl}` : `${line}${ctx.nl}` }
}

/** Start of the first line after `from` whose first non-blank character is `[`, or the text length. */
function nextBracketLine(norm: string, from: number): number {
  const re = /(^|[\n\r])[ \t]*\[/g
  re.lastIndex = from
  const m = re.exec(norm)
  return m ? m.index + (m[1] ?? '').length : norm.length
}

function appendSection(ctx: EditContext, section: string, line: string): Edit {
  const n = ctx.norm.length
  let prefix = ''
  if (n > 0) prefix = /[\n\r]$/.test(ctx.norm) ? ctx.nl : `${ctx.nl}${ctx.nl}`
  return { start: n, end: n, insert: `${prefix}[${section}]${ctx.nl}${line}${ctx.nl}` }
}

/** Applies edits (in normalized offsets), checks the result with the parser and maps it back to `original`. */
function tryEdit(ctx: EditContext, edits: Edit[], ok: (after: WslConfigParseDetailed) => boolean): string | null {
  const sorted = [...edits].sort((a, b) => b.start - a.start)
  let norm = ctx.norm
  let out = ctx.original
  for (const e of sorted) {
    norm = norm.slice(0, e.start) + crtTextMode(e.insert).text + norm.slice(e.end)
    out = out.slice(0, ctx.map[e.start]) + e.insert + out.slice(ctx.map[e.end])
  }
  const after = parseWslConfigText(norm)
  return ok(after) ? out : null
}

/** No warning appears that was not there before, and no other key's value changes or disappears. */
function onlyTargetChanged(before: WslConfigParseDetailed, after: WslConfigParseDetailed, canonical: string): boolean {
  const sig = (w: WslConfigMessage): string => JSON.stringify([w.message, w.args.filter((a) => typeof a === 'string')])
  const pool = new Map<string, number>()
  for (const w of before.warnings) pool.set(sig(w), (pool.get(sig(w)) ?? 0) + 1)
  for (const w of after.warnings) {
    const left = pool.get(sig(w)) ?? 0
    if (left === 0) return false
    pool.set(sig(w), left - 1)
  }
  if (after.error && (!before.error || sig(after.error) !== sig(before.error))) return false
  const sideEffect = canonical === 'experimental.dnsTunnelingIpAddress' ? 'wsl2.dnsTunneling' : ''
  for (const [k, v] of Object.entries(before.values)) {
    if (k === canonical || k === sideEffect) continue
    if (after.values[k] !== v) return false
  }
  return true
}
