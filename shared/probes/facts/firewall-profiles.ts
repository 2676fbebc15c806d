import { z } from 'zod'

/** One profile's settings: GpoBoolean values as booleans (null = NotConfigured / unreadable), the action by name. */
const FirewallProfileSettings = z.object({
  name: z.string(),
  enabled: z.boolean().nullable(),
  defaultInboundAction: z.string().nullable(),
  allowInboundRules: z.boolean().nullable(),
  allowLocalFirewallRules: z.boolean().nullable(),
})

/**
 * What Group Policy sets, from the firewall's RSOP store (`Get-NetFirewallProfile -PolicyStore RSOP`,
 * "the sum of all GPOs applied to the local computer"; docs/knowledge/host-network-probes.md#who-sets-the-firewall-profile).
 * `read`: the profiles a GPO configures — a null value is one the GPO leaves NotConfigured, and an
 * empty list means no GPO sets any profile setting. `unreadable`: the store could not be read, so
 * the owner is unknown (never "no policy"). MDM (the Firewall CSP) is not in this store.
 */
export const FirewallGroupPolicy = z.discriminatedUnion('status', [
  z.object({ status: z.literal('read'), profiles: z.array(FirewallProfileSettings) }),
  z.object({ status: z.literal('unreadable'), reason: z.enum(['access-denied', 'failed']), detail: z.string() }),
])
export type FirewallGroupPolicy = z.infer<typeof FirewallGroupPolicy>

/**
 * Windows Firewall profiles as enforced (`Get-NetFirewallProfile -PolicyStore ActiveStore`) —
 * `AllowLocalFirewallRules = False` (enterprise) or `AllowInboundRules = False` ("block all
 * incoming") make HNS's DNS rule ineffective in NAT mode (docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#enterprise-and-third-party-firewalls, docs/knowledge/probes.md#firewall-profiles).
 * `groupPolicy` says which of them a Group Policy sets; optional, so snapshots taken before it was
 * read still parse (then the owner is unknown).
 */
export const FirewallProfilesFact = z.object({
  profiles: z.array(FirewallProfileSettings),
  groupPolicy: FirewallGroupPolicy.optional(),
})
export type FirewallProfilesFact = z.infer<typeof FirewallProfilesFact>
