/** A machine WinHTTP proxy as `netsh winhttp set proxy` stores it; null = direct access. */
export type WinHttpProxy = { readonly server: string; readonly bypass: string } | null

/** `WinHttpSettings` flags: 1 is always set (direct), 2 adds the manual proxy (so 3 = proxy). */
const FLAG_DIRECT = 0x1
const FLAG_PROXY = 0x2
const VERSION = 0x18

/**
 * Encodes the `WinHttpSettings` REG_BINARY under `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\
 * Internet Settings\Connections` (docs/knowledge/probes.md#proxy-settings, docs/knowledge/host-causes.md#localhost-proxy), which the `proxy-settings` probe
 * returns as base64. The format is undocumented; layout, all little-endian DWORDs:
 *
 *   version (0x18) · change counter · flags (1 direct, 3 proxy) ·
 *   proxy length · proxy (ASCII) · bypass length · bypass (ASCII)
 *
 * Direct access encodes to `18000000 00000000 01000000 00000000 00000000`, the default value
 * Microsoft's documentation shows (High). The proxy layout is from community decoders (Medium);
 * some dumps show version 0x28 after netsh writes a proxy (Low), the simulation keeps 0x18.
 */
export function encodeWinHttpSettings(proxy: WinHttpProxy, counter = 0): Uint8Array {
  const server = Buffer.from(proxy?.server ?? '', 'latin1')
  const bypass = Buffer.from(proxy?.bypass ?? '', 'latin1')
  const out = Buffer.alloc(20 + server.length + bypass.length)
  let at = 0
  const dword = (value: number) => {
    out.writeUInt32LE(value, at)
    at += 4
  }
  dword(VERSION)
  dword(counter)
  dword(proxy === null ? FLAG_DIRECT : FLAG_DIRECT | FLAG_PROXY)
  dword(server.length)
  server.copy(out, at)
  at += server.length
  dword(bypass.length)
  bypass.copy(out, at)
  return new Uint8Array(out)
}
