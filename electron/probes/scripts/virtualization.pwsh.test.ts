/**
 * The real virtualization.ps1 in PowerShell 7 (Full and Constrained Language Mode): optional
 * features, hypervisor and firmware flags, bcdedit (admin only) and the Hyper-V / HNS modules.
 * Recorded cases (__recorded__/virtualization) and every shipped scenario against the simulated PC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness } from '../../powershell/test-support/pwsh-harness'
import { factOf, loadRecorded, virtualizationFake, withCommands } from '../../powershell/test-support/system-probes-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

describe.each(LANGUAGE_MODES)('virtualization.ps1 in %s', (mode) => {
  it.each(['home-no-hyperv', 'admin-bcdedit-no-launchtype', 'admin-bcdedit-launchtype-off', 'standard-user-zh-cn-bcdedit', 'domain-joined-zh-cn'])(
    'reads the recorded PC %s',
    async (name) => {
      const recorded = loadRecorded('virtualization', name)
      const run = await harness.runProbe('virtualization', recorded, mode)
      expect(factOf('virtualization', run)).toMatchObject(recorded.expected ?? {})
      // One feature query for all names (an OR filter), and bcdedit for the running OS entry only.
      const cim = run.calls.filter((c) => c.name === 'Get-CimInstance' && c.arguments.ClassName === 'Win32_OptionalFeature')
      expect(cim).toHaveLength(1)
      expect(String(cim[0]?.arguments.Filter)).toContain("Name='VirtualMachinePlatform' OR Name='Microsoft-Windows-Subsystem-Linux'")
      expect(run.calls.filter((c) => c.name === 'Invoke-WndNative').map((c) => c.arguments.Arguments)).toEqual([['/enum', '{current}']])
    },
    90_000,
  )

  it('reports every feature Unknown when the feature query fails (WMI repository broken)', async () => {
    const recorded = loadRecorded('virtualization', 'home-no-hyperv')
    const broken = withCommands(recorded, {
      'Get-CimInstance': {
        rules: [
          {
            match: { ClassName: 'Win32_OptionalFeature' },
            throw: {
              errorId: 'HRESULT 0x80041010,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand',
              message: 'Invalid class ',
              category: 'MetadataError',
            },
          },
          ...(recorded.commands['Get-CimInstance']?.rules.slice(1) ?? []),
        ],
      },
    })
    const fact = factOf('virtualization', await harness.runProbe('virtualization', broken, mode))
    expect(new Set(Object.values(fact.features))).toEqual(new Set(['Unknown']))
  }, 90_000)

  it('answers like the simulated PC for every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const fact = factOf('virtualization', await harness.runProbe('virtualization', virtualizationFake(scenario), mode))
      expect(fact, scenario.id).toEqual(probeResponse('virtualization', scenario))
    }
  }, 180_000)
})
