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
  it.each(['win11-defaults', 'enterprise-gpo-raw-numbers', 'gpo-local-rules-off', 'rsop-access-denied'])(
    'maps the recorded profiles of %s to booleans and action names',
    async (name) => {
      const recorded = loadRecorded('firewall-profiles', name)
      expect(fact(await runNetworkProbe(harness, 'firewall-profiles', recorded, mode))).toEqual(recorded.expected)
    },
    TIMEOUT,
  )

  it(
    'reads the enforced settings (ActiveStore), then what Group Policy sets (RSOP, unfiltered), never the local store',
    async () => {
      const run = await runNetworkProbe(harness, 'firewall-profiles', loadRecorded('firewall-profiles', 'win11-defaults'), mode)
      expect(run.calls.map((c) => [c.name, c.arguments['PolicyStore'], c.arguments['Name']])).toEqual([
        ['Get-NetFirewallProfile', 'ActiveStore', undefined],
        ['Get-NetFirewallProfile', 'RSOP', undefined],
      ])
    },
    TIMEOUT,
  )

  it(
    'keeps the enforced profiles when only the Group Policy store is refused: the owner is unknown, not "no policy"',
    async () => {
      const run = await runNetworkProbe(harness, 'firewall-profiles', loadRecorded('firewall-profiles', 'rsop-access-denied'), mode)
      const read = fact(run)
      expect(read.profiles).toHaveLength(3)
      expect(read.groupPolicy).toEqual({ status: 'unreadable', reason: 'access-denied', detail: 'Access is denied.' })
    },
    TIMEOUT,
  )

  it(
    'reads a failed Group Policy store as unreadable (failed), not as an empty one',
    async () => {
      const recorded = loadRecorded('firewall-profiles', 'win11-defaults')
      const rules = recorded.commands['Get-NetFirewallProfile']!.rules
      const broken = {
        ...recorded,
        commands: {
          'Get-NetFirewallProfile': {
            rules: [
              rules[0]!,
              {
                match: { PolicyStore: 'RSOP' },
                throw: { errorId: 'HRESULT 0x80041010,Get-NetFirewallProfile', message: 'Invalid class', category: 'MetadataError' },
              },
            ],
          },
        },
      }
      expect(fact(await runNetworkProbe(harness, 'firewall-profiles', broken, mode)).groupPolicy).toMatchObject({ status: 'unreadable', reason: 'failed' })
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
