import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeWslConfig } from './decode'
import { setWslConfigKey, unsetWslConfigKey, WslConfigEditError } from './edit'
import { parseWslConfigText } from './parse'

const values = (text: string) => parseWslConfigText(decodeWslConfig(new TextEncoder().encode(text)).text).values
const warnings = (text: string) => parseWslConfigText(decodeWslConfig(new TextEncoder().encode(text)).text).warnings

describe('setWslConfigKey', () => {
  it('updates a value in place and keeps comments and spacing', () => {
    const before = '# top\n[wsl2]\nmemory = 4GB   # limit\nswap=0\n'
    expect(setWslConfigKey(before, 'wsl2.memory', '8GB')).toBe('# top\n[wsl2]\nmemory = 8GB   # limit\nswap=0\n')
  })
  it('updates the first effective occurrence, also under [experimental]', () => {
    const before = '[experimental]\nnetworkingMode=nat\n[wsl2]\nnetworkingMode=none\n'
    expect(setWslConfigKey(before, 'networkingMode', 'mirrored')).toBe('[experimental]\nnetworkingMode=mirrored\n[wsl2]\nnetworkingMode=none\n')
  })
  it('updates a first occurrence whose value WSL rejected', () => {
    expect(setWslConfigKey('[wsl2]\nmemory=4gb\nmemory=2GB\n', 'wsl2.memory', '4GB')).toBe('[wsl2]\nmemory=4GB\nmemory=2GB\n')
  })
  it('adds a key at the end of its section, before the next header', () => {
    const before = '[wsl2]\nmemory=4GB\n\n# experimental things\n[experimental]\nsparseVhd=true\n'
    expect(setWslConfigKey(before, 'wsl2.swap', '0')).toBe('[wsl2]\nmemory=4GB\nswap=0\n\n# experimental things\n[experimental]\nsparseVhd=true\n')
  })
  it('never adds a wsl2 key under [wsl]; creates [wsl2] at the end', () => {
    expect(setWslConfigKey('[wsl]\nfoo=1\n', 'wsl2.memory', '4GB')).toBe('[wsl]\nfoo=1\n\n[wsl2]\nmemory=4GB\n')
  })
  it('creates [experimental] and [general] when missing', () => {
    expect(setWslConfigKey('', 'experimental.sparseVhd', 'true')).toBe('[experimental]\nsparseVhd=true\n')
    expect(setWslConfigKey('[wsl2]\nswap=0', 'general.instanceIdleTimeout', '-1')).toBe('[wsl2]\nswap=0\n\n[general]\ninstanceIdleTimeout=-1\n')
  })
  it('does not skip the line after a malformed one (WSL writer bug)', () => {
    const before = '[wsl2]\nbabyshark\nmemory=4GB\n'
    expect(setWslConfigKey(before, 'memory', '2GB')).toBe('[wsl2]\nbabyshark\nmemory=2GB\n')
  })
  it('adds after a last line that has no line end', () => {
    expect(setWslConfigKey('[wsl2]\nswap=0', 'memory', '1GB')).toBe('[wsl2]\nswap=0\nmemory=1GB\n')
  })
  it('keeps CRLF line ends', () => {
    expect(setWslConfigKey('[wsl2]\r\nswap=0\r\n[experimental]\r\n', 'memory', '1GB')).toBe('[wsl2]\r\nswap=0\r\nmemory=1GB\r\n[experimental]\r\n')
  })
  it('does not put a key into a section whose prefix a bad header has cut', () => {
    const before = '[wsl2]\n[experimental] junk\nswap=0\n'
    const after = setWslConfigKey(before, 'experimental.sparseVhd', 'true')
    expect(values(after)['experimental.sparseVhd']).toBe('true')
    expect(after.startsWith(before)).toBe(true)
  })
  it.each([
    ['quiet "quoted" # not a comment'],
    ['C:\\Users\\me\\kernel'],
    ['  leading and trailing  '],
    ['tab\tand\nnewline\bback'],
    ['back\\slash at end\\'],
    ['Łukasz 张三 é 😀'],
    [''],
    ['#'],
  ])('round-trips hostile value %j', (value) => {
    const before = '[wsl2]\n# keep\nkernelCommandLine=old # note\n'
    const after = setWslConfigKey(before, 'wsl2.kernelCommandLine', value)
    expect(values(after)['wsl2.kernelCommandLine']).toBe(value)
    expect(warnings(after)).toEqual([])
    expect(after.startsWith('[wsl2]\n# keep\nkernelCommandLine=')).toBe(true)
    expect(after.endsWith(' # note\n')).toBe(true)
  })
  it('rejects values WSL would not accept', () => {
    expect(() => setWslConfigKey('', 'wsl2.memory', '4gb')).toThrow(WslConfigEditError)
    expect(() => setWslConfigKey('', 'wsl2.networkingMode', 'mirror')).toThrow(WslConfigEditError)
    expect(() => setWslConfigKey('', 'wsl2.kernel', 'a\rb')).toThrow(WslConfigEditError)
    expect(() => setWslConfigKey('', 'wsl2.nope', '1')).toThrow(WslConfigEditError)
  })
  it('fixes a bad MAC address that stopped WSL from reading the file', () => {
    const after = setWslConfigKey('[wsl2]\nmacAddress=zz\nmemory=1GB\n', 'macAddress', '00:15:5d:01:02:03')
    expect(values(after)).toEqual({ 'wsl2.memory': '1073741824', 'wsl2.macAddress': '00:15:5D:01:02:03' })
  })
})

