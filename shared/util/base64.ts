const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** Digit of each char code (-1 outside the alphabet): a table, as a Map lookup per character made an 8 MiB snapshot slow to redact. */
const LOOKUP = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i

/**
 * Decodes standard base64 to bytes without `Buffer` or `atob`, so `shared/` stays free of Node and
 * DOM APIs. Returns null on any character outside the alphabet or on bad padding.
 */
export function decodeBase64(text: string): Uint8Array | null {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end-- // '=' padding; a loop, as /=+$/ is quadratic on '=' runs
  const clean = text.slice(0, end)
  if (clean.length % 4 === 1 || text.length - clean.length > 2) return null
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let value = 0
  let index = 0
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i)
    const digit = code < 128 ? LOOKUP[code]! : -1
    if (digit < 0) return null
    value = (value << 6) | digit
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[index++] = (value >> bits) & 0xff
    }
  }
  return out
}

/** Encodes bytes as standard base64 (padding included), without `Buffer` or `btoa`. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0
    const b1 = bytes[i + 1]
    const b2 = bytes[i + 2]
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0)
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
    out += b1 === undefined ? '=' : ALPHABET[(n >> 6) & 63]!
    out += b2 === undefined ? '=' : ALPHABET[n & 63]!
  }
  return out
}
