import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'

const PROFILES = ['Domain', 'Private', 'Public'] as const

/**
 * What `Get-NetFirewallProfile -PolicyStore ActiveStore` reports (wsl-networking.md D.9, F.1, F.3):
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
