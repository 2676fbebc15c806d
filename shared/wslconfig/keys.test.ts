import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findWslKey, WSL_KEYS } from './keys'
import { parseWslConfigText } from './parse'

/** The mirrored WSL source (docs/knowledge/wslconfig.md#keys); absent on most machines. */
const MIRROR = '/work/.mirror/microsoft+WSL/repo'

function wslSettingNames(): string[] {
  const header = execFileSync('git', ['--git-dir', MIRROR, 'show', 'HEAD:src/windows/common/WslCoreConfig.h'], { encoding: 'utf8' })
  const block = header.slice(header.indexOf('namespace ConfigSetting'), header.indexOf('} // namespace ConfigSetting'))
  return [...block.matchAll(/static constexpr auto \w+ = "([^"]+)";/g)].map((m) => m[1] ?? '')
}

describe('the .wslconfig key table', () => {
  it('knows experimental.virtioFsAggregateShares as a bool (WslCoreConfig.cpp:131)', () => {
    expect(findWslKey('experimental.virtioFsAggregateShares')?.type.kind).toBe('bool')
    expect(parseWslConfigText('[experimental]\nvirtioFsAggregateShares=false\n')).toMatchObject({ values: { 'experimental.virtioFsAggregateShares': 'false' }, warnings: [] })
  })

  it.skipIf(!existsSync(MIRROR))('has every ConfigSetting name of the mirrored WSL source, and no other', () => {
    const names = wslSettingNames()
    expect(names.length).toBeGreaterThan(50)
    const ours = WSL_KEYS.flatMap((k) => k.names)
    expect([...ours].sort()).toEqual([...names].sort())
  })
})
