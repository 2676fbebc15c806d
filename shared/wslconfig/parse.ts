/**
 * A faithful port of WSL's `.wslconfig` reader: the character state machine of `ParseConfigFile`
 * (src/shared/configfile/configfile.cpp, parse mode with CFG_SKIP_INVALID_LINES | CFG_SKIP_UNKNOWN_VALUES),
 * `SetConfig` / `ConfigKey::Parse` (duplicate handling) and the key table of src/windows/common/WslCoreConfig.cpp.
 * We reproduce its quirks on purpose: the wizard must tell the user what WSL will really do.
 */
import { isAlnum, isAlpha } from './c-runtime'
import { decodeWslConfig } from './decode'
import { WSL_KEYS, canonicalName, findWslKey, type WslKeyDef } from './keys'
import type { WslConfigEntry, WslConfigMessage, WslConfigParse, WslConfigParseDetailed, WslKeyOutcome } from './types'
import { decodeUtf8 } from './utf8'
import { parseKeyValue } from './value-parsers'

const WEOF = -1
const LF = 0x0a
const CR = 0x0d
const HASH = 0x23

/** Parses `.wslconfig` bytes exactly like WSL does and returns the reference JSON shape. */
export function parseWslConfig(bytes: Uint8Array): WslConfigParse {
  return toReport(parseWslConfigDetailed(bytes))
}

/** Like `parseWslConfig`, plus per-line structure (offsets into `decodeWslConfig(bytes).text`). */
export function parseWslConfigDetailed(bytes: Uint8Array): WslConfigParseDetailed {
  return parseWslConfigText(decodeWslConfig(bytes).text)
}

/** Keeps only the fields of the reference JSON, in its key order. */
export function toReport(parsed: WslConfigParse): WslConfigParse {
  const out: WslConfigParse = { values: parsed.values, warnings: parsed.warnings }
  if (parsed.error) out.error = parsed.error
  return out
}

/** Tracks what each `ConfigKey` holds: its `m_parseResult` (first name and line) and the stored value. */
class KeyState {
  readonly first = new Map<WslKeyDef, { name: string; line: number }>()
  readonly stored = new Map<WslKeyDef, string>()
}

/**
 * Runs the state machine over the code units `fgetwc` returns (see decode.ts). Labels of the C++
 * function (NewLine, ParseSection, ParseKeyValue, ValueDone, InvalidLine) become states.
 */
