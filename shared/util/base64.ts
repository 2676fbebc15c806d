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
