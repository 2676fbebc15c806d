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
    expect(byName(fact, 'WSLService')).toEqual({
      name: 'WSLService',
      exists: true,
      startType: 'automatic',
      delayedAutoStart: false,
      triggerStart: false,
      status: 'Running',
    })
    expect(byName(fact, 'SharedAccess')).toMatchObject({ startType: 'manual', triggerStart: true, status: 'Stopped' })
    // vmsmp is a driver: Get-Service finds nothing, Win32_SystemDriver gives its state.
    expect(byName(fact, 'vmsmp')).toMatchObject({ exists: true, startType: 'manual', status: 'Running' })
    expect(byName(fact, 'hns')).toEqual({ name: 'hns', exists: false, startType: null, delayedAutoStart: false, triggerStart: false, status: null })
    expect(run.calls.filter((c) => c.arguments.ClassName === 'Win32_SystemDriver').map((c) => c.arguments.Filter)).toEqual(["Name='vmsmp'"])
    // No GPO configures System Services here: RSoP answers with no instance, which is "read, none".
    expect(fact.startPolicy).toEqual({ status: 'read', settings: [] })
  }, 90_000)

  it('names the Group Policy that pins the DNS Client to Disabled (the winning setting only)', async () => {
    const fact = factOf('services', await harness.runProbe('services', loadRecorded('services', 'dnscache-disabled-by-gpo'), mode))
    expect(byName(fact, 'Dnscache')).toEqual({
      name: 'Dnscache',
      exists: true,
      startType: 'disabled',
      delayedAutoStart: false,
      triggerStart: true,
      status: 'Stopped',
    })
    // DNSCACHE in RSoP is our Dnscache; the losing precedence-2 setting and Spooler (not probed) are left out.
    expect(fact.startPolicy).toEqual({
      status: 'read',
      settings: [{ service: 'Dnscache', startType: 'disabled', gpoId: 'CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=contoso,DC=com' }],
    })
  }, 90_000)

  it('reports a disabled service and a delayed automatic one', async () => {
    const fact = factOf('services', await harness.runProbe('services', loadRecorded('services', 'disabled-delayed'), mode))
    expect(byName(fact, 'WSLService')).toMatchObject({ startType: 'disabled', status: 'Stopped' })
    expect(byName(fact, 'mpssvc')).toMatchObject({ startType: 'automatic', delayedAutoStart: true, status: 'Running' })
    // A standard user may be refused RSoP's computer namespace: that is "can't tell", not "no policy".
    expect(fact.startPolicy).toEqual({ status: 'unreadable', reason: 'access-denied', detail: 'Access denied' })
  }, 90_000)

  it('answers like the simulated PC for every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const fact = factOf('services', await harness.runProbe('services', servicesFake(scenario), mode))
      expect(fact, scenario.id).toEqual(probeResponse('services', scenario))
    }
  }, 180_000)
})
