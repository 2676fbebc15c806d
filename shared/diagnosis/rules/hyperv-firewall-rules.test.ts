import { describe, expect, it } from 'vitest'
import type { FactOf } from '../../probes/facts'
import { diagnose } from '../diagnose'
import { snapshot, wslconfig } from '../test-support/test-snapshot'

type Fact = FactOf<'hyperv-firewall'>
type Rule = Fact['blockRules'][number]

const DEFAULTS: NonNullable<Fact['setting']> = {
  enabled: true,
  defaultInboundAction: 'Block',
  defaultOutboundAction: 'Allow',
  loopbackEnabled: true,
  allowHostPolicyMerge: true,
}
/** mullvad/mullvadvpn-app#7120's kill-switch rule: outbound, Block, no creator id, no scope. */
const MULLVAD: Rule = {
  name: '{6D6A2B3C-0F4E-4B8A-9C1D-5E7F8A9B0C1D}',
  displayName: 'Mullvad VPN block-all rule',
  direction: 'Outbound',
  vmCreatorId: 'Any',
  protocol: 'Any',
  localPorts: 'Any',
  remoteAddresses: 'Any',
  remotePorts: 'Any',
  source: 'Local',
}
/** microsoft/WSL#10569's rule: outbound SSH only. */
const NO_SSH: Rule = {
  ...MULLVAD,
  name: '{F17FEC1C-24F1-4E76-923E-E22AF8B67B2C}',
  displayName: 'NoSSH-Outbound',
  protocol: 'TCP',
  remotePorts: '22',
  source: 'HostLocal',
}

const fw = (setting: Partial<NonNullable<Fact['setting']>> | null, blockRules: Rule[] = []): Partial<Fact> => ({
  supported: true,
  setting: setting === null ? null : { ...DEFAULTS, ...setting },
  blockRules,
})
const found = (s: ReturnType<typeof snapshot>) => diagnose(s).find((f) => f.id === 'hyperv-firewall-blocks-outbound')

describe('Hyper-V firewall blocking WSL (docs/knowledge/host-network-probes.md#hyper-v-firewall)', () => {
  it("names a default outbound Block for WSL's VM creator (#11693) as the cause", () => {
    const [top] = diagnose(snapshot({ 'hyperv-firewall': fw({ defaultOutboundAction: 'Block' }) }))
    expect(top).toMatchObject({ id: 'hyperv-firewall-blocks-outbound', severity: 'error', confidence: 'high', fixes: ['hyperv-firewall-allow-outbound'] })
    expect(top?.evidence.map((e) => e.key)).toEqual(['ev.hyperVOutboundDefaultBlock'])
  })

  it("names the product's block-all rule, also when WSL has no setting of its own yet", () => {
    const f = found(snapshot({ 'hyperv-firewall': fw(null, [MULLVAD]) }))
    expect(f?.evidence).toEqual([{ key: 'ev.hyperVBlockAllRule', source: 'hyperv-firewall', args: { rule: 'Mullvad VPN block-all rule', source: 'Local' } }])
    expect(f?.fixes).not.toContain('policy-contact-it')
  })

  it('sends a rule the organisation set (Group Policy, MDM) to IT', () => {
    for (const source of ['GroupPolicy', 'MDM', 'HostGroupPolicy', 'HostMDM']) {
      expect(found(snapshot({ 'hyperv-firewall': fw({}, [{ ...MULLVAD, source }]) }))?.fixes, source).toContain('policy-contact-it')
    }
  })

  it('near misses: a scoped rule, an inbound block, the firewall off, NAT with firewall=false, no Hyper-V firewall', () => {
    expect(found(snapshot({ 'hyperv-firewall': fw({}, [NO_SSH]) }))).toBeUndefined()
    expect(found(snapshot({ 'hyperv-firewall': fw({}, [{ ...MULLVAD, direction: 'Inbound' }]) }))).toBeUndefined()
    expect(found(snapshot({ 'hyperv-firewall': fw({ enabled: false, defaultOutboundAction: 'Block' }) }))).toBeUndefined()
    expect(
      found(snapshot({ 'hyperv-firewall': fw({ defaultOutboundAction: 'Block' }), 'wslconfig-file': wslconfig('[wsl2]\nfirewall=false\n') })),
    ).toBeUndefined()
    expect(found(snapshot({ 'hyperv-firewall': { supported: false, setting: null, blockRules: [] } }))).toBeUndefined()
    expect(found(snapshot({ 'hyperv-firewall': { unknown: 'access-denied' } }))).toBeUndefined()
  })

  it('mirrored mode always uses the Hyper-V firewall, whatever firewall= says (WslCoreConfig.cpp)', () => {
    const s = snapshot({
      'hyperv-firewall': fw({ defaultOutboundAction: 'Block' }),
      'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\nfirewall=false\n'),
    })
    expect(found(s)).toBeDefined()
  })
})
