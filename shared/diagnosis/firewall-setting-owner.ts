import type { FirewallProfilesFact } from '../probes/facts/firewall-profiles'
import { dnsTunnelingActive, natInUse } from './derived'
import type { MachineView } from './machine-view'

/** The two profile settings that make HNS's DNS rule for WSL ineffective (docs/knowledge/host-causes.md#dns-blocked-by-the-firewall). */
export type BlockingFirewallSetting = 'AllowLocalFirewallRules' | 'AllowInboundRules'

/** The enabled profiles whose settings stop HNS's DNS rule: ignored local rules first, else "block all incoming". */
export function blockingFirewallSettings(fact: FirewallProfilesFact): { readonly profile: string; readonly setting: BlockingFirewallSetting }[] {
  return fact.profiles.flatMap((p): { profile: string; setting: BlockingFirewallSetting }[] => {
    if (p.enabled === false) return []
    if (p.allowLocalFirewallRules === false) return [{ profile: p.name, setting: 'AllowLocalFirewallRules' }]
    if (p.allowInboundRules === false) return [{ profile: p.name, setting: 'AllowInboundRules' }]
    return []
  })
}

/**
 * WSL's DNS goes through the NAT gateway (NAT, no tunneling) and a firewall profile stops the rule it
 * needs: then restarting WSL cannot make names resolve (docs/knowledge/host-causes.md#dns-blocked-by-the-firewall).
 */
export function firewallBlocksWslDns(view: MachineView): boolean {
  if (!view.firewall.known || natInUse(view) === false || dnsTunnelingActive(view) === true) return false
  return blockingFirewallSettings(view.firewall.value).length > 0
}

/**
 * Who sets a blocking profile setting, as far as the scan can tell
 * (docs/knowledge/host-network-probes.md#who-sets-the-firewall-profile):
 * - `group-policy`: the RSOP store (the GPOs applied) sets it to False. Group Policy applies it
 *   again at every refresh, so only the organisation can change it.
 * - `not-group-policy`: the RSOP store was read and no GPO sets it. An MDM policy (the Firewall
 *   CSP, e.g. Intune) is not in that store, so this is not "nobody set it".
 * - `unknown`: a snapshot older than this read, or the RSOP store unreadable.
 */
export type FirewallSettingOwner =
  | { readonly kind: 'group-policy' }
  | { readonly kind: 'not-group-policy' }
  | { readonly kind: 'unknown'; readonly reason: 'not-recorded' | 'access-denied' | 'failed' }

const FIELD = { AllowLocalFirewallRules: 'allowLocalFirewallRules', AllowInboundRules: 'allowInboundRules' } as const

export function firewallSettingOwner(fact: FirewallProfilesFact, profile: string, setting: BlockingFirewallSetting): FirewallSettingOwner {
  const policy = fact.groupPolicy
  if (policy === undefined) return { kind: 'unknown', reason: 'not-recorded' }
  switch (policy.status) {
    case 'unreadable':
      return { kind: 'unknown', reason: policy.reason }
    case 'read': {
      const set = policy.profiles.find((p) => p.name.toLowerCase() === profile.toLowerCase())
      return set?.[FIELD[setting]] === false ? { kind: 'group-policy' } : { kind: 'not-group-policy' }
    }
  }
}
