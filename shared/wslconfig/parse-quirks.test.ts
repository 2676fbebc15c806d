import { describe, expect, it } from 'vitest'
import { parseWslConfig, parseWslConfigText } from './parse'
import { encodeUtf8 } from './utf8'

const parse = (text: string) => parseWslConfig(encodeUtf8(text))

describe('memory sizes (ParseMemorySize)', () => {
  it.each([
    ['4GB', '4294967296'],
    ['4G', '4294967296'],
    ['512MB', '536870912'],
    ['1T', '1099511627776'],
    ['100', '100'],
    ['0', '0'],
    ['0B', '0'],
    ['-1', '18446744073709551615'],
    ['99999999999999999999', '18446744073709551615'],
    ['17179869184GB', '0'],
  ])('memory=%s stores %s', (input, bytes) => {
    expect(parse(`[wsl2]\nmemory=${input}\n`)).toEqual({ values: { 'wsl2.memory': bytes }, warnings: [] })
  })
  it.each(['4gb', '4 GB', '00', '8GiB', '4KBB', '', 'GB', '+0'])('memory=%s is rejected', (input) => {
    const r = parse(`[wsl2]\nmemory=${input}\n`)
    expect(r.values).toEqual({})
    expect(r.warnings).toEqual([{ message: 'MessageInvalidNumberString', line: 2, args: [input.trim(), 'wsl2.memory'] }])
  })
})

it('rejects a quoted leading blank in a memory size', () => {
  expect(parse('[wsl2]\nmemory=" 0"').warnings).toEqual([{ message: 'MessageInvalidNumberString', line: 2, args: [' 0', 'wsl2.memory'] }])
})

describe('integers (strtol base 0, 32-bit long)', () => {
  it.each([
    ['0x10', '16'],
    ['010', '8'],
    ['-5', '-5'],
    ['99999999999', '2147483647'],
    ['-99999999999', '-2147483648'],
    ['0xFFFFFFFF', '2147483647'],
    ['+7', '7'],
  ])('processors=%s stores %s', (input, out) => {
    expect(parse(`[wsl2]\nprocessors=${input}`).values).toEqual({ 'wsl2.processors': out })
  })
  it.each(['08', '0x', '1.5', '4 cores', '-'])('processors=%s is rejected', (input) => {
    expect(parse(`[wsl2]\nprocessors=${input}`).warnings[0]?.message).toBe('MessageConfigInvalidInteger')
  })
})

describe('booleans and enums', () => {
  it('accepts 1/0/true/false in any case only', () => {
    expect(parse('[wsl2]\nipv6=TRUE\ndnsProxy=0\nsafeMode=yes\n')).toEqual({
      values: { 'wsl2.dnsProxy': 'false', 'wsl2.ipv6': 'true' },
      warnings: [{ message: 'MessageConfigInvalidBoolean', line: 4, args: ['yes', 'wsl2.safeMode'] }],
    })
  })
  it('renders enums with their canonical name; VirtioProxy renders as Consomme', () => {
    expect(parse('[wsl2]\nnetworkingMode=virtioproxy\n[experimental]\nautoMemoryReclaim=GRADUAL').values).toEqual({
      'wsl2.networkingMode': 'Consomme',
      'experimental.autoMemoryReclaim': 'Gradual',
    })
  })
  it('does not trim inside quotes', () => {
    expect(parse('[wsl2]\nnetworkingMode=" nat"').warnings[0]?.args).toEqual([
      ' nat',
      'wsl2.networkingMode',
      'Bridged, Consomme, Mirrored, Nat, None, VirtioProxy',
    ])
  })
})

