import { describe, expect, it } from 'vitest'
import { diffLines } from './FileDiff'

describe('diffLines', () => {
  it('shows a changed line as removed then added, keeping the rest', () => {
    expect(diffLines(['[wsl2]', 'networkingMode=mirrored', ''], ['[wsl2]', 'networkingMode=nat', ''])).toEqual([
      { kind: 'same', text: '[wsl2]' },
      { kind: 'del', text: 'networkingMode=mirrored' },
      { kind: 'add', text: 'networkingMode=nat' },
    ])
  })
  it('shows a new file as all added', () => {
    expect(diffLines([''], ['[wsl2]', 'networkingMode=none', ''])).toEqual([
      { kind: 'add', text: '[wsl2]' },
      { kind: 'add', text: 'networkingMode=none' },
    ])
  })
})
