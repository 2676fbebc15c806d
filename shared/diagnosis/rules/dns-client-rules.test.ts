import { describe, expect, it } from 'vitest'
import type { FactOf } from '../../probes/facts'
import { findFix } from '../../repair/catalog'
import { fixLadder } from '../../repair/ladder'
import { diagnose } from '../diagnose'
import { buildMachineView } from '../machine-view'
import { failed, snapshot, withService } from '../test-support/test-snapshot'

const ids = (s: ReturnType<typeof snapshot>) => diagnose(s).map((f) => f.id)

/** WSL's output in microsoft/WSL#8781 (zh-CN Windows 11 22H2, DNS Client disabled by an update). */
const DNSCACHE_OUTPUT = '服务尚未启动。\r\nError code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x80070426\r\n'
const GPO = 'CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=contoso,DC=com'

function services(
  name: string,
  change: Partial<FactOf<'services'>['services'][number]>,
  startPolicy?: FactOf<'services'>['startPolicy'],
): Partial<FactOf<'services'>> {
  return { ...withService(name, change), ...(startPolicy === undefined ? {} : { startPolicy }) }
}

const readPolicy = (settings: { service: string; startType: 'automatic' | 'manual' | 'disabled' }[]) =>
  ({ status: 'read', settings: settings.map((s) => ({ ...s, gpoId: GPO })) }) as const

describe('DNS Client (Dnscache) disabled (docs/knowledge/host-network-probes.md#dns-client)', () => {
  it('names a disabled DNS Client as the cause, with what WSL printed', () => {
    const s = snapshot({
      services: services('Dnscache', { startType: 'disabled', status: 'Stopped' }),
      'wsl-startup': { startOutput: failed(DNSCACHE_OUTPUT), networkingModeOutput: null },
    })
    const [top] = diagnose(s)
    expect(top).toMatchObject({ id: 'dns-client-disabled', severity: 'error', confidence: 'high' })
    expect(top?.evidence.map((e) => e.key)).toEqual(['ev.serviceDisabled', 'ev.code0x80070426'])
    expect(top?.wslSaid).toEqual(['服务尚未启动。', 'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x80070426'])
    // The generic "other HNS code" finding is superseded by the named cause.
    expect(ids(s)).not.toContain('nat-creation-failed')
  })

  it('fires on the disabled start type alone (before WSL was started), not on a running DNS Client', () => {
    expect(ids(snapshot({ services: services('Dnscache', { startType: 'disabled', status: 'Stopped' }) }))).toEqual(['dns-client-disabled'])
    expect(ids(snapshot({ services: services('Dnscache', { startType: 'automatic', status: 'Running' }) }))).toEqual([])
    // Manual (not disabled) and no failure: nothing to say.
    expect(ids(snapshot({ services: services('Dnscache', { startType: 'manual', status: 'Stopped' }) }))).toEqual([])
  })

  it('reads 0x80070426 in ConfigureNetworking as the DNS Client only while that is not known to run', () => {
    const startOutput = failed(DNSCACHE_OUTPUT)
    const stopped = diagnose(
      snapshot({ services: services('Dnscache', { startType: 'automatic', status: 'Stopped' }), 'wsl-startup': { startOutput, networkingModeOutput: null } }),
    )
    expect(stopped[0]).toMatchObject({ id: 'dns-client-disabled', confidence: 'medium' })
    const running = ids(
      snapshot({ services: services('Dnscache', { startType: 'automatic', status: 'Running' }), 'wsl-startup': { startOutput, networkingModeOutput: null } }),
    )
    expect(running).not.toContain('dns-client-disabled')
    // 0x80070426 outside ConfigureNetworking (a distro registration, #7669) is not the DNS Client's.
    const register = ids(
      snapshot({ 'wsl-startup': { startOutput: failed('The service has not been started.\r\nError code: Wsl/0x80070426\r\n'), networkingModeOutput: null } }),
    )
    expect(register).not.toContain('dns-client-disabled')
  })
})

