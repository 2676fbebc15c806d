import { z } from 'zod'

/**
 * One part of `host-dns` that could not be read: its cmdlet does not exist on this Windows (an
 * edition or build without the DnsClient / NetTCPIP / NetAdapter module), Windows refused the read
 * (`access-denied`), or it failed. `detail` names the cmdlet, or the error's FullyQualifiedErrorId
 * and message. Rules read such a part as
 * unknown, never as "nothing there" (docs/knowledge/host-network-probes.md#host-dns).
 */
export const HostDnsUnavailable = z.object({
  available: z.literal(false),
  reason: z.enum(['no-cmdlet', 'access-denied', 'failed']),
  detail: z.string(),
})
export type HostDnsUnavailable = z.infer<typeof HostDnsUnavailable>

/** `Get-DnsClientNrptPolicy -Effective`: one namespace group of the NRPT in force (DnsClientPolicyConfiguration). */
export const NrptRule = z.object({
  /** `Namespace` as the cmdlet lists it: `.corp.contoso.com` (a suffix) or `nls.corp.contoso.com` (one name). */
  namespaces: z.array(z.string()),
  /** `NameServers`: where the DNS client sends names of these namespaces (a VPN's split DNS). */
  nameServers: z.array(z.string()),
  /** `DirectAccessEnabled` (null when the cmdlet leaves it empty). */
  directAccessEnabled: z.boolean().nullable(),
  /** `DirectAccessDnsServers`: the DirectAccess DNS servers of these namespaces. */
  directAccessDnsServers: z.array(z.string()),
})
export type NrptRule = z.infer<typeof NrptRule>

/** `Get-DnsClientServerAddress`: the DNS servers of one interface and address family (only interfaces that have any). */
export const InterfaceDnsServers = z.object({
  interfaceAlias: z.string(),
  interfaceIndex: z.number().int(),
  addressFamily: z.enum(['IPv4', 'IPv6']),
  serverAddresses: z.array(z.string()),
})
export type InterfaceDnsServers = z.infer<typeof InterfaceDnsServers>

/**
 * `Get-NetRoute` routes that catch all traffic: `default` (0.0.0.0/0, ::/0) and `half-default`
 * (0.0.0.0/1 + 128.0.0.0/1, ::/1 + 8000::/1, which OpenVPN-style clients add to win over the
 * default route). `kind` is set by the script, so it survives a report's redaction of addresses.
 */
export const CatchAllRoute = z.object({
  kind: z.enum(['default', 'half-default']),
  destinationPrefix: z.string(),
  nextHop: z.string(),
  interfaceAlias: z.string(),
  interfaceIndex: z.number().int(),
  routeMetric: z.number().int().nullable(),
  interfaceMetric: z.number().int().nullable(),
})
export type CatchAllRoute = z.infer<typeof CatchAllRoute>

/** How many other routes an interface has (multicast, broadcast, link-local and loopback not counted): a VPN's split tunnel shows here. */
export const InterfaceRouteCount = z.object({
  interfaceAlias: z.string(),
  interfaceIndex: z.number().int(),
  count: z.number().int().nonnegative(),
})

/** `Get-NetAdapter -IncludeHidden`: which interface is which (no MAC addresses). */
export const HostInterface = z.object({
  interfaceIndex: z.number().int(),
  name: z.string(),
  interfaceDescription: z.string(),
  /** `HardwareInterface`: a physical NIC (false for a VPN's virtual adapter, Hyper-V vNICs, WAN miniports); null when not reported. */
  hardwareInterface: z.boolean().nullable(),
})
export type HostInterface = z.infer<typeof HostInterface>

/**
 * `Get-NetUDPEndpoint -LocalPort 53`: one UDP socket on DNS's port on the host, and the process that
 * holds it (docs/knowledge/host-network-probes.md#port-53). A DNS server bound to every address takes
 * the port the NAT network's DNS proxy needs (docs/knowledge/causes.md#dns-server-on-port-53).
 */
export const Port53Endpoint = z.object({
  localAddress: z.string(),
  /**
   * Set by the script from the address, so it survives a report's redaction of addresses: `all`
   * (0.0.0.0 or ::, every address), `loopback` (127.0.0.0/8, ::1) or `one` (a single other address).
   */
  scope: z.enum(['all', 'loopback', 'one']),
  /** `OwningProcess` (null when Windows does not report it). */
  owningProcess: z.number().int().nonnegative().nullable(),
  /** `Get-Process -Id`'s ProcessName (no path); null when the process is gone or not visible. */
  processName: z.string().nullable(),
})
export type Port53Endpoint = z.infer<typeof Port53Endpoint>

/** At most this many port-53 sockets are kept (a PC has a handful; the cap bounds a report). */
export const PORT53_ENDPOINT_CAP = 32

const readOf = <T extends z.ZodRawShape>(shape: T) =>
  z.discriminatedUnion('available', [z.object({ available: z.literal(true), ...shape }), HostDnsUnavailable])

/**
 * Name resolution on the Windows host as a VPN shapes it (docs/knowledge/host-network-probes.md#host-dns):
 * the NRPT in force (corporate split DNS, DirectAccess, Zscaler), the DNS servers per interface,
 * the catch-all routes and per-interface route counts, and the adapters behind the interface
 * indexes. Each part is read on its own, so a missing module costs only that part. WSL applies
 * the NRPT to Linux's DNS queries only with DNS tunneling (docs/knowledge/wsl-checks.md#dns-tunneling).
 */
export const HostDnsFact = z.object({
  nrpt: readOf({ rules: z.array(NrptRule) }),
  dnsServers: readOf({ interfaces: z.array(InterfaceDnsServers) }),
  routes: readOf({ catchAll: z.array(CatchAllRoute), counts: z.array(InterfaceRouteCount) }),
  interfaces: readOf({ adapters: z.array(HostInterface) }),
  /** Who holds UDP port 53 (absent in snapshots taken before it was read). */
  port53: readOf({ endpoints: z.array(Port53Endpoint).max(PORT53_ENDPOINT_CAP) }).optional(),
})
export type HostDnsFact = z.infer<typeof HostDnsFact>

/** NRPT rules that send names somewhere: a name server or a DirectAccess DNS server (an exemption rule has neither). */
export function redirectingNrptRules(rules: readonly NrptRule[]): NrptRule[] {
  return rules.filter((r) => r.namespaces.length > 0 && (r.nameServers.length > 0 || r.directAccessDnsServers.length > 0))
}
