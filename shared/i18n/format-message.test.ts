import { describe, expect, it } from 'vitest'
import { formatMessage, pluralArguments, templateArguments } from './format-message'

const lines = 'WSL skips {count, plural, one {# line} other {# lines}} in {file}.'

describe('formatMessage', () => {
  it('fills arguments, numbers in the locale format', () => {
    expect(formatMessage('en', '{path} ({bytes} bytes)', { path: 'C:\\a', bytes: 1234 })).toBe('C:\\a (1,234 bytes)')
    expect(formatMessage('zh-CN', '已用时间：{seconds} 秒', { seconds: 2.25 })).toBe('已用时间：2.3 秒')
  })

  it('picks the plural form Intl.PluralRules gives for the locale', () => {
    expect(formatMessage('en', lines, { count: 1, file: '.wslconfig' })).toBe('WSL skips 1 line in .wslconfig.')
    expect(formatMessage('en', lines, { count: 2, file: '.wslconfig' })).toBe('WSL skips 2 lines in .wslconfig.')
    expect(formatMessage('en', lines, { count: 0, file: '.wslconfig' })).toBe('WSL skips 0 lines in .wslconfig.')
    expect(formatMessage('en', lines, { count: 1200, file: 'x' })).toBe('WSL skips 1,200 lines in x.')
  })

  it('prefers an exact branch, and takes a count given as a numeric string', () => {
    const template = '{n, plural, =0 {no VPN} one {a VPN} other {# VPNs}} connected'
    expect(formatMessage('en', template, { n: 0 })).toBe('no VPN connected')
    expect(formatMessage('en', template, { n: '1' })).toBe('a VPN connected')
    expect(formatMessage('en', template, { n: 3 })).toBe('3 VPNs connected')
  })

  it('joins a list argument the way the language does', () => {
    expect(formatMessage('en', 'Adapters: {names}.', { names: ['A', 'B', 'C'] })).toBe('Adapters: A, B, and C.')
    expect(formatMessage('zh-CN', '适配器：{names}。', { names: ['A', 'B', 'C'] })).toBe('适配器：A、B和C。')
  })

  it('keeps a brace that is not an argument (a CLSID) as text', () => {
    expect(formatMessage('en', 'CLSID {3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b} is {state}', { state: 'registered' })).toBe(
      'CLSID {3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b} is registered',
    )
  })

  it('leaves a missing argument visible, so the catalog tests catch the call site', () => {
    expect(formatMessage('en', 'WSL {version} is out of date', {})).toBe('WSL {version} is out of date')
    expect(formatMessage('en', lines, { file: 'x' })).toBe('WSL skips {count} in x.')
  })

  it('refuses a plural without "other" and an unbalanced brace', () => {
    expect(() => formatMessage('en', '{n, plural, one {# line}}', { n: 1 })).toThrow(/other/)
    expect(() => formatMessage('en', '{n, plural, one {# line} other {# lines}', { n: 1 })).toThrow()
  })
})

describe('templateArguments / pluralArguments', () => {
  it('name every argument once, plural ones included', () => {
    expect(templateArguments(lines)).toEqual(['count', 'file'])
    expect(templateArguments('CLSID {3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b}')).toEqual([])
    expect(pluralArguments(lines)).toEqual(['count'])
  })
})

describe('per-language arguments', () => {
  it('use `name@locale` in that language and the plain value elsewhere', () => {
    const values = { edition: 'Pro', 'edition@zh-CN': '专业版' }
    expect(formatMessage('en', 'Windows 11 {edition}', values)).toBe('Windows 11 Pro')
    expect(formatMessage('zh-CN', 'Windows 11 {edition}', values)).toBe('Windows 11 专业版')
  })
})
