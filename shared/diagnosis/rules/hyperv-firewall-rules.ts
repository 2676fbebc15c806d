import { blocksEverything } from '../../probes/facts/hyperv-firewall'
import type { Finding } from '../finding'
import { configuredMode } from '../derived'
import type { FixId } from '../fix-ids'
import type { MachineView } from '../machine-view'
import { evidence, finding, rule, type Rule } from './rule'

/**
 * The Hyper-V firewall dropping everything WSL sends (docs/knowledge/host-network-probes.md#hyper-v-firewall):
 * its default outbound action for WSL's VM creator is Block (microsoft/WSL#11693: no internet, no
 * DNS until `-DefaultOutboundAction Allow`), or an enabled Block rule for WSL (or every creator)
 * has no scope at all, as a VPN's kill switch adds one while it is not connected
 * (mullvad/mullvadvpn-app#7120). WSL applies the Hyper-V firewall always in mirrored mode and in
 * NAT unless `firewall=false` (src/windows/common/WslCoreConfig.cpp); a rule with a scope (one port)
 * blocks only that and is not a cause of "no network".
 */
export const hypervFirewallRules: readonly Rule[] = [rule(['hyperv-firewall', 'wslconfig-file'], outboundBlockedRule)]

/** Where a Block rule comes from that the user cannot change on this PC (MS-FASP FW_RULE_ORIGIN_TYPE). */
const MANAGED_SOURCES = ['GroupPolicy', 'MDM', 'HostGroupPolicy', 'HostMDM']

function outboundBlockedRule(view: MachineView): Finding[] {
  if (!view.hypervFirewall.known || !view.hypervFirewall.value.supported) return []
  const fact = view.hypervFirewall.value
  if (fact.setting?.enabled === false) return []
  if (!firewallApplies(view)) return []
  const defaultBlock = fact.setting?.defaultOutboundAction === 'Block'
  const blockAll = fact.blockRules.filter((r) => r.direction === 'Outbound' && blocksEverything(r))
  if (!defaultBlock && blockAll.length === 0) return []
  const managed = blockAll.some((r) => r.source !== null && MANAGED_SOURCES.includes(r.source))
  const fixes: FixId[] = ['hyperv-firewall-allow-outbound', ...(managed ? (['policy-contact-it'] as const) : [])]
  return [
    finding({
      id: 'hyperv-firewall-blocks-outbound',
      severity: 'error',
      confidence: 'high',
      evidence: [
        ...(defaultBlock ? [evidence('ev.hyperVOutboundDefaultBlock', 'hyperv-firewall')] : []),
        ...blockAll.map((r) => evidence('ev.hyperVBlockAllRule', 'hyperv-firewall', { rule: r.displayName, source: r.source ?? '?' })),
      ],
      fixes,
      args: { rule: blockAll[0]?.displayName ?? '' },
    }),
  ]
}

/** WSL filters through the Hyper-V firewall in mirrored mode always, in NAT unless `firewall=false`. */
function firewallApplies(view: MachineView): boolean {
  if (configuredMode(view) === 'mirrored') return true
  if (!view.config.known || view.config.value === null) return true
  return (view.config.value.parse.values['wsl2.firewall'] ?? 'true').toLowerCase() !== 'false'
}
