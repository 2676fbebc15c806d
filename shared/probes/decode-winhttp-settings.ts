import { decodeBase64 } from '../util/base64'

/** A machine WinHTTP proxy, or direct access. */
export type WinHttpProxySetting = { readonly kind: 'direct' } | { readonly kind: 'proxy'; readonly server: string; readonly bypass: string }

/**
 * Reads the `WinHttpSettings` REG_BINARY (`netsh winhttp set proxy` stores it) from the
 * proxy-settings probe (docs/knowledge/probes.md#proxy-settings, docs/knowledge/host-causes.md#localhost-proxy). Undocumented format, little-endian DWORDs:
 * version · change counter · flags (bit 2 = manual proxy) · proxy length · proxy (ASCII) · bypass
 * length · bypass (ASCII) — community decoders agree on it (Medium). Returns null for anything that
 * does not fit, never a guess.
 */
export function decodeWinHttpSettings(base64: string): WinHttpProxySetting | null {
  const bytes = decodeBase64(base64)
  if (bytes === null || bytes.length < 16) return null
  const dword = (at: number) => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
  const flags = dword(8)
  const proxyLength = dword(12)
  if (16 + proxyLength > bytes.length) return null
  const ascii = (from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length))
  const server = ascii(16, proxyLength)
  let bypass = ''
  const bypassAt = 16 + proxyLength
  if (bypassAt + 4 <= bytes.length) {
    const bypassLength = dword(bypassAt)
    if (bypassAt + 4 + bypassLength > bytes.length) return null
    bypass = ascii(bypassAt + 4, bypassLength)
  }
  return (flags & 0x2) !== 0 && server !== '' ? { kind: 'proxy', server, bypass } : { kind: 'direct' }
}
