import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'

const PROFILES = ['Domain', 'Private', 'Public'] as const
type ProfileName = (typeof PROFILES)[number]
type ProfileSettings = FactOf<'firewall-profiles'>['profiles'][number]

/** A profile as enforced: a GPO's value wins over the PC's own, which wins over Windows' default. */
export function enforcedFirewallProfile(scenario: Scenario, name: ProfileName): ProfileSettings {
  const own = scenario.network?.firewall?.[name] ?? {}
  const policy = scenario.network?.firewallGroupPolicy?.profiles?.[name] ?? {}
  return {
    name,
    enabled: policy.enabled ?? own.enabled ?? true,
    defaultInboundAction: policy.defaultInboundAction ?? own.defaultInboundAction ?? 'Block',
    allowInboundRules: policy.allowInboundRules ?? own.allowInboundRules ?? true,
    allowLocalFirewallRules: policy.allowLocalFirewallRules ?? own.allowLocalFirewallRules ?? true,
  }
}

/**
 * What `Get-NetFirewallProfile` reports (docs/knowledge/probes.md#firewall-profiles, docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#enterprise-and-third-party-firewalls,
 * docs/knowledge/host-network-probes.md#who-sets-the-firewall-profile):
 * - ActiveStore: Windows' defaults — enabled, inbound Block, inbound rules and local rules allowed —
 *   with the scenario's differences (enterprise `AllowLocalFirewallRules = False`, "block all
 *   incoming" `AllowInboundRules = False`), Group Policy's on top.
 * - RSOP: the profiles a GPO configures, with null for what it leaves NotConfigured; none without
 *   GPOs. Whether Windows lists the unconfigured profiles of a partly configured GPO is not known
 *   here; the rules read a missing profile and a NotConfigured value alike.
 */
export function firewallProfiles(scenario: Scenario): FactOf<'firewall-profiles'> {
  const gp = scenario.network?.firewallGroupPolicy
  const groupPolicy: FactOf<'firewall-profiles'>['groupPolicy'] =
    gp?.rsopReadable === false
      ? { status: 'unreadable', reason: 'access-denied', detail: 'Access is denied.' }
      : {
          status: 'read',
          profiles: PROFILES.flatMap((name) => {
            const p = gp?.profiles?.[name]
            if (p === undefined) return []
            return [
              {
                name,
                enabled: p.enabled ?? null,
                defaultInboundAction: p.defaultInboundAction ?? null,
                allowInboundRules: p.allowInboundRules ?? null,
                allowLocalFirewallRules: p.allowLocalFirewallRules ?? null,
              },
            ]
          }),
        }
  return { profiles: PROFILES.map((name) => enforcedFirewallProfile(scenario, name)), groupPolicy }
}