export function parseWslConfigText(text: string): WslConfigParseDetailed {
  const warnings: WslConfigMessage[] = []
  const entries: WslConfigEntry[] = []
  const keys = new KeyState()
  let error: WslConfigMessage | undefined

  // FILE* emulation: fgetwc / ungetwc / feof.
  let pos = 0
  let eof = false
  let chPos = 0
  const getc = (): number => {
    chPos = pos
    if (pos < text.length) return text.charCodeAt(pos++)
    eof = true
    return WEOF
  }
  const ungetc = (c: number): void => {
    if (c === WEOF) return
    pos -= 1
    eof = false
  }
  const isHSpace = (c: number): boolean => c === 0x20 || c === 0x09

  let ch = 0
  let line = 0
  let trailingComment = false
  let sectionLength = 0
  // `std::string key`: chars are bytes; resize() pads with NULs.
  let key: number[] = []
  let lineStart = 0
  let sectionStart = 0

  const warn = (message: WslConfigMessage['message'], args: (string | number)[] = []): void => {
    warnings.push({ message, line, args })
  }
  const cstr = (bytes: readonly number[]): number[] => {
    const nul = bytes.indexOf(0)
    return nul < 0 ? [...bytes] : bytes.slice(0, nul)
  }
  const asciiName = (bytes: readonly number[]): string => String.fromCharCode(...cstr(bytes))

  type State = 'newLine' | 'section' | 'keyValue' | 'invalidLine' | 'done'
  let state: State = 'newLine'
  let invalidMessage: WslConfigMessage['message'] = 'MessageConfigInvalidKey'
  let invalidErrorPos = 0
  let invalidName: string | undefined

  const toInvalid = (message: WslConfigMessage['message'], args: (string | number)[] = [], name?: string): State => {
    warn(message, args)
    invalidMessage = message
    invalidErrorPos = chPos
    invalidName = name
    return 'invalidLine'
  }

  // NewLine label and the `for (;;)` loop that follows it.
  const newLine = (): State => {
    if (!trailingComment) line++
    for (;;) {
      if (ch === HASH) {
        do {
          ch = getc()
          if (ch === CR) ch = getc()
          if (ch === LF) line++
        } while (ch !== LF && ch !== WEOF)
        if (trailingComment) trailingComment = false
      }
      if (eof) return 'done'
      lineStart = pos
      while (isHSpace((ch = getc()))) {
        /* skip leading spaces */
      }
      switch (ch) {
        case WEOF:
          break
        case CR: {
          const next = getc()
          if (next === LF) line++
          else ungetc(next)
          break
        }
        case LF:
          line++
          break
        case HASH:
          break
        case 0x5b: // '['
          sectionStart = chPos
          return 'section'
        default:
          if (!isAlpha(ch)) return toInvalid('MessageConfigInvalidKey')
          return 'keyValue'
      }
    }
  }

  const parseSection = (): State => {
    ch = getc()
    if (!isAlpha(ch)) return toInvalid('MessageConfigInvalidSection')
    key = []
    do {
      key.push(ch & 0xff)
      ch = getc()
    } while (isAlnum(ch))
    if (ch !== 0x5d) return toInvalid('MessageConfigExpected', ["']'"])
    while (isHSpace((ch = getc()))) {
      /* skip trailing space */
    }
    switch (ch) {
      case WEOF:
      case LF:
      case CR:
        break
      case HASH:
        trailingComment = true
        break
      default:
        return toInvalid('MessageConfigExpected', ["' ' or '\\n'"])
    }
    sectionLength = key.length
    entries.push({ kind: 'section', name: String.fromCharCode(...key), line, start: sectionStart, end: chPos })
    return 'newLine'
  }

  const parseKeyValueState = (): State => {
    const keyStart = chPos
    const firstLine = line
    if (key.length > sectionLength) key.length = sectionLength
    while (key.length < sectionLength) key.push(0)
    if (key.length > 0) key.push(0x2e)
    const prefixLength = key.length
    do {
      key.push(ch & 0xff)
      ch = getc()
    } while (isAlnum(ch))
    const keyName = String.fromCharCode(...key.slice(prefixLength))
    while (isHSpace(ch)) ch = getc()
    if (ch !== 0x3d) return toInvalid('MessageConfigExpected', ["'='"], asciiName(key))
    while (isHSpace((ch = getc()))) {
      /* skip spaces after '=' */
    }
    const valueStart = chPos
    let valueEnd = chPos
    const value: number[] = []
    let trimmedLength = 0
    let inQuote = false
    while (ch !== WEOF && ch !== LF && ch !== CR) {
      let done = false
      switch (ch) {
        case 0x22: // '"'
          inQuote = !inQuote
          break
        case 0x5c: {
          // '\\'
          const ch2 = getc()
          switch (ch2) {
            case 0x5c:
            case 0x22:
              value.push(ch2)
              break
            case 0x62:
              value.push(0x08)
              break
            case 0x6e:
              value.push(0x0a)
              break
            case 0x74:
              value.push(0x09)
              break
            case LF:
              line++
              break
            default:
              return toInvalid('MessageConfigInvalidEscape', [escapeArg(ch2)], asciiName(key))
          }
          break
        }
        case HASH:
          if (!inQuote) {
            trailingComment = true
            done = true
            break
          }
          value.push(ch & 0xff)
          break
        default:
          value.push(ch & 0xff)
          break
      }
      if (done) break
      if (!isHSpace(ch)) {
        trimmedLength = value.length
        valueEnd = pos
      }
      ch = getc()
    }
    // ValueDone
    if (inQuote) return toInvalid('MessageConfigExpected', ['"'], asciiName(key))
    value.length = trimmedLength
    const name = asciiName(key)
    const result = setConfig(name, cstr(value))
    entries.push({
      kind: 'key',
      name,
      keyName,
      line,
      firstLine,
      lineStart,
      keyStart,
      valueStart,
      valueEnd,
      termPos: ch === WEOF ? text.length : chPos,
      canonical: result.key ? canonicalName(result.key) : null,
      value: decodeUtf8(cstr(value)),
      valueBytes: cstr(value),
      outcome: result.outcome,
    })
    return result.outcome === 'fatal' ? 'done' : 'newLine'
  }

  // SetConfig + ConfigKey::Parse.
  const setConfig = (name: string, value: number[]): { key?: WslKeyDef; outcome: WslKeyOutcome } => {
    const def = findWslKey(name)
    if (!def) {
      warn('MessageConfigUnknownKey', [name])
      return { outcome: 'unknown' }
    }
    const first = keys.first.get(def)
    if (first) {
      warn('MessageConfigKeyDuplicated', [name, first.name, first.line])
      return { key: def, outcome: 'duplicate' }
    }
    const r = parseKeyValue(def, name, value, line)
    if (r.kind === 'fatal') {
      error = r.error
      return { key: def, outcome: 'fatal' }
    }
    warnings.push(...r.warnings)
    keys.first.set(def, { name, line })
    if (r.kind === 'stored') {
      keys.stored.set(def, r.rendered)
      return { key: def, outcome: 'stored' }
    }
    if (r.disablesDnsTunneling) {
      const dns = findWslKey('wsl2.dnsTunneling')
      if (dns) keys.stored.set(dns, 'false')
    }
    return { key: def, outcome: 'rejected' }
  }

  const invalidLine = (): State => {
    const start = lineStart
    while (ch !== WEOF && ch !== LF) ch = getc()
    entries.push({
      kind: 'invalid',
      message: invalidMessage,
      line,
      lineStart: start,
      errorPos: invalidErrorPos,
      end: ch === WEOF ? text.length : chPos,
      ...(invalidName === undefined ? {} : { name: invalidName }),
    })
    invalidName = undefined
    return 'newLine'
  }

  for (;;) {
    if (state === 'done') break
    switch (state) {
      case 'newLine':
        state = newLine()
        break
      case 'section':
        state = parseSection()
        break
      case 'keyValue':
        state = parseKeyValueState()
        break
      case 'invalidLine':
        state = invalidLine()
        break
    }
  }

  const values: Record<string, string> = {}
  for (const def of WSL_KEYS) {
    const v = keys.stored.get(def)
    if (v !== undefined) values[canonicalName(def)] = v
  }
  const result: WslConfigParseDetailed = { values, warnings, entries }
  if (error) result.error = error
  return result
}

/** `static_cast<wchar_t>(ch2)` as printed: WEOF becomes U+FFFF; a lone surrogate cannot be UTF-8, so U+FFFD. */
function escapeArg(ch2: number): string {
  if (ch2 === WEOF) return '\uffff'
  if (ch2 >= 0xd800 && ch2 <= 0xdfff) return '\ufffd'
  return String.fromCharCode(ch2)
}
