import { z } from 'zod'

/** WSL's Hyper-V firewall VM creator id (src/windows/common/WslCoreNetworkingSupport.h `c_wslFirewallVmCreatorId`). */
export const WSL_VM_CREATOR_ID = '{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}'

/** A firewall Action / default action as the cmdletization names it (NotConfigured 0, Allow 2, Block 4). */
export const FirewallAction = z.enum(['NotConfigured', 'Allow', 'Block'])
export type FirewallAction = z.infer<typeof FirewallAction>

/**
 * The Hyper-V firewall as it applies to WSL (docs/knowledge/host-network-probes.md#hyper-v-firewall):
 *
 * - `supported`: this Windows has the Hyper-V firewall cmdlets (not Windows 10, nor Windows 11
 *   before 22H2); when false, `setting` is null and `blockRules` empty.
 * - `setting`: `Get-NetFirewallHyperVVMSetting -PolicyStore ActiveStore -Name <WSL's id>` (the
 *   enforced merge of local, MDM and mirrored host settings), or null when no setting exists for
 *   WSL's id yet; GpoBoolean values map True/False to booleans and NotConfigured to null.
 * - `blockRules`: enabled `Block` rules of `Get-NetFirewallHyperVRule -PolicyStore ActiveStore` that
 *   apply to WSL (its VM creator id, or `Any`), with their scope as the cmdlet shows it (`Any` = all)
 *   and where they come from (`PolicyStoreSourceType`: Local, GroupPolicy, Dynamic, HostFirewall...).
 */
export const HyperVFirewallFact = z.object({
  supported: z.boolean(),
  setting: z
    .object({
      enabled: z.boolean().nullable(),
      defaultInboundAction: FirewallAction.nullable(),
      defaultOutboundAction: FirewallAction.nullable(),
      loopbackEnabled: z.boolean().nullable(),
      allowHostPolicyMerge: z.boolean().nullable(),
    })
    .nullable(),
  blockRules: z.array(
    z.object({
      name: z.string(),
      displayName: z.string(),
      direction: z.enum(['Inbound', 'Outbound']),
      vmCreatorId: z.string(),
      protocol: z.string(),
      localPorts: z.string(),
      remoteAddresses: z.string(),
      remotePorts: z.string(),
      source: z.string().nullable(),
    }),
  ),
})
export type HyperVFirewallFact = z.infer<typeof HyperVFirewallFact>
export type HyperVFirewallRule = HyperVFirewallFact['blockRules'][number]

/** A rule that drops everything in its direction: no protocol, address or port scope. */
export function blocksEverything(rule: HyperVFirewallRule): boolean {
  return [rule.protocol, rule.localPorts, rule.remoteAddresses, rule.remotePorts].every((scope) => scope === 'Any')
}
