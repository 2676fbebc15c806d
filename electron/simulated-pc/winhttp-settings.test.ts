import { describe, expect, it } from 'vitest'
import { encodeWinHttpSettings, type WinHttpProxy } from './winhttp-settings'

/** A minimal reader of the layout documented in winhttp-settings.ts, for round trips. */
function decode(bytes: Uint8Array): { version: number; counter: number; flags: number; proxy: WinHttpProxy } {
  const buf = Buffer.from(bytes)
  let at = 0
  const dword = () => {
    const value = buf.readUInt32LE(at)
    at += 4
    return value
  }
  const text = () => {
    const length = dword()
    const value = buf.toString('latin1', at, at + length)
    at += length
    return value
  }
  const version = dword()
  const counter = dword()
  const flags = dword()
  const server = text()
  const bypass = text()
  expect(at).toBe(buf.length)
  return { version, counter, flags, proxy: (flags & 2) === 0 ? null : { server, bypass } }
}

describe('encodeWinHttpSettings (docs/knowledge/probes.md#proxy-settings)', () => {
  it('encodes direct access as the documented default value', () => {
    expect(Buffer.from(encodeWinHttpSettings(null)).toString('hex')).toBe('1800000000000000010000000000000000000000')
  })

  it('round-trips a proxy with a bypass list', () => {
    const proxy = { server: 'proxy.corp.example:8080', bypass: '<local>;*.corp.example' }
    expect(decode(encodeWinHttpSettings(proxy, 3))).toEqual({ version: 0x18, counter: 3, flags: 3, proxy })
  })

  it('round-trips a proxy without a bypass list', () => {
    const proxy = { server: 'http=127.0.0.1:7890;https=127.0.0.1:7890', bypass: '' }
    expect(decode(encodeWinHttpSettings(proxy))).toMatchObject({ flags: 3, proxy })
  })
})