describe('unsetWslConfigKey', () => {
  it('removes every line of the key, duplicates and [experimental] included', () => {
    const before = '[wsl2]\nnetworkingMode=nat # a\nswap=0\n[experimental]\nnetworkingMode=mirrored\nsparseVhd=true'
    expect(unsetWslConfigKey(before, 'wsl2.networkingMode')).toBe('[wsl2]\nswap=0\n[experimental]\nsparseVhd=true')
  })
  it('returns the text unchanged when the key is absent', () => {
    expect(unsetWslConfigKey('[wsl2]\nswap=0\n', 'memory')).toBe('[wsl2]\nswap=0\n')
  })
  it('keeps CRLF', () => {
    expect(unsetWslConfigKey('[wsl2]\r\nmemory=1GB\r\nswap=0\r\n', 'memory')).toBe('[wsl2]\r\nswap=0\r\n')
  })
})

// Sample files recorded with WSL's own parser (test support; origin in its README.md).
const SAMPLES = path.resolve(__dirname, 'test-support/wslconfig-samples/parse')
const files = existsSync(SAMPLES) ? readdirSync(SAMPLES).filter((f) => f.endsWith('.wslconfig')) : []

describe('edit properties on every sample file', () => {
  it('has the sample files in the repository', () => {
    expect(files.length).toBeGreaterThanOrEqual(20)
  })
  const cases: [string, string, string, string][] = [
    ['wsl2.memory', '6GB', '6442450944', 'memory'],
    ['wsl2.networkingMode', 'Mirrored', 'Mirrored', 'networkingMode'],
    ['experimental.ignoredPorts', '53,3000', '53,3000', 'ignoredPorts'],
    ['wsl2.swapFile', 'D:\\wsl\\swap.vhdx', 'D:\\wsl\\swap.vhdx', 'swapFile'],
  ]
  for (const file of files) {
    for (const [key, value, rendered] of cases) {
      it(`${file}: set ${key}`, () => {
        const { rawText } = decodeWslConfig(new Uint8Array(readFileSync(path.join(SAMPLES, file))))
        const before = parseWslConfigText(decodeWslConfig(new TextEncoder().encode(rawText)).text)
        let after: string
        try {
          after = setWslConfigKey(rawText, key, value)
        } catch (e) {
          // Only a file WSL cannot read past (fatal error) may refuse an edit.
          expect(before.error).toBeDefined()
          return
        }
        const parsed = parseWslConfigText(decodeWslConfig(new TextEncoder().encode(after)).text)
        expect(parsed.values[key]).toBe(rendered)
        const sig = (w: { message: string; args: unknown[] }) => JSON.stringify([w.message, w.args.filter((a) => typeof a === 'string')])
        const old = before.warnings.map(sig)
        for (const w of parsed.warnings) expect(old).toContain(sig(w))
        for (const [k, v] of Object.entries(before.values)) if (k !== key) expect(parsed.values[k]).toBe(v)
        // One contiguous change: common prefix + suffix cover everything else.
        let p = 0
        while (p < rawText.length && rawText[p] === after[p]) p++
        let s = 0
        while (s < rawText.length - p && rawText[rawText.length - 1 - s] === after[after.length - 1 - s]) s++
        const removed = rawText.slice(p, rawText.length - s)
        expect(removed.includes('\n') && !removed.endsWith('\n') ? removed : 'single-region').toBe('single-region')
        const unset = unsetWslConfigKey(after, key)
        expect(key in parseWslConfigText(decodeWslConfig(new TextEncoder().encode(unset)).text).values).toBe(false)
      })
    }
  }
})

