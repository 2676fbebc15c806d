/**
 * Our own advice on top of WSL's warnings. Every hint is backed by what the faithful parser proved about
 * the file (parse.ts); we never guess about lines WSL read correctly.
 */
import { decodeWslConfig } from './decode'
import { WSL_KEYS, asciiEqualsIgnoreCase, canonicalName, findWslKey, splitKeyName } from './keys'
import { parseWslConfigText } from './parse'
import { closest } from './string-distance'
import type { WslConfigEntry, WslConfigParseDetailed } from './types'

/** Stable identifiers of our hints (the UI keys its texts on these). */
export type WslConfigHintId =
  | 'unknown-key-did-you-mean'
  | 'key-in-wrong-section'
  | 'key-before-any-section'
  | 'wsl-conf-key'
  | 'section-typo'
  | 'section-header-ignored'
  | 'semicolon-comment'
  | 'backslash-invalid-escape'
  | 'backslash-silently-mangled'
  | 'non-ascii-mangled'
  | 'legacy-experimental-section'
  | 'duplicate-across-sections'
  | 'utf16-without-bom'
  | 'not-utf8'
  | 'lone-cr-line-ends'

/** One piece of advice: id, the line it is about, and its arguments (see hint-text.ts for their meaning). */
export interface WslConfigHint {
  id: WslConfigHintId
  line: number
  args: (string | number)[]
}

const KNOWN_SECTIONS = ['wsl2', 'experimental', 'general']
/** Sections of /etc/wsl.conf (per distro), which people paste into .wslconfig by mistake. */
const WSL_CONF_SECTIONS = ['boot', 'automount', 'network', 'interop', 'user', 'time', 'gpu', 'fileServer']
/** Misspellings that edit distance alone would not catch, seen in the wild. */
const ALIASES: Record<string, string> = { networkmode: 'networkingMode', netmode: 'networkingMode', cpus: 'processors', cpu: 'processors', ram: 'memory' }

/** Computes hints for a file's bytes (encoding hints need the bytes). */
export function wslConfigHints(bytes: Uint8Array): WslConfigHint[] {
  const decoded = decodeWslConfig(bytes)
  const parsed = parseWslConfigText(decoded.text)
  const encoding = encodingHints(bytes, decoded.encoding, decoded.text)
  // A UTF-16 file read as UTF-8 is all noise line by line; the encoding hint says everything.
  if (encoding.some((h) => h.id === 'utf16-without-bom')) return encoding
  return [...encoding, ...loneCrHints(decoded.text, parsed), ...textHints(decoded.text, parsed)]
}

/**
 * Lines that end with a lone CR (old Mac style): WSL's comment skip runs to the next LF only
 * (configfile.cpp, docs/knowledge/wslconfig.md#lone-cr), so everything after the first `#` is one
 * comment. The hint fires only when that really hides settings: the same text with CR LF ends
 * would give WSL other values. Args: the settings WSL ignores, comma-separated.
 */
function loneCrHints(text: string, parsed: WslConfigParseDetailed): WslConfigHint[] {
  if (!/\r(?!\n)/.test(text)) return []
  const meant = parseWslConfigText(text.replace(/\r(?!\n)/g, '\n'))
  const ignored = Object.keys(meant.values).filter((k) => parsed.values[k] !== meant.values[k])
  if (ignored.length === 0) return []
  const hash = text.indexOf('#')
  const line = hash < 0 ? 1 : text.slice(0, hash).split('\n').length
  return [{ id: 'lone-cr-line-ends', line, args: [ignored.join(', ')] }]
}

/** Hints that need only the decoded text and its parse. */
export function textHints(text: string, parsed: WslConfigParseDetailed): WslConfigHint[] {
  const hints: WslConfigHint[] = []
  for (const e of parsed.entries) {
    if (e.kind === 'key') hints.push(...keyHints(text, e))
    else if (e.kind === 'section') {
      const known = KNOWN_SECTIONS.some((s) => asciiEqualsIgnoreCase(s, e.name))
      const suggestion = known ? undefined : closest(e.name, KNOWN_SECTIONS)
      if (suggestion) hints.push({ id: 'section-typo', line: e.line, args: [e.name, suggestion] })
    } else hints.push(...invalidHints(text, e))
  }
  for (const w of parsed.warnings) {
    if (w.message !== 'MessageConfigKeyDuplicated') continue
    const [dup, first] = w.args
    if (typeof dup === 'string' && typeof first === 'string' && !asciiEqualsIgnoreCase(splitKeyName(dup).section, splitKeyName(first).section)) {
      hints.push({ id: 'duplicate-across-sections', line: w.line, args: w.args })
    }
  }
  return hints.sort((a, b) => a.line - b.line)
}

