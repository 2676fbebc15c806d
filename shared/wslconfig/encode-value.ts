/**
 * Writes a value so that WSL's parser (src/shared/configfile/configfile.cpp) reads back exactly the
 * intended string. WSL keeps only the low byte of every UTF-16 unit and then treats the bytes as UTF-8,
 * so non-ASCII text must be written as its UTF-8 bytes, one U+0000..U+00FF character per byte.
 */
import { encodeUtf8, unitsToString } from './utf8'

/** Why a value cannot be written at all. */
export type EncodeValueError = 'nul' | 'carriage-return' | 'ctrl-z'

/** Encoded value text, or the reason it cannot be expressed in `.wslconfig`. */
export type EncodeValueResult = { ok: true; text: string; bytes: number[] } | { ok: false; reason: EncodeValueError }

/** Escapes and, where needed, quotes `value` for the right-hand side of `key=`. */
export function encodeWslValue(value: string): EncodeValueResult {
  const bytes = [...encodeUtf8(value)]
  let body = ''
  for (const b of bytes) {
    if (b === 0) return { ok: false, reason: 'nul' }
    if (b === 0x0d) return { ok: false, reason: 'carriage-return' }
    if (b === 0x1a) return { ok: false, reason: 'ctrl-z' }
    if (b === 0x5c) body += '\\\\'
    else if (b === 0x22) body += '\\"'
    else if (b === 0x0a) body += '\\n'
    else if (b === 0x09) body += '\\t'
    else if (b === 0x08) body += '\\b'
    else body += unitsToString([b])
  }
  const first = bytes[0]
  const last = bytes[bytes.length - 1]
  const blank = (b: number | undefined): boolean => b === 0x20
  const needsQuotes = bytes.includes(0x23) || blank(first) || blank(last)
  return { ok: true, text: needsQuotes ? `"${body}"` : body, bytes }
}