describe('syntax quirks', () => {
  it('treats a ; line as an invalid key name and keeps ; text in values', () => {
    expect(parse('[wsl2]\n; note\nkernelCommandLine=quiet ; not a comment\n')).toEqual({
      values: { 'wsl2.kernelCommandLine': 'quiet ; not a comment' },
      warnings: [{ message: 'MessageConfigInvalidKey', line: 2, args: [] }],
    })
  })
  it('only # starts a comment, and quotes protect it', () => {
    expect(parse('[wsl2]\nkernelCommandLine = "a # b"   # real comment\nswap=0\n').values).toEqual({
      'wsl2.kernelCommandLine': 'a # b',
      'wsl2.swap': '0',
    })
  })
  it('rejects names that are not letters+digits', () => {
    const r = parse('[wsl-2]\n[ wsl2 ]\nnetworking_mode=nat\nwsl2.memory=4GB\n')
    expect(r.warnings).toEqual([
      { message: 'MessageConfigExpected', line: 1, args: ["']'"] },
      { message: 'MessageConfigInvalidSection', line: 2, args: [] },
      { message: 'MessageConfigExpected', line: 3, args: ["'='"] },
      { message: 'MessageConfigExpected', line: 4, args: ["'='"] },
    ])
  })
  it('reports keys before any section without a prefix', () => {
    expect(parse('memory=4GB\n').warnings).toEqual([{ message: 'MessageConfigUnknownKey', line: 1, args: ['memory'] }])
  })
  it('matches names without regard to case and reports them as written', () => {
    expect(parse('[WSL2]\nMEMORY=1GB\nmemory=2GB').warnings).toEqual([
      { message: 'MessageConfigKeyDuplicated', line: 3, args: ['WSL2.memory', 'WSL2.MEMORY', 2] },
    ])
  })
})

describe('escapes', () => {
  it('handles \\\\ \\" \\n \\t \\b and line continuation', () => {
    const r = parse('[wsl2]\nkernelCommandLine=a\\\\b\\"c\\nd\\te\\bf \\\n  g\nswap=1\n')
    expect(r.values['wsl2.kernelCommandLine']).toBe('a\\b"c\nd\te\bf   g')
    expect(r.values['wsl2.swap']).toBe('1')
  })
  it('reports the continued line number', () => {
    expect(parse('[wsl2]\nmemory=4\\\nXB\n').warnings).toEqual([{ message: 'MessageInvalidNumberString', line: 3, args: ['4XB', 'wsl2.memory'] }])
  })
  it('drops the line on an unknown escape (C:\\Users)', () => {
    expect(parse('[wsl2]\nkernel=C:\\Users\\me\\k\nswap=1\n')).toEqual({
      values: { 'wsl2.swap': '1' },
      warnings: [{ message: 'MessageConfigInvalidEscape', line: 2, args: ['U'] }],
    })
  })
  it('silently mangles C:\\temp\\bzImage into TAB and BACKSPACE', () => {
    expect(parse('[wsl2]\nkernel=C:\\temp\\bzImage\n').values).toEqual({ 'wsl2.kernel': 'C:\temp\bzImage' })
  })
  it('reports U+FFFF when a backslash ends the file', () => {
    expect(parse('[wsl2]\nkernel=abc\\').warnings).toEqual([{ message: 'MessageConfigInvalidEscape', line: 2, args: ['\uffff'] }])
  })
  it('reports an unclosed quote', () => {
    expect(parse('[wsl2]\nkernel="abc\n').warnings).toEqual([{ message: 'MessageConfigExpected', line: 2, args: ['"'] }])
  })
})

describe('non-ASCII text keeps only the low byte of each UTF-16 unit', () => {
  it.each([
    ['张三', ' \t'],
    ['Łukasz', 'Aukasz'],
    ['é', '\ufffd'],
    ['ab😀cd', 'ab='],
  ])('%s becomes %j', (input, out) => {
    expect(parse(`[wsl2]\nvmSwitch=${input}`).values).toEqual({ 'wsl2.vmSwitch': out })
  })
})

describe('line ends', () => {
  it('reads CRLF files like LF files', () => {
    expect(parse('[wsl2]\r\nmemory=1GB\r\n\r\nswap=0\r\n')).toEqual({ values: { 'wsl2.memory': '1073741824', 'wsl2.swap': '0' }, warnings: [] })
  })
  it('lets a # comment in a CR-only file swallow the rest', () => {
    expect(parse('[wsl2]\r# comment\rmemory=1GB\rswap=0\r')).toEqual({ values: {}, warnings: [] })
  })
  it('ends a value at a lone CR', () => {
    expect(parse('[wsl2]\rmemory=1GB\rswap=0').values).toEqual({ 'wsl2.memory': '1073741824', 'wsl2.swap': '0' })
  })
})

