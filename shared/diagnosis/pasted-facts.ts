import { vpnsMentioned } from '../probes/known-products'

/**
 * What a good triager reads in the user's own words (issue 11, "notes"): named VPN / secure-access
 * products, the IPv6 registry switch, virtualization products whose leftovers break WSL's switch,
 * and the networking mode they say they set. Each fact is shown back as "You said …" and never
 * outranks what WSL or the scan says; patterns are deliberately narrow (product names, exact
 * registry value names), so ordinary prose does not trigger them.
 */
export interface PastedFacts {
  /** VPN / secure-access products named (docs/knowledge/host-causes.md#vpn-clients), by the one VPN registry (known-products.ts, vpnsMentioned). */
  readonly vpnProducts: readonly string[]
  /** `DisabledComponents` set to 0xFF / 255 (docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry; Microsoft Learn "Configure IPv6 in Windows"). */
  readonly ipv6DisabledComponents: string | null
  /** VMware / VirtualBox named: their bridge leftovers break vSwitch creation (docs/knowledge/host-causes.md#vmware-leftovers, #9016, #11816). */
  readonly vmProducts: readonly string[]
  /** The user says mirrored networking is set (`networkingMode=mirrored`). */
  readonly saysMirrored: boolean
  /** A DNS server running on Windows named (Acrylic, Technitium, …): it can hold UDP port 53 that WSL's NAT needs (docs/knowledge/causes.md#dns-server-on-port-53). */
  readonly dnsServers: readonly string[]
}

const VMS: readonly (readonly [string, RegExp])[] = [
  ['VMware', /\bvmware\b/i],
  ['VirtualBox', /\bvirtual\s?box\b/i],
]

// valet-windows runs Acrylic DNS Proxy for its local domains (yCodeTech/valet-windows#14: it held port 53).
const DNS_SERVERS: readonly (readonly [string, RegExp])[] = [
  ['Acrylic DNS Proxy', /\bacrylic\b/i],
  ['Technitium DNS Server', /\btechnitium\b/i],
  ['AdGuard Home', /\badguard\s?home\b/i],
  ['DNSCrypt', /\bdnscrypt\b/i],
  ['valet-windows (Acrylic DNS Proxy)', /\bvalet-windows\b/i],
]

const IPV6 = /DisabledComponents[`'"\s]*(?:to|=|:|设置为|为|REG_DWORD)?[`'"\s]*(0x0*ff|255)\b/i
const MIRRORED = /networkingMode\s*=\s*mirrored/i

export function readPastedFacts(text: string): PastedFacts {
  const ipv6 = IPV6.exec(text)
  return {
    vpnProducts: vpnsMentioned(text),
    ipv6DisabledComponents: ipv6?.[1] ? ipv6[1] : null,
    vmProducts: VMS.filter(([, re]) => re.test(text)).map(([name]) => name),
    saysMirrored: MIRRORED.test(text),
    dnsServers: DNS_SERVERS.filter(([, re]) => re.test(text)).map(([name]) => name),
  }
}
