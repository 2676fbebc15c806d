import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_ENTRIES, MAX_ENTRIES_PER_KEY } from '../../../shared/probes/facts/installed-products'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness, type FakeWindows, type LanguageMode, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { factOf } from '../../powershell/test-support/system-probes-fakes'
import { installedProductsFake, loadRecordedUninstall, uninstallRegistry, type UninstallEntry } from '../../powershell/test-support/installed-products-fakes'

const TIMEOUT = 30_000
const PROBE = 'installed-products' satisfies ProbeId
let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

/** The probe's fact, checked with the app's own schema (one helper for every probe suite). */
const fact = (run: ScriptRun) => factOf(PROBE, run)
const run = (fake: FakeWindows, mode: LanguageMode) => harness.runProbe(PROBE, fake, mode)

/** `count` numbered programs (constructed: only the caps are under test). */
function programs(prefix: string, count: number): UninstallEntry[] {
  return Array.from({ length: count }, (_, i) => ({ subkey: `${prefix}${i}`, values: { DisplayName: `${prefix} ${i}` } }))
}

/** Thousands of subkeys with one Get-ItemProperty answer for all: a rule per subkey would make the fake, not the script, slow. */
function manyPrograms(keys: Parameters<typeof uninstallRegistry>[0], source: string): FakeWindows {
  const fake = uninstallRegistry(keys, source)
  return {
    ...fake,
    commands: { ...fake.commands, 'Get-ItemProperty': { rules: [{ match: { LiteralPath: '*' }, result: { DisplayName: 'Constructed program' } }] } },
  }
}

describe.each(LANGUAGE_MODES)('installed-products.ps1 in %s', (mode) => {
  it.each(['anyconnect-zscaler-gsa', 'zh-cn-easyconnect-clash-user'])(
    'reads the recorded PC %s',
    async (name) => {
      const recorded = loadRecordedUninstall(name)
      expect(fact(await run(uninstallRegistry(recorded.keys, recorded.source), mode))).toEqual(recorded.expected)
    },
    TIMEOUT,
  )

  it(
    'reads only DisplayName, Publisher and DisplayVersion',
    async () => {
      const recorded = loadRecordedUninstall('anyconnect-zscaler-gsa')
      const data = fact(await run(uninstallRegistry(recorded.keys, recorded.source), mode))
      expect(data.programs.flatMap((p) => Object.keys(p))).toEqual(data.programs.flatMap(() => ['hive', 'displayName', 'publisher', 'displayVersion']))
    },
    TIMEOUT,
  )

  it(
    'lists past a subkey it may not open instead of giving up on the key',
    async () => {
      const fake = uninstallRegistry(
        { machine: [{ subkey: 'Proxifier', values: { DisplayName: 'Proxifier' } }] },
        'constructed: the listing stops at one subkey',
      )
      const listing = fake.commands['Get-ChildItem']?.rules ?? []
      const stop = {
        match: { LiteralPath: 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall', ErrorAction: 'Stop' },
        throw: { errorId: 'System.Security.SecurityException', message: 'Requested registry access is not allowed.', category: 'PermissionDenied' },
      }
      const data = fact(await run({ ...fake, commands: { ...fake.commands, 'Get-ChildItem': { rules: [stop, ...listing] } } }, mode))
      expect(data.keys[0]).toEqual({ hive: 'machine', status: 'read' })
      expect(data.programs.map((p) => p.displayName)).toEqual(['Proxifier'])
    },
    TIMEOUT,
  )

  it(
    'gives an empty list, not a failure, when no key exists',
    async () => {
      expect(fact(await run(uninstallRegistry({}, 'constructed: no Uninstall key at all'), mode))).toEqual({
        keys: [
          { hive: 'machine', status: 'missing' },
          { hive: 'machine32', status: 'missing' },
          { hive: 'user', status: 'missing' },
        ],
        programs: [],
        truncated: false,
      })
    },
    TIMEOUT,
  )

  it(`reads at most ${MAX_ENTRIES_PER_KEY} entries of a key and ${MAX_ENTRIES} in all, and says so`, async () => {
    const keys = { machine: programs('A', MAX_ENTRIES_PER_KEY + 50), machine32: programs('B', MAX_ENTRIES_PER_KEY), user: programs('C', MAX_ENTRIES_PER_KEY) }
    const data = fact(await run(manyPrograms(keys, 'constructed: a PC with more programs than the caps'), mode))
    expect(data.truncated).toBe(true)
    expect(data.programs).toHaveLength(MAX_ENTRIES)
    expect(data.programs.filter((p) => p.hive === 'machine')).toHaveLength(MAX_ENTRIES_PER_KEY)
    expect(data.programs.filter((p) => p.hive === 'user')).toHaveLength(MAX_ENTRIES - 2 * MAX_ENTRIES_PER_KEY)
  }, 120_000)

  it('is not truncated at exactly the per-key cap', async () => {
    const data = fact(await run(manyPrograms({ machine: programs('A', MAX_ENTRIES_PER_KEY) }, 'constructed: a key at the cap'), mode))
    expect(data.truncated).toBe(false)
    expect(data.programs).toHaveLength(MAX_ENTRIES_PER_KEY)
  }, 120_000)

  it('agrees with the simulated PC on every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const result = await run(installedProductsFake(scenario), mode)
      expect(fact(result), scenario.id).toEqual(probeResponse(PROBE, scenario))
    }
  }, 300_000)
})
