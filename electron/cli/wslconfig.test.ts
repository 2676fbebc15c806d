import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from './wslconfig'

const dir = mkdtempSync(path.join(tmpdir(), 'wslconfig-cli-'))
const file = (name: string, text: string | Uint8Array): string => {
  const p = path.join(dir, name)
  writeFileSync(p, text)
  return p
}

describe('wslconfig CLI', () => {
  it('lint --json prints values, warnings and hints', () => {
    const p = file('a.wslconfig', '[wsl2]\nnetworkMode=mirrored\nmemory=4GB\n')
    const r = main(['lint', p, '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual({
      values: { 'wsl2.memory': '4294967296' },
      warnings: [{ message: 'MessageConfigUnknownKey', line: 2, args: ['wsl2.networkMode'] }],
      hints: [{ id: 'unknown-key-did-you-mean', line: 2, args: ['wsl2.networkMode', 'wsl2.networkingMode'] }],
    })
  })
  it('lint --json includes the fatal error', () => {
    const r = main(['lint', '--json', file('mac.wslconfig', '[wsl2]\nmacAddress=nope\n')])
    expect(JSON.parse(r.stdout).error).toEqual({ message: 'MessageConfigMacAddress', line: 2, args: ['nope', 'wsl2.macAddress'] })
  })
  it('lint prints WSL texts for humans', () => {
    const p = file('b.wslconfig', '[wsl2]\nmemory=4gb\nswap=1GB\n')
    const r = main(['lint', p])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Invalid memory string '4gb' for \.wslconfig entry 'wsl2\.memory' in .*b\.wslconfig:2|MessageInvalidNumberString/)
    expect(r.stdout).toContain('wsl2.swap = "1073741824"')
  })
  it('set and unset print the new text without writing', () => {
    const p = file('c.wslconfig', '[wsl2]\r\nmemory=4GB # note\r\n')
    expect(main(['set', 'memory', '8GB', p])).toEqual({ code: 0, stdout: '[wsl2]\r\nmemory=8GB # note\r\n', stderr: '' })
    expect(main(['unset', 'wsl2.memory', p])).toEqual({ code: 0, stdout: '[wsl2]\r\n', stderr: '' })
    expect(main(['lint', p, '--json']).stdout).toContain('4294967296')
  })
  it('keeps the BOM out of the printed text', () => {
    const p = file('d.wslconfig', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[wsl2]\n')]))
    expect(main(['set', 'swap', '0', p]).stdout).toBe('[wsl2]\nswap=0\n')
  })
  it('reports bad usage with exit code 2', () => {
    expect(main([]).code).toBe(2)
    expect(main(['lint']).code).toBe(2)
    expect(main(['set', 'memory', p()]).code).toBe(2)
    expect(main(['frobnicate']).stderr).toContain('Usage')
    expect(main(['set', 'nokey', '1', p()]).code).toBe(2)
  })
  it('reports invalid values and unreadable files with exit code 1', () => {
    expect(main(['set', 'memory', '4gb', p()]).code).toBe(1)
    const r = main(['lint', path.join(dir, 'missing.wslconfig')])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('cannot read')
  })
})

function p(): string {
  return file('e.wslconfig', '[wsl2]\n')
}
