import { describe, expect, it } from 'vitest'
import { diffLines, splitLines } from './FileDiff'

const diff = (before: string, after: string) => diffLines(splitLines(before), splitLines(after))

describe('diffLines', () => {
  it('shows a changed line as removed then added, keeping the rest', () => {
    expect(diff('[wsl2]\nnetworkingMode=mirrored\n', '[wsl2]\nnetworkingMode=nat\n')).toEqual([
      { kind: 'same', text: '[wsl2]', end: '\n' },
      { kind: 'del', text: 'networkingMode=mirrored', end: '\n' },
      { kind: 'add', text: 'networkingMode=nat', end: '\n' },
    ])
  })
  it('shows a new file as all added', () => {
    expect(diff('', '[wsl2]\r\nnetworkingMode=none\r\n')).toEqual([
      { kind: 'add', text: '[wsl2]', end: '\r\n' },
      { kind: 'add', text: 'networkingMode=none', end: '\r\n' },
    ])
  })
  it('a change of line ends alone is a change (lone CR to CR LF), not the same text twice', () => {
    const rows = diff('# mine\r[wsl2]\r', '# mine\r\n[wsl2]\r\n')
    expect(rows.filter((r) => r.kind === 'same')).toEqual([])
    expect(rows.map((r) => [r.kind, r.text, r.end])).toEqual([
      ['del', '# mine', '\r'],
      ['del', '[wsl2]', '\r'],
      ['add', '# mine', '\r\n'],
      ['add', '[wsl2]', '\r\n'],
    ])
  })
  it('splits at every line end kind and keeps a last line without one', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual([
      { text: 'a', end: '\r\n' },
      { text: 'b', end: '\n' },
      { text: 'c', end: '\r' },
      { text: 'd', end: '' },
    ])
  })
  it('diffs a 1 MiB file with one changed line quickly, showing just that change', () => {
    const lines = Array.from({ length: 40_000 }, (_, i) => `# comment line ${i} ${'x'.repeat(10)}`)
    const before = ['[wsl2]', 'networkingMode=mirrored', ...lines].join('\r\n') + '\r\n'
    const after = before.replace('networkingMode=mirrored', 'networkingMode=nat')
    expect(before.length).toBeGreaterThan(1_000_000)
    const started = performance.now()
    const rows = diff(before, after)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(rows.filter((r) => r.kind !== 'same').map((r) => [r.kind, r.text])).toEqual([
      ['del', 'networkingMode=mirrored'],
      ['add', 'networkingMode=nat'],
    ])
    expect(rows).toHaveLength(40_003)
  })
})
