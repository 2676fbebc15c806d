const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]))

/**
 * Decodes standard base64 to bytes without `Buffer` or `atob`, so `shared/` stays free of Node and
 * DOM APIs. Returns null on any character outside the alphabet or on bad padding.
 */
export function decodeBase64(text: string): Uint8Array | null {
  const clean = text.replace(/=+$/, '')
  if (clean.length % 4 === 1 || text.length - clean.length > 2) return null
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let value = 0
  let index = 0
  for (const char of clean) {
    const digit = LOOKUP.get(char)
    if (digit === undefined) return null
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
