import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findWslKey, WSL_KEYS } from './keys'
import { parseWslConfigText } from './parse'

/** The mirrored WSL source (docs/knowledge/wslconfig.md#keys); absent on most machines. */
const MIRROR = '/work/.mirror/microsoft+WSL/repo'

/** The ConfigSetting names recorded from that source at one commit (test support), so the check runs everywhere. */
const RECORDED = JSON.parse(readFileSync(path.join(__dirname, 'test-support/wsl-config-settings.json'), 'utf8')) as { commit: string; names: string[] }

function wslSettingNames(): string[] {
  const header = execFileSync('git', ['--git-dir', MIRROR, 'show', 'HEAD:src/windows/common/WslCoreConfig.h'], { encoding: 'utf8' })
  const block = header.slice(header.indexOf('namespace ConfigSetting'), header.indexOf('} // namespace ConfigSetting'))
  return [...block.matchAll(/static constexpr auto \w+ = "([^"]+)";/g)].map((m) => m[1] ?? '')
}

describe('the .wslconfig key table', () => {
  it('knows experimental.virtioFsAggregateShares as a bool (WslCoreConfig.cpp:131)', () => {
    expect(findWslKey('experimental.virtioFsAggregateShares')?.type.kind).toBe('bool')
    expect(parseWslConfigText('[experimental]\nvirtioFsAggregateShares=false\n')).toMatchObject({
      values: { 'experimental.virtioFsAggregateShares': 'false' },
      warnings: [],
    })
  })

  it(`has every ConfigSetting name of WSL at ${RECORDED.commit.slice(0, 9)}, and no other`, () => {
    expect(RECORDED.names.length).toBeGreaterThan(50)
    const ours = WSL_KEYS.flatMap((k) => k.names)
    expect([...ours].sort()).toEqual([...RECORDED.names].sort())
  })

  // Where the WSL source is mirrored, the recording must still match it (refresh the JSON when WSL adds a key).
  it.skipIf(!existsSync(MIRROR))('recorded names match the mirrored WSL source (skips: no mirror on this machine)', () => {
    expect(wslSettingNames().sort()).toEqual(RECORDED.names)
  })
})
