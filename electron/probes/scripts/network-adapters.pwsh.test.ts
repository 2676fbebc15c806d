import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { factOf } from '../../powershell/test-support/system-probes-fakes'
import { loadRecorded, networkAdaptersFake, runNetworkProbe } from '../../powershell/test-support/network-probes-fakes'

const TIMEOUT = 30_000
const PROBE = 'network-adapters' satisfies ProbeId
let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

/** The probe's fact, checked with the app's own schema (one helper for every probe suite). */
const fact = (run: ScriptRun) => factOf(PROBE, run)

describe.each(LANGUAGE_MODES)('network-adapters.ps1 in %s', (mode) => {
  it(
    'keeps localized adapter names and a TUN VPN adapter of a Chinese PC, and counts phantom devices',
    async () => {
      const recorded = loadRecorded(PROBE, 'zh-cn-clash-tun')
      expect(fact(await runNetworkProbe(harness, PROBE, recorded, mode))).toEqual(recorded.expected)
    },
    TIMEOUT,
  )

  it(
    'lists the AnyConnect adapter, the VMware bridge binding and no phantom count without the PnpDevice module',
    async () => {
      const recorded = loadRecorded(PROBE, 'anyconnect-wsl-nat-vmware')
      const data = fact(await runNetworkProbe(harness, PROBE, recorded, mode))
      expect(data).toMatchObject(recorded.expected!)
      expect(data.adapters.find((a) => a.interfaceDescription.includes('Cisco AnyConnect'))).toMatchObject({ name: 'Ethernet 3', status: 'Up' })
    },
    TIMEOUT,
  )

  it(
    'asks for hidden adapters and both binding components',
    async () => {
      const run = await runNetworkProbe(harness, PROBE, loadRecorded(PROBE, 'anyconnect-wsl-nat-vmware'), mode)
      expect(run.calls.find((c) => c.name === 'Get-NetAdapter')?.arguments).toMatchObject({ IncludeHidden: true })
      expect(run.calls.find((c) => c.name === 'Get-NetAdapterBinding')?.arguments).toMatchObject({
        ComponentID: ['vmware_bridge', 'vms_pp'],
        AllBindings: true,
      })
      expect(run.calls.some((c) => c.name === 'Get-PnpDevice')).toBe(false)
    },
    TIMEOUT,
  )

  it(
    'fails as access denied rather than reporting no adapters',
    async () => {
      const run = await runNetworkProbe(harness, PROBE, loadRecorded(PROBE, 'access-denied'), mode)
      expect(run.reading).toMatchObject({ kind: 'script-error', failure: 'access-denied' })
    },
    TIMEOUT,
  )

  it('agrees with the simulated PC on every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const run = await runNetworkProbe(harness, PROBE, networkAdaptersFake(scenario), mode)
      expect(fact(run), scenario.id).toEqual(probeResponse(PROBE, scenario))
    }
  }, 180_000)
})
