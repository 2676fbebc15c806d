import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'

const PROFILES = ['Domain', 'Private', 'Public'] as const

/**
 * What `Get-NetFirewallProfile -PolicyStore ActiveStore` reports (docs/knowledge/probes.md#firewall-profiles, docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#enterprise-and-third-party-firewalls):
 * Windows' defaults — enabled, inbound Block, inbound rules and local rules allowed — with the
 * scenario's differences (enterprise `AllowLocalFirewallRules = False`, "block all incoming"
 * `AllowInboundRules = False`).
 */
export function firewallProfiles(scenario: Scenario): FactOf<'firewall-profiles'> {
  const overrides = scenario.network?.firewall ?? {}
  return {
    profiles: PROFILES.map((name) => {
      const o = overrides[name] ?? {}
      return {
        name,
        enabled: o.enabled ?? true,
        defaultInboundAction: o.defaultInboundAction ?? 'Block',
        allowInboundRules: o.allowInboundRules ?? true,
        allowLocalFirewallRules: o.allowLocalFirewallRules ?? true,
      }
    }),
  }
}
