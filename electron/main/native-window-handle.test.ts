import { describe, expect, it } from 'vitest'
import { windowHandleToken } from './native-window-handle'

describe('windowHandleToken', () => {
  it('reads a 64-bit and a 32-bit handle as little-endian decimal', () => {
    const wide = Buffer.alloc(8)
    wide.writeBigUInt64LE(0x1_0004_2a3cn)
    expect(windowHandleToken(wide)).toBe(String(0x1_0004_2a3c))
    const narrow = Buffer.alloc(4)
    narrow.writeUInt32LE(0x000a_0b0c)
    expect(windowHandleToken(narrow)).toBe(String(0x000a_0b0c))
  })

  it('gives no owner for an empty, zero, odd-sized or out-of-range handle', () => {
    expect(windowHandleToken(Buffer.alloc(0))).toBeNull()
    expect(windowHandleToken(Buffer.alloc(8))).toBeNull()
    expect(windowHandleToken(Buffer.alloc(6, 1))).toBeNull()
    expect(windowHandleToken(Buffer.alloc(8, 0xff))).toBeNull()
  })
})
