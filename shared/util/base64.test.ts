import { describe, expect, it } from 'vitest'
import { decodeBase64, encodeBase64 } from './base64'

describe('decodeBase64', () => {
  it('decodes what Node encodes, for every padding length', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '网络医生', '\u0000\u00ff']) {
      const bytes = Buffer.from(text, 'utf8')
      expect(Array.from(decodeBase64(bytes.toString('base64')) ?? [])).toEqual(Array.from(bytes))
    }
  })
  it('rejects text outside the alphabet', () => {
    expect(decodeBase64('ab$d')).toBeNull()
    expect(decodeBase64('a')).toBeNull()
  })
})

describe('encodeBase64', () => {
  it('matches Node for every padding length', () => {
    for (const text of ['', 'a', 'ab', 'abc', 'abcd', '网络医生']) {
      const bytes = Buffer.from(text, 'utf8')
      expect(encodeBase64(new Uint8Array(bytes))).toBe(bytes.toString('base64'))
    }
  })
})