function keyHints(text: string, e: Extract<WslConfigEntry, { kind: 'key' }>): WslConfigHint[] {
  const out: WslConfigHint[] = []
  const { section } = splitKeyName(e.name)
  const hasDot = e.name.includes('.')
  if (e.outcome === 'unknown') {
    const sameName = WSL_KEYS.find((k) => k.names.some((n) => asciiEqualsIgnoreCase(splitKeyName(n).key, e.keyName)))
    if (!hasDot && sameName) out.push({ id: 'key-before-any-section', line: e.line, args: [e.keyName, canonicalName(sameName)] })
    else if (sameName && KNOWN_SECTIONS.some((s) => asciiEqualsIgnoreCase(s, section)))
      out.push({ id: 'key-in-wrong-section', line: e.line, args: [e.name, canonicalName(sameName)] })
    else if (WSL_CONF_SECTIONS.some((s) => asciiEqualsIgnoreCase(s, section))) out.push({ id: 'wsl-conf-key', line: e.line, args: [e.name] })
    else if (!sameName && hasDot) {
      const inSection = WSL_KEYS.flatMap((k) => k.names)
        .filter((n) => asciiEqualsIgnoreCase(splitKeyName(n).section, section))
        .map((n) => splitKeyName(n).key)
      const alias = ALIASES[e.keyName.toLowerCase()]
      const guess = alias && inSection.includes(alias) ? alias : closest(e.keyName, inSection)
      if (guess) out.push({ id: 'unknown-key-did-you-mean', line: e.line, args: [e.name, `${section}.${guess}`] })
    }
  }
  const def = e.canonical ? findWslKey(e.canonical) : undefined
  if (
    def &&
    e.outcome !== 'unknown' &&
    e.outcome !== 'duplicate' &&
    asciiEqualsIgnoreCase(section, 'experimental') &&
    !asciiEqualsIgnoreCase(splitKeyName(canonicalName(def)).section, 'experimental')
  ) {
    out.push({ id: 'legacy-experimental-section', line: e.line, args: [e.name, canonicalName(def)] })
  }
  const raw = text.slice(e.valueStart, e.valueEnd)
  if (def && (def.type.kind === 'path' || def.type.kind === 'string') && e.outcome === 'stored') {
    const fixed = raw.replace(/\\(.)/g, (m, c: string) => ('btn'.includes(c) ? `\\\\${c}` : m))
    if (fixed !== raw && (def.type.kind === 'path' || /[A-Za-z]:\\/.test(raw))) {
      out.push({ id: 'backslash-silently-mangled', line: e.line, args: [raw, e.value, fixed] })
    }
    if (/[^\u0000-\u007f]/.test(raw) && e.value !== rawUnescaped(raw)) out.push({ id: 'non-ascii-mangled', line: e.line, args: [raw, e.value] })
  }
  return out
}

function invalidHints(text: string, e: Extract<WslConfigEntry, { kind: 'invalid' }>): WslConfigHint[] {
  const lineText = text.slice(e.lineStart, e.end).replace(/\r$/, '')
  const trimmed = lineText.trimStart()
  if (e.message === 'MessageConfigInvalidKey' && trimmed.startsWith(';')) return [{ id: 'semicolon-comment', line: e.line, args: [] }]
  if (e.message === 'MessageConfigInvalidEscape' && e.name) {
    const def = findWslKey(e.name)
    if (def && (def.type.kind === 'path' || def.type.kind === 'string')) {
      const eq = lineText.indexOf('=')
      const raw = lineText.slice(eq + 1).trim()
      return [{ id: 'backslash-invalid-escape', line: e.line, args: [e.name, raw, raw.replace(/\\\\|\\/g, '\\\\')] }]
    }
  }
  if (trimmed.startsWith('[') && !e.name) return [{ id: 'section-header-ignored', line: e.line, args: [trimmed] }]
  return []
}

/** The value as written without quotes/escapes, to tell whether WSL's byte cut changed it. */
function rawUnescaped(raw: string): string {
  return raw.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', b: '\b' })[c] ?? c).replace(/"/g, '')
}

function encodingHints(bytes: Uint8Array, encoding: string, text: string): WslConfigHint[] {
  if (encoding === 'utf8' && bytes.length >= 4) {
    let zeros = 0
    for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) zeros++
    if (zeros * 2 >= bytes.length / 2 || (bytes[0] === 0xfe && bytes[1] === 0xff)) return [{ id: 'utf16-without-bom', line: 1, args: [] }]
  }
  const bad = text.indexOf('\ufffd')
  if (encoding !== 'utf16le-bom' && bad >= 0) {
    const line = text.slice(0, bad).split('\n').length
    return [{ id: 'not-utf8', line, args: [] }]
  }
  return []
}
