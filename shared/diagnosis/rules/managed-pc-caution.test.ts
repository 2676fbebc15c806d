import { describe, expect, it } from 'vitest'
import type { FactOf } from '../../probes/facts'
import { fixLadder } from '../../repair/ladder'
import { diagnose } from '../diagnose'
import { buildMachineView } from '../machine-view'
import { snapshot, withService, wslconfig } from '../test-support/test-snapshot'

/**
 * A PC joined to a domain (docs/knowledge/host-network-probes.md#managed-pc): where the scan can't
 * tell who set the value a fix changes, the finding says the organisation may own it and adds "ask
 * IT"; where a GPO is known to set it, or on a workgroup PC, nothing is added.
 */
type Domain = FactOf<'virtualization'>['domain']
const joined: Domain = { partOfDomain: true, name: 'corp.example.com' }
const workgroup: Domain = { partOfDomain: false, name: null }
const virtualization = (domain: Domain) => ({ virtualization: { domain } })
const mirrored = wslconfig('[wsl2]\nnetworkingMode=mirrored\n')
const ipv6 = (domain: Domain) =>
  diagnose(snapshot({ ...virtualization(domain), 'mirrored-readiness': { ipv6DisabledComponents: 0xff }, 'wslconfig-file': mirrored })).find(
    (f) => f.id === 'mirrored-ipv6-disabled',
  )
/** Findings list their fixes lightest first (the catalog's order), not in the order a rule adds them. */
const sorted = (fixes: readonly string[] | undefined) => [...(fixes ?? [])].sort()
const cautionKeys = (keys: readonly string[]) => keys.filter((k) => k.startsWith('ev.pcIn'))

describe('the managed-PC caution', () => {
  it('DisabledComponents on a domain PC (#11002: a GPO wrote 0xFF to every workstation): named, with "ask IT" after the fix', () => {
    const f = ipv6(joined)
    expect(f?.evidence.find((e) => e.key === 'ev.pcInDomain')).toEqual({ key: 'ev.pcInDomain', source: 'virtualization', args: { domain: 'corp.example.com' } })
    expect(sorted(f?.fixes)).toEqual(sorted(['remove-ipv6-disabled-components', 'reboot', 'wslconfig-set-nat', 'policy-contact-it']))
  })

  it('is not added on a workgroup PC, on a snapshot older than the domain read, or when the domain was not read', () => {
    for (const domain of [workgroup, undefined, { partOfDomain: null, name: null }]) {
      const f = ipv6(domain)
      expect(cautionKeys(f?.evidence.map((e) => e.key) ?? [])).toEqual([])
      expect(f?.fixes).not.toContain('policy-contact-it')
    }
  })

  it('never recommends asking IT over a fix the app can apply: the caution is a next step, not the answer', () => {
    const s = snapshot({ ...virtualization(joined), 'mirrored-readiness': { ipv6DisabledComponents: 0xff }, 'wslconfig-file': mirrored })
    const f = diagnose(s).find((x) => x.id === 'mirrored-ipv6-disabled')!
    const ladder = fixLadder(f, buildMachineView(s))
    expect(ladder.find((r) => r.recommended)?.fixId).not.toBe('policy-contact-it')
    expect(ladder.map((r) => r.fixId)).toContain('policy-contact-it')
  })

  it('a domain joined without a name still gets the caution, without an empty name on screen', () => {
    const f = ipv6({ partOfDomain: true, name: null })
    expect(cautionKeys(f?.evidence.map((e) => e.key) ?? [])).toEqual(['ev.pcInUnnamedDomain'])
  })

  it('a disabled service whose owner is unknown or is no System Services policy gets it; one a GPO keeps disabled does not', () => {
    const disabled = withService('Dnscache', { startType: 'disabled', status: 'Stopped' })
    const finding = (startPolicy: FactOf<'services'>['startPolicy']) =>
      diagnose(snapshot({ ...virtualization(joined), services: { ...disabled, startPolicy } })).find((f) => f.id === 'dns-client-disabled')
    const denied = finding({ status: 'unreadable', reason: 'access-denied', detail: 'Access denied' })
    expect(cautionKeys(denied?.evidence.map((e) => e.key) ?? [])).toEqual(['ev.pcInDomain'])
    expect(sorted(denied?.fixes)).toEqual(sorted(['enable-dnscache', 'policy-contact-it']))
    const none = finding({ status: 'read', settings: [] })
    expect(none?.evidence.map((e) => e.key)).toEqual(['ev.serviceDisabled', 'ev.serviceNotByGroupPolicy', 'ev.pcInDomain'])
    const byGpo = finding({ status: 'read', settings: [{ service: 'Dnscache', startType: 'disabled', gpoId: null }] })
    expect(cautionKeys(byGpo?.evidence.map((e) => e.key) ?? [])).toEqual([])
    expect(byGpo?.fixes.filter((x) => x === 'policy-contact-it')).toHaveLength(1)
  })

  it('a blocking firewall setting no GPO sets gets it; one a GPO sets already sends the user to IT, once', () => {
    const profiles = [{ name: 'Public', enabled: true, defaultInboundAction: 'Block', allowInboundRules: true, allowLocalFirewallRules: false }]
    const gpo = { name: 'Public', enabled: null, defaultInboundAction: null, allowInboundRules: null, allowLocalFirewallRules: false }
    const noTunneling = wslconfig('[wsl2]\ndnsTunneling=false\n')
    const finding = (groupPolicy: FactOf<'firewall-profiles'>['groupPolicy']) =>
      diagnose(snapshot({ ...virtualization(joined), 'firewall-profiles': { profiles, groupPolicy }, 'wslconfig-file': noTunneling })).find(
        (f) => f.id === 'firewall-blocks-wsl-dns',
      )
    const notByGpo = finding({ status: 'read', profiles: [] })
    expect(notByGpo?.evidence.map((e) => e.key)).toEqual(['ev.firewallNoLocalRules', 'ev.firewallNotByGroupPolicy', 'ev.pcInDomain'])
    expect(sorted(notByGpo?.fixes)).toEqual(sorted(['wslconfig-enable-dns-tunneling', 'firewall-allow-local-rules', 'policy-contact-it']))
    const byGpo = finding({ status: 'read', profiles: [gpo] })
    expect(cautionKeys(byGpo?.evidence.map((e) => e.key) ?? [])).toEqual([])
    expect(byGpo?.fixes.filter((x) => x === 'policy-contact-it')).toHaveLength(1)
  })
})
