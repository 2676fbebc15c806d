/**
 * The real hyperv-firewall.ps1 in PowerShell 7 (Full and Constrained Language Mode) on recorded
 * Windows answers (__recorded__/hyperv-firewall, each citing where its shape comes from) and on
 * every shipped scenario against the simulated PC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { hypervFirewallFake } from '../../powershell/test-support/hyperv-firewall-fakes'
import { LANGUAGE_MODES, PwshHarness } from '../../powershell/test-support/pwsh-harness'
import { factOf, loadRecorded } from '../../powershell/test-support/system-probes-fakes'

const TIMEOUT = 60_000
let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

describe.each(LANGUAGE_MODES)('hyperv-firewall.ps1 in %s', (mode) => {
  it.each(['win11-wsl-defaults', 'outbound-block-11693', 'mullvad-block-all', 'windows10-no-cmdlets'])(
    'reads the recorded %s',
    async (name) => {
      const recorded = loadRecorded('hyperv-firewall', name)
      expect(factOf('hyperv-firewall', await harness.runProbe('hyperv-firewall', recorded, mode))).toEqual(recorded.expected)
    },
    TIMEOUT,
  )

  it(
    "reads the enforced settings (ActiveStore) for WSL's VM creator id",
    async () => {
      const run = await harness.runProbe('hyperv-firewall', loadRecorded('hyperv-firewall', 'win11-wsl-defaults'), mode)
      const vm = run.calls.find((c) => c.name === 'Get-NetFirewallHyperVVMSetting')
      expect(vm?.arguments).toMatchObject({ PolicyStore: 'ActiveStore', Name: '{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}' })
      expect(run.calls.find((c) => c.name === 'Get-NetFirewallHyperVRule')?.arguments).toMatchObject({ PolicyStore: 'ActiveStore' })
    },
    TIMEOUT,
  )

  it(
    'reports a refused read as access denied, not as "no firewall"',
    async () => {
      const run = await harness.runProbe('hyperv-firewall', loadRecorded('hyperv-firewall', 'access-denied'), mode)
      expect(run.reading).toMatchObject({ kind: 'script-error', failure: 'access-denied' })
    },
    TIMEOUT,
  )

  it('agrees with the simulated PC on every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      expect(factOf('hyperv-firewall', await harness.runProbe('hyperv-firewall', hypervFirewallFake(scenario), mode)), scenario.id).toEqual(
        probeResponse('hyperv-firewall', scenario),
      )
    }
  }, 180_000)
})
