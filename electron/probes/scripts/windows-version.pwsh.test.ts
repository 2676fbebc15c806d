/**
 * The real windows-version.ps1 in PowerShell 7 (Full and Constrained Language Mode) against
 * recorded registry values (__recorded__/windows-version, each citing its source) and against
 * every shipped scenario, whose fact must equal the simulated PC's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness } from '../../powershell/test-support/pwsh-harness'
import { factOf, loadRecorded, windowsVersionFake } from '../../powershell/test-support/system-probes-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

describe.each(LANGUAGE_MODES)('windows-version.ps1 in %s', (mode) => {
  it.each(['win11-23h2-pro', 'win10-1607-no-displayversion', 'zh-cn-19045'])(
    'reads the recorded registry of %s',
    async (name) => {
      const recorded = loadRecorded('windows-version', name)
      const fact = factOf('windows-version', await harness.runProbe('windows-version', recorded, mode))
      expect(fact).toMatchObject(recorded.expected ?? {})
    },
    90_000,
  )

  it('answers like the simulated PC for every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const fact = factOf('windows-version', await harness.runProbe('windows-version', windowsVersionFake(scenario), mode))
      expect(fact, scenario.id).toEqual(probeResponse('windows-version', scenario))
    }
  }, 120_000)
})
