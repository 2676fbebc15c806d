/**
 * The real services.ps1 in PowerShell 7 (Full and Constrained Language Mode): registry Start /
 * DelayedAutostart / TriggerInfo and Get-Service or Win32_SystemDriver state, recorded cases
 * (__recorded__/services) and every shipped scenario against the simulated PC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness } from '../../powershell/test-support/pwsh-harness'
import { factOf, loadRecorded, servicesFake } from '../../powershell/test-support/system-probes-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

function byName(fact: { services: readonly { name: string }[] }, name: string) {
  return fact.services.find((s) => s.name === name)
}

describe.each(LANGUAGE_MODES)('services.ps1 in %s', (mode) => {
  it('reads start type, trigger start and state of services and drivers', async () => {
    const run = await harness.runProbe('services', loadRecorded('services', 'win11-store-wsl-ics-trigger'), mode)
    const fact = factOf('services', run)
    expect(byName(fact, 'WSLService')).toEqual({ name: 'WSLService', exists: true, startType: 'automatic', delayedAutoStart: false, triggerStart: false, status: 'Running' })
    expect(byName(fact, 'SharedAccess')).toMatchObject({ startType: 'manual', triggerStart: true, status: 'Stopped' })
    // vmsmp is a driver: Get-Service finds nothing, Win32_SystemDriver gives its state.
    expect(byName(fact, 'vmsmp')).toMatchObject({ exists: true, startType: 'manual', status: 'Running' })
    expect(byName(fact, 'hns')).toEqual({ name: 'hns', exists: false, startType: null, delayedAutoStart: false, triggerStart: false, status: null })
    expect(run.calls.filter((c) => c.name === 'Get-CimInstance').map((c) => c.arguments.Filter)).toEqual(["Name='vmsmp'"])
  }, 90_000)

  it('reports a disabled service and a delayed automatic one', async () => {
    const fact = factOf('services', await harness.runProbe('services', loadRecorded('services', 'disabled-delayed'), mode))
    expect(byName(fact, 'WSLService')).toMatchObject({ startType: 'disabled', status: 'Stopped' })
    expect(byName(fact, 'mpssvc')).toMatchObject({ startType: 'automatic', delayedAutoStart: true, status: 'Running' })
  }, 90_000)

  it('answers like the simulated PC for every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const fact = factOf('services', await harness.runProbe('services', servicesFake(scenario), mode))
      expect(fact, scenario.id).toEqual(probeResponse('services', scenario))
    }
  }, 180_000)
})
