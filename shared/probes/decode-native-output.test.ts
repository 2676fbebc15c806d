import { describe, expect, it } from 'vitest'
import { decodeNativeOutput } from './decode-native-output'

describe('decodeNativeOutput', () => {
  it('reads UTF-8 output (WSL_UTF8=1 honoured)', () => {
    const text = 'WSL 版本: 2.3.26.0\r\n内核版本: 5.15.167.4-1\r\n'
    expect(decodeNativeOutput(Buffer.from(text, 'utf8').toString('base64'))).toBe(text)
  })
  it('reads UTF-16LE without BOM (inbox wsl.exe, microsoft/WSL#4607)', () => {
    const text = '  NAME      STATE           VERSION\r\n* Ubuntu    Stopped         2\r\n'
    expect(decodeNativeOutput(Buffer.from(text, 'utf16le').toString('base64'))).toBe(text)
  })
  it('reads Chinese UTF-16LE text too', () => {
    const text = 'WSL 版本： 2.3.26.0\r\n'
    expect(decodeNativeOutput(Buffer.from(text, 'utf16le').toString('base64'))).toBe(text)
  })
  it('returns null for invalid base64', () => {
    expect(decodeNativeOutput('not base64!')).toBeNull()
  })
})