describe('setWslConfigKey on lines WSL skipped', () => {
  it('replaces an unterminated-quote value in place instead of adding a second key', () => {
    const before = '[wsl2]\nkernelCommandLine="quiet splash\nswap=0\n'
    const after = setWslConfigKey(before, 'wsl2.kernelCommandLine', 'quiet')
    expect(after).toBe('[wsl2]\nkernelCommandLine=quiet\nswap=0\n')
    expect(values(after)).toEqual({ 'wsl2.kernelCommandLine': 'quiet', 'wsl2.swap': '0' })
  })
  it('replaces a bad-escape value in place, keeping CRLF', () => {
    const before = '[wsl2]\r\nkernel=C:\\wsl\\kernel\r\nmemory=4GB\r\n'
    const after = setWslConfigKey(before, 'wsl2.kernel', 'C:\\wsl\\kernel')
    expect(after).toBe('[wsl2]\r\nkernel=C:\\\\wsl\\\\kernel\r\nmemory=4GB\r\n')
    expect(warnings(after)).toEqual([])
  })
  it('keeps other lines WSL skips (invalid keys, bad headers) as they are', () => {
    const before = '[wsl2]\n;old comment\n!bang\nnetworkingMode=mirrored\n'
    expect(setWslConfigKey(before, 'wsl2.networkingMode', 'nat')).toBe('[wsl2]\n;old comment\n!bang\nnetworkingMode=nat\n')
  })
  it('a line missing its = is not a value to replace: the key is added and the line kept', () => {
    const before = '[wsl2]\nkernel C:\\x\n'
    expect(setWslConfigKey(before, 'wsl2.kernel', 'D:\\k')).toBe('[wsl2]\nkernel C:\\x\nkernel=D:\\\\k\n')
  })
})

describe('setWslConfigKey takes the value as the user means it (docs/knowledge/wslconfig.md#set-values)', () => {
  it('the user form and the form WSL stores both give the value WSL stores', () => {
    for (const [meant, stored] of [
      ['4GB', '4294967296'],
      ['nat', 'Nat'],
      ['C:\\temp\\kernel', 'C:\\temp\\kernel'],
    ] as const) {
      const key = meant === 'nat' ? 'wsl2.networkingMode' : meant === '4GB' ? 'wsl2.memory' : 'wsl2.kernel'
      const fromMeant = setWslConfigKey('[wsl2]\n', key, meant)
      const fromStored = setWslConfigKey('[wsl2]\n', key, stored)
      expect(values(fromMeant)[key]).toBe(stored)
      expect(values(fromStored)[key]).toBe(stored)
    }
  })
  it('non-ASCII text is written so that WSL stores its UTF-8 bytes (WSL keeps one byte per character)', () => {
    const after = setWslConfigKey('[wsl2]\n', 'wsl2.kernel', 'C:\\Users\\张三\\kernel')
    expect(values(after)['wsl2.kernel']).toBe('C:\\Users\\张三\\kernel')
    // Typed as the user sees it, the same text gives WSL other bytes: that is why `set` encodes.
    expect(values('[wsl2]\nkernel=C:\\\\Users\\\\张三\\\\kernel\n')['wsl2.kernel']).not.toBe('C:\\Users\\张三\\kernel')
  })
})
