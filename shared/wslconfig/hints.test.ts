import { describe, expect, it } from 'vitest'
import { hintText } from './hint-text'
import { wslConfigHints } from './hints'
import { encodeUtf8 } from './utf8'

const hints = (text: string) => wslConfigHints(encodeUtf8(text))
const ids = (text: string) => hints(text).map((h) => h.id)

describe('wslConfigHints', () => {
  it('suggests networkingMode for networkMode', () => {
    expect(hints('[wsl2]\nnetworkMode=mirrored\n')).toEqual([{ id: 'unknown-key-did-you-mean', line: 2, args: ['wsl2.networkMode', 'wsl2.networkingMode'] }])
  })
  it('suggests a close key name', () => {
    expect(hints('[wsl2]\nlocalhostForwading=true\n')[0]?.args).toEqual(['wsl2.localhostForwading', 'wsl2.localhostForwarding'])
  })
  it('flags wsl.conf keys', () => {
    expect(hints('[boot]\nsystemd=true\n')).toEqual([{ id: 'wsl-conf-key', line: 2, args: ['boot.systemd'] }])
  })
  it('flags a key in the wrong section', () => {
    expect(hints('[wsl2]\nsparseVhd=true\n')).toEqual([{ id: 'key-in-wrong-section', line: 2, args: ['wsl2.sparseVhd', 'experimental.sparseVhd'] }])
  })
  it('flags a key before any section', () => {
    expect(hints('memory=4GB\n[wsl2]\n')).toEqual([{ id: 'key-before-any-section', line: 1, args: ['memory', 'wsl2.memory'] }])
  })
  it('flags a [ws12] typo', () => {
    expect(ids('[ws12]\nmemory=4GB\n')).toContain('section-typo')
  })
  it('flags an ignored header', () => {
    expect(hints('[wsl2]\n[experimental] junk\nsparseVhd=true\n')).toContainEqual({ id: 'section-header-ignored', line: 2, args: ['[experimental] junk'] })
  })
  it('flags ; comments', () => {
    expect(hints('[wsl2]\n; note\n')).toEqual([{ id: 'semicolon-comment', line: 2, args: [] }])
  })
  it('shows what WSL reads from single backslashes', () => {
    expect(hints('[wsl2]\nkernel=C:\\temp\\bzImage\n')).toEqual([
      { id: 'backslash-silently-mangled', line: 2, args: ['C:\\temp\\bzImage', 'C:\temp\bzImage', 'C:\\\\temp\\\\bzImage'] },
    ])
    expect(hints('[wsl2]\nkernel=C:\\Users\\me\\k\n')).toEqual([
      { id: 'backslash-invalid-escape', line: 2, args: ['wsl2.kernel', 'C:\\Users\\me\\k', 'C:\\\\Users\\\\me\\\\k'] },
    ])
    expect(hints('[wsl2]\nkernel=C:\\\\temp\\\\bzImage\n')).toEqual([])
  })
  it('flags non-ASCII text WSL mangles', () => {
    expect(hints('[wsl2]\nswapFile=D:\\\\Łukasz\\\\swap.vhdx\n')).toEqual([
      { id: 'non-ascii-mangled', line: 2, args: ['D:\\\\Łukasz\\\\swap.vhdx', 'D:\\Aukasz\\swap.vhdx'] },
    ])
  })
  it('flags legacy [experimental] keys and duplicates across sections', () => {
    const found = hints('[wsl2]\nnetworkingMode=nat\n[experimental]\nnetworkingMode=mirrored\n')
    expect(found.map((h) => h.id)).toEqual(['duplicate-across-sections'])
    expect(ids('[experimental]\nnetworkingMode=mirrored\n')).toEqual(['legacy-experimental-section'])
  })
  it('flags BOM-less UTF-16 and non-UTF-8 files', () => {
    const utf16 = new Uint8Array([...'[wsl2]\n'].flatMap((c) => [c.charCodeAt(0), 0]))
    expect(wslConfigHints(utf16).map((h) => h.id)).toEqual(['utf16-without-bom'])
    expect(wslConfigHints(new Uint8Array([0x5b, 0x77, 0x73, 0x6c, 0x32, 0x5d, 0x0a, 0x23, 0xe9, 0x0a])).map((h) => h.id)).toEqual(['not-utf8'])
  })
  it('says nothing about a clean file', () => {
    expect(hints('[wsl2]\nmemory=4GB\nnetworkingMode=mirrored\n[experimental]\nsparseVhd=true\n')).toEqual([])
  })
  it('has a text for every hint', () => {
    for (const h of hints('[wsl2]\nnetworkMode=x\n; a\nkernel=C:\\temp\n')) expect(hintText(h).length).toBeGreaterThan(10)
  })
})

describe('lone CR line ends (docs/knowledge/wslconfig.md#lone-cr)', () => {
  const hintsOf = (text: string) => wslConfigHints(new Uint8Array(Buffer.from(text, 'latin1')))
  it('names the settings WSL ignores after the first #', () => {
    expect(hintsOf('[wsl2]\rmemory=4GB # limit\rnetworkingMode=mirrored\rswap=0\r').filter((h) => h.id === 'lone-cr-line-ends')).toEqual([
      { id: 'lone-cr-line-ends', line: 1, args: ['wsl2.swap, wsl2.networkingMode'] },
    ])
  })
  it('says nothing when WSL reads every setting anyway (no #), or when lines end with CR LF', () => {
    expect(hintsOf('[wsl2]\rnetworkingMode=mirrored\r').some((h) => h.id === 'lone-cr-line-ends')).toBe(false)
    expect(hintsOf('# mine\r\n[wsl2]\r\nnetworkingMode=mirrored\r\n').some((h) => h.id === 'lone-cr-line-ends')).toBe(false)
  })
})
