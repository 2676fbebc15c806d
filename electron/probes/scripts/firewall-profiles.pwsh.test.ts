import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FACT_SCHEMAS } from '../../../shared/probes/facts'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { firewallProfilesFake, loadRecorded, runNetworkProbe } from '../../powershell/test-support/network-probes-fakes'
import { LANGUAGE_MODES, PwshHarness, type ScriptRun } from '../../powershell/test-support/pwsh-harness'

const TIMEOUT = 30_000
let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

function fact(run: ScriptRun) {
  expect(run.reading.kind, JSON.stringify(run.reading)).toBe('data')
  if (run.reading.kind !== 'data') throw new Error('no data')
  const parsed = FACT_SCHEMAS['firewall-profiles'].safeParse(run.reading.data)
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true)
  return parsed.data!
}

describe.each(LANGUAGE_MODES)('firewall-profiles.ps1 in %s', (mode) => {
  it.each(['win11-defaults', 'enterprise-gpo-raw-numbers'])(
    'maps the recorded profiles of %s to booleans and action names',
    async (name) => {
      const recorded = loadRecorded('firewall-profiles', name)
      expect(fact(await runNetworkProbe(harness, 'firewall-profiles', recorded, mode))).toEqual(recorded.expected)
    },
    TIMEOUT,
  )

  it(
    'reads the enforced settings (ActiveStore), not the local store',
    async () => {
      const run = await runNetworkProbe(harness, 'firewall-profiles', loadRecorded('firewall-profiles', 'win11-defaults'), mode)
      expect(run.calls.map((c) => [c.name, c.arguments['PolicyStore']])).toEqual([['Get-NetFirewallProfile', 'ActiveStore']])
    },
    TIMEOUT,
  )

  it(
    'fails the probe when the NetSecurity module is missing (no profiles is not a finding)',
    async () => {
      const run = await runNetworkProbe(harness, 'firewall-profiles', loadRecorded('firewall-profiles', 'netsecurity-module-missing'), mode)
      expect(run.reading).toMatchObject({ kind: 'script-error', failure: 'failed' })
    },
    TIMEOUT,
  )

  it(
    'reports a refused read as access denied',
    async () => {
      const run = await runNetworkProbe(harness, 'firewall-profiles', loadRecorded('firewall-profiles', 'access-denied'), mode)
      expect(run.reading).toMatchObject({ kind: 'script-error', failure: 'access-denied' })
    },
    TIMEOUT,
  )

  it('agrees with the simulated PC on every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const run = await runNetworkProbe(harness, 'firewall-profiles', firewallProfilesFake(scenario), mode)
      expect(fact(run), scenario.id).toEqual(probeResponse('firewall-profiles', scenario))
    }
  }, 120_000)
})
