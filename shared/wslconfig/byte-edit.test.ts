import { describe, expect, it } from 'vitest'
import { editFileBytes } from './byte-edit'
import { mapBytes } from './byte-map'
import { setWslConfigKey, unsetWslConfigKey } from './edit'
import { parseWslConfig } from './parse'

const ascii = (s: string): number[] => [...Buffer.from(s, 'latin1')]
const utf8 = (s: string): number[] => [...Buffer.from(s, 'utf8')]
const utf16 = (s: string): number[] => [...Buffer.from(s, 'utf16le')]
/** "你好" as Notepad on Chinese Windows saves it in the ANSI code page (GBK / CP936). */
const GBK_NIHAO = [0xc4, 0xe3, 0xba, 0xc3]

const set = (key: string, value: string) => (text: string) => setWslConfigKey(text, key, value)

function edited(bytes: number[], change: (text: string) => string): Uint8Array {
  const result = editFileBytes(Uint8Array.from(bytes), change)
  if (result.kind !== 'edited') throw new Error(`expected an edit, got ${result.kind}`)
  return result.bytes
}

describe('editFileBytes keeps every byte outside the edited line', () => {
  it('UTF-8 without BOM, CRLF', () => {
    const before = ascii('# mine\r\n[wsl2]\r\nnetworkingMode=mirrored\r\nmemory=4GB\r\n')
    expect([...edited(before, set('wsl2.networkingMode', 'nat'))]).toEqual(ascii('# mine\r\n[wsl2]\r\nnetworkingMode=nat\r\nmemory=4GB\r\n'))
  })

  it('UTF-8 with BOM keeps the BOM and non-ASCII comments', () => {
    const before = [0xef, 0xbb, 0xbf, ...utf8('# 我的设置\n[wsl2]\nnetworkingMode=mirrored\n')]
    expect([...edited(before, set('wsl2.networkingMode', 'nat'))]).toEqual([0xef, 0xbb, 0xbf, ...utf8('# 我的设置\n[wsl2]\nnetworkingMode=nat\n')])
  })

  it('UTF-16LE with BOM keeps the encoding and a trailing odd byte', () => {
    const before = [0xff, 0xfe, ...utf16('# 注释\r\n[wsl2]\r\nnetworkingMode=mirrored\r\n'), 0x41]
    const after = edited(before, set('wsl2.networkingMode', 'nat'))
    expect([...after]).toEqual([0xff, 0xfe, ...utf16('# 注释\r\n[wsl2]\r\nnetworkingMode=nat\r\n'), 0x41])
    expect(parseWslConfig(after).values['wsl2.networkingMode']).toBe('Nat')
  })

  it('UTF-16LE: a key added at the end goes before the odd byte, which stays last', () => {
    const before = [0xff, 0xfe, ...utf16('[wsl2]\r\nswap=0\r\n'), 0x0d]
    expect([...edited(before, set('wsl2.memory', '4GB'))]).toEqual([0xff, 0xfe, ...utf16('[wsl2]\r\nswap=0\r\nmemory=4GB\r\n'), 0x0d])
  })

  it('legacy ANSI/GBK comment bytes (not UTF-8) stay exactly as Notepad wrote them', () => {
    const before = [...ascii('# '), ...GBK_NIHAO, ...ascii('\r\n[wsl2]\r\nnetworkingMode=mirrored # '), ...GBK_NIHAO, ...ascii('\r\n')]
    const after = edited(before, set('wsl2.networkingMode', 'nat'))
    expect([...after]).toEqual([...ascii('# '), ...GBK_NIHAO, ...ascii('\r\n[wsl2]\r\nnetworkingMode=nat # '), ...GBK_NIHAO, ...ascii('\r\n')])
  })

  it('removing a line keeps the GBK bytes of the other lines', () => {
    const before = [...ascii('[wsl2]\r\n# '), ...GBK_NIHAO, ...ascii('\r\nnetworkingMode=mirrored\r\nswap=0 # '), ...GBK_NIHAO]
    const after = edited(before, (t) => unsetWslConfigKey(t, 'wsl2.networkingMode'))
    expect([...after]).toEqual([...ascii('[wsl2]\r\n# '), ...GBK_NIHAO, ...ascii('\r\nswap=0 # '), ...GBK_NIHAO])
  })

  it('mixed line ends: each line keeps its own', () => {
    const before = ascii('[wsl2]\nswap=0\r\nnetworkingMode=mirrored\nmemory=4GB\r\n')
    expect([...edited(before, set('wsl2.networkingMode', 'nat'))]).toEqual(ascii('[wsl2]\nswap=0\r\nnetworkingMode=nat\nmemory=4GB\r\n'))
  })

  it('a last line without line end stays without one', () => {
    expect([...edited(ascii('[wsl2]\r\nnetworkingMode=mirrored'), set('wsl2.networkingMode', 'nat'))]).toEqual(ascii('[wsl2]\r\nnetworkingMode=nat'))
  })

  it('never cuts a UTF-8 sequence: two emoji that share their first UTF-16 unit', () => {
    const before = utf8('[wsl2]\n# 😀\nswap=0\n')
    expect([...edited(before, (t) => t.replace('😀', '😁'))]).toEqual(utf8('[wsl2]\n# 😁\nswap=0\n'))
  })

  it('an invalid UTF-8 byte right before the edited value stays', () => {
    const before = [...ascii('[wsl2]\nswap=0 #'), 0xff, ...ascii('\nnetworkingMode=mirrored\n')]
    expect([...edited(before, set('wsl2.networkingMode', 'nat'))]).toEqual([...ascii('[wsl2]\nswap=0 #'), 0xff, ...ascii('\nnetworkingMode=nat\n')])
  })
})

describe('editFileBytes refuses what it cannot write exactly', () => {
  it('an edit that would re-encode bytes that are not UTF-8 becomes a manual edit', () => {
    // The change copies the line holding GBK bytes: writing U+FFFD would not give those bytes back.
    const before = [...ascii('[wsl2]\nkernelCommandLine='), ...GBK_NIHAO, ...ascii('\n')]
    const result = editFileBytes(Uint8Array.from(before), (t) => `${t}# copy: ${t.split('\n')[1] ?? ''}\n`)
    expect(result.kind).toBe('manual')
  })

  it('unchanged text leaves the bytes alone', () => {
    const before = Uint8Array.from([...ascii('[wsl2]\nnetworkingMode=nat\n#'), 0xff])
    expect(editFileBytes(before, set('wsl2.networkingMode', 'nat')).kind).toBe('unchanged')
  })
})

describe('editFileBytes on a missing file', () => {
  it('creates UTF-8 without BOM with Windows line ends', () => {
    const result = editFileBytes(null, set('wsl2.networkingMode', 'nat'))
    expect(result.kind).toBe('edited')
    if (result.kind !== 'edited') return
    expect([...result.bytes]).toEqual(ascii('[wsl2]\r\nnetworkingMode=nat\r\n'))
    expect(result.before).toBe('')
    expect(parseWslConfig(result.bytes).values).toEqual({ 'wsl2.networkingMode': 'Nat' })
  })
})

describe('mapBytes', () => {
  it('maps each unit to its byte and marks bytes that were not UTF-8', () => {
    const mapped = mapBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, ...GBK_NIHAO.slice(0, 1), 0x62, ...utf8('é')]))
    expect(mapped.encoding).toBe('utf8-bom')
    expect(mapped.rawText).toBe('a\ufffdbé')
    expect(mapped.starts).toEqual([3, 4, 5, 6, 8])
    expect(mapped.replaced).toEqual([false, true, false, false])
  })
})
