import { describe, expect, it } from 'vitest'
import { formatConfigWarning } from './config-warning'

const file = 'C:\\Users\\alex\\.wslconfig'

describe('formatConfigWarning', () => {
  it('prints an unknown key like WSL does (#11359)', () => {
    const text = formatConfigWarning({ message: 'MessageConfigUnknownKey', line: 2, args: ['wsl2.networkMode'] }, 'en-US', file)
    expect(text).toBe(`Unknown key 'wsl2.networkMode' in ${file}:2`)
  })
  it('fills the zh-CN template in argument order, as WSL does, even where the translation reordered the words', () => {
    // zh-CN "{}:{} 中应为 {}" was written for (file, line, what), but `{}` is filled in call order
    // (what, file, line), so WSL itself prints this garbled text; we reproduce it to recognise it.
    const text = formatConfigWarning({ message: 'MessageConfigExpected', line: 3, args: ["'='"] }, 'zh-CN', file)
    expect(text).toBe(`'=':${file} 中应为 3`)
  })
  it('puts the valid values after the location for an invalid enum', () => {
    const text = formatConfigWarning(
      { message: 'MessageConfigInvalidEnum', line: 2, args: ['mirror', 'wsl2.networkingMode', 'Bridged, Consomme, Mirrored, Nat, None, VirtioProxy'] },
      'en-US',
      file,
    )
    expect(text).toBe(
      `Invalid value 'mirror' for config key 'wsl2.networkingMode' in ${file}:2 (Valid values: Bridged, Consomme, Mirrored, Nat, None, VirtioProxy)`,
    )
  })
  it('names both places of a duplicated key', () => {
    const text = formatConfigWarning(
      { message: 'MessageConfigKeyDuplicated', line: 5, args: ['experimental.networkingMode', 'wsl2.networkingMode', 2] },
      'en-US',
      file,
    )
    expect(text).toBe(`Duplicated config key 'experimental.networkingMode' in ${file}:5 (Conflicting key: 'wsl2.networkingMode' in ${file}:2)`)
  })
})