describe('sections', () => {
  it('counts a networking key under both headers as one key', () => {
    expect(parse('[experimental]\nnetworkingMode=mirrored\n[wsl2]\nnetworkingMode=nat\n')).toEqual({
      values: { 'wsl2.networkingMode': 'Mirrored' },
      warnings: [{ message: 'MessageConfigKeyDuplicated', line: 4, args: ['wsl2.networkingMode', 'experimental.networkingMode', 2] }],
    })
  })
  it('keeps the first occurrence even when its value was invalid', () => {
    expect(parse('[wsl2]\nmemory=4gb\nmemory=4GB\n')).toEqual({
      values: {},
      warnings: [
        { message: 'MessageInvalidNumberString', line: 2, args: ['4gb', 'wsl2.memory'] },
        { message: 'MessageConfigKeyDuplicated', line: 3, args: ['wsl2.memory', 'wsl2.memory', 2] },
      ],
    })
  })
  it('does not start a new section on a bad header and cuts the prefix to the old length', () => {
    expect(parse('[wsl2]\n[experimental] junk\nsparseVhd=true\n')).toEqual({
      values: {},
      warnings: [
        { message: 'MessageConfigExpected', line: 2, args: ["' ' or '\\n'"] },
        { message: 'MessageConfigUnknownKey', line: 3, args: ['expe.sparseVhd'] },
      ],
    })
  })
  it('pads a shorter bad section name with NULs, so the key name is cut', () => {
    expect(parse('[experimental]\n[ws-2]\nsparseVhd=true\n').warnings).toEqual([
      { message: 'MessageConfigExpected', line: 2, args: ["']'"] },
      { message: 'MessageConfigUnknownKey', line: 3, args: ['ws'] },
    ])
  })
  it('accepts a trailing comment after a header', () => {
    expect(parse('[wsl2] # vm\nmemory=1GB').values).toEqual({ 'wsl2.memory': '1073741824' })
  })
})

describe('special keys', () => {
  it('throws MessageConfigMacAddress and stops reading', () => {
    expect(parse('[wsl2]\nswap=0\nmacAddress=00:15:5D:0A:0B\nmemory=1GB\n')).toEqual({
      values: { 'wsl2.swap': '0' },
      warnings: [],
      error: { message: 'MessageConfigMacAddress', line: 3, args: ['00:15:5D:0A:0B', 'wsl2.macAddress'] },
    })
  })
  it('formats a valid MAC address upper-case with colons', () => {
    expect(parse('[wsl2]\nmacAddress=00-15-5d-0a-0b-0c').values).toEqual({ 'wsl2.macAddress': '00:15:5D:0A:0B:0C' })
  })
  it('sorts ignored ports and warns per bad port with the whole value', () => {
    expect(parse('[experimental]\nignoredPorts=8080,,53,x,70000,53')).toEqual({
      values: { 'experimental.ignoredPorts': '53,8080' },
      warnings: [
        { message: 'MessageConfigInvalidInteger', line: 2, args: ['8080,,53,x,70000,53', 'experimental.ignoredPorts'] },
        { message: 'MessageConfigInvalidInteger', line: 2, args: ['8080,,53,x,70000,53', 'experimental.ignoredPorts'] },
      ],
    })
  })
  it('turns DNS tunneling off when its IP is invalid, unless set later', () => {
    expect(parse('[experimental]\ndnsTunnelingIpAddress=10.0.0\n').values).toEqual({ 'wsl2.dnsTunneling': 'false' })
    expect(parse('[experimental]\ndnsTunnelingIpAddress=1.2.3.4.5\n[wsl2]\ndnsTunneling=true\n').values).toEqual({ 'wsl2.dnsTunneling': 'true' })
    expect(parse('[experimental]\ndnsTunnelingIpAddress=10.0.0.1').values).toEqual({ 'experimental.dnsTunnelingIpAddress': '10.0.0.1' })
  })
})

describe('structure for the editor', () => {
  it('records offsets of key lines', () => {
    const text = '[wsl2]\n  memory = 4GB   # c\n'
    const r = parseWslConfigText(text)
    const entry = r.entries.find((e) => e.kind === 'key')
    expect(entry && entry.kind === 'key' && text.slice(entry.valueStart, entry.valueEnd)).toBe('4GB')
    expect(entry && entry.kind === 'key' && text.slice(entry.lineStart, entry.keyStart)).toBe('  ')
  })
})
