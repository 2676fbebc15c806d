import { describe, expect, it } from 'vitest'
import { decodeWinHttpSettings } from './decode-winhttp-settings'

function blob(flags: number, proxy: string, bypass: string): string {
  const p = Buffer.from(proxy, 'latin1')
  const b = Buffer.from(bypass, 'latin1')
  const out = Buffer.alloc(20 + p.length + b.length)
  out.writeUInt32LE(0x28, 0)
  out.writeUInt32LE(3, 4)
  out.writeUInt32LE(flags, 8)
  out.writeUInt32LE(p.length, 12)
  p.copy(out, 16)
  out.writeUInt32LE(b.length, 16 + p.length)
  b.copy(out, 20 + p.length)
  return out.toString('base64')
}

describe('decodeWinHttpSettings', () => {
  it('reads the direct-access default Microsoft documents', () => {
    expect(decodeWinHttpSettings(Buffer.from('1800000000000000010000000000000000000000', 'hex').toString('base64'))).toEqual({ kind: 'direct' })
  })
  it('reads a manual proxy with its bypass list', () => {
    expect(decodeWinHttpSettings(blob(3, '127.0.0.1:7890', '<local>'))).toEqual({ kind: 'proxy', server: '127.0.0.1:7890', bypass: '<local>' })
  })
  it('refuses truncated or nonsense data', () => {
    expect(decodeWinHttpSettings('AAAA')).toBeNull()
    const truncated = Buffer.from(blob(3, 'proxy:8080', ''), 'base64')
      .subarray(0, 18)
      .toString('base64')
    expect(decodeWinHttpSettings(truncated)).toBeNull()
  })
})