describe('who set a disabled service (docs/knowledge/host-network-probes.md#who-set-a-start-type)', () => {
  it('a Group Policy that keeps SharedAccess disabled: evidence names the GPO, IT first, the one-click fix refused', () => {
    const s = snapshot({
      services: services('SharedAccess', { startType: 'disabled', status: 'Stopped' }, readPolicy([{ service: 'SharedAccess', startType: 'disabled' }])),
    })
    const ics = diagnose(s).find((f) => f.id === 'nat-ics-disabled')
    expect(ics?.evidence).toContainEqual({
      key: 'ev.servicePolicyDisables',
      source: 'services',
      args: { service: 'SharedAccess', gpo: '{31B2F340-016D-11D2-945F-00C04FB984F9}' },
    })
    // Along the ladder, asking IT comes before re-enabling the service.
    expect(ics?.fixes.filter((f) => f === 'policy-contact-it' || f === 'enable-sharedaccess')).toEqual(['policy-contact-it', 'enable-sharedaccess'])
    expect(findFix('enable-sharedaccess')?.unavailable(buildMachineView(s), {})).toEqual({
      key: 'unavailable.managedByOrganisation',
      args: { service: 'SharedAccess' },
    })
    // On the ladder the re-enable rung stays visible, marked "managed by your organisation", never recommended.
    const ladder = fixLadder(ics!, buildMachineView(s))
    expect(ladder.find((r) => r.fixId === 'enable-sharedaccess')).toMatchObject({
      offer: { kind: 'managed', reason: { key: 'unavailable.managedByOrganisation' } },
      recommended: false,
    })
    expect(ladder.find((r) => r.recommended)?.fixId).toBe('policy-contact-it')
  })

  it('near misses: a policy for another service, or one that sets it to Manual, leaves the fix offered', () => {
    for (const policy of [
      readPolicy([{ service: 'Spooler', startType: 'disabled' }]),
      readPolicy([{ service: 'WSLService', startType: 'manual' }]),
      readPolicy([]),
    ]) {
      const s = snapshot({ services: services('WSLService', { startType: 'disabled', status: 'Stopped' }, policy) })
      const wsl = diagnose(s).find((f) => f.id === 'wsl-service-disabled')
      expect(wsl?.fixes).not.toContain('policy-contact-it')
      expect(findFix('enable-wslservice')?.unavailable(buildMachineView(s), {})).toBeNull()
    }
    const s = snapshot({
      services: services('WSLService', { startType: 'disabled', status: 'Stopped' }, readPolicy([{ service: 'WSLService', startType: 'disabled' }])),
    })
    expect(findFix('enable-wslservice')?.unavailable(buildMachineView(s), {})).toEqual({
      key: 'unavailable.managedByOrganisation',
      args: { service: 'WSLService' },
    })
  })

  it('no System Services policy names it: said so, without claiming nobody set it', () => {
    const s = snapshot({ services: services('Dnscache', { startType: 'disabled', status: 'Stopped' }, readPolicy([])) })
    expect(diagnose(s)[0]?.evidence.map((e) => e.key)).toEqual(['ev.serviceDisabled', 'ev.serviceNotByGroupPolicy'])
    expect(diagnose(s)[0]?.unknowns).toEqual([])
  })

  it("RSoP unreadable, or a snapshot from before it was read: can't tell, and says why", () => {
    const denied = snapshot({
      services: services('Dnscache', { startType: 'disabled', status: 'Stopped' }, { status: 'unreadable', reason: 'access-denied', detail: 'Access denied' }),
    })
    expect(diagnose(denied)[0]?.unknowns).toEqual([{ key: 'un.servicePolicyUnknown', args: { service: 'Dnscache', reason: 'access-denied' } }])
    const older = snapshot({ services: services('Dnscache', { startType: 'disabled', status: 'Stopped' }) })
    expect(diagnose(older)[0]?.unknowns).toEqual([{ key: 'un.servicePolicyUnknown', args: { service: 'Dnscache', reason: 'not-recorded' } }])
    // Unknown is not "managed": the fix stays offered (the confirm screen still shows every step).
    const wslDenied = snapshot({
      services: services(
        'WSLService',
        { startType: 'disabled', status: 'Stopped' },
        { status: 'unreadable', reason: 'access-denied', detail: 'Access denied' },
      ),
    })
    expect(findFix('enable-wslservice')?.unavailable(buildMachineView(wslDenied), {})).toBeNull()
  })
})
