import { z } from 'zod'

/**
 * Windows Firewall profiles as enforced (`Get-NetFirewallProfile -PolicyStore ActiveStore`) —
 * `AllowLocalFirewallRules = False` (enterprise) or `AllowInboundRules = False` ("block all
 * incoming") make HNS's DNS rule ineffective in NAT mode (docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#enterprise-and-third-party-firewalls, docs/knowledge/probes.md#firewall-profiles).
 */
export const FirewallProfilesFact = z.object({
  profiles: z.array(
    z.object({
      name: z.string(),
      enabled: z.boolean().nullable(),
      defaultInboundAction: z.string().nullable(),
      allowInboundRules: z.boolean().nullable(),
      allowLocalFirewallRules: z.boolean().nullable(),
    }),
  ),
})
export type FirewallProfilesFact = z.infer<typeof FirewallProfilesFact>
