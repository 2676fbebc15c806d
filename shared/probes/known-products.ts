/**
 * The one list of installed products public reports link to broken WSL networking
 * (docs/knowledge/installed-products.md#known-products). The installed-products probe returns the
 * programs list as Windows stores it; this list decides which entries matter, so the rules, the
 * simulated PC and the report's redaction all read the same names. Patterns are narrow on purpose
 * (product names as their vendors spell them), so an unrelated program never matches.
 */
export type ProductKind = 'vpn' | 'security' | 'proxy'

export interface KnownProduct {
  readonly id: string
  /** The name findings show ("Zscaler is installed"): a product name, never translated. */
  readonly name: string
  readonly kind: ProductKind
  /** Matches an Uninstall entry's DisplayName. */
  readonly program: RegExp
  /** Matches a network adapter's InterfaceDescription, where the product has its own adapter. */
  readonly adapter: RegExp | null
  /** Matches the product as people name it in their own words (a paste: "I use AnyConnect"); VPNs only. */
  readonly mention: RegExp | null
  /** The knowledge section with the product's public reports. */
  readonly source: `docs/knowledge/installed-products.md#${string}`
}

export const KNOWN_PRODUCTS: readonly KnownProduct[] = [
  {
    id: 'zscaler',
    name: 'Zscaler',
    kind: 'vpn',
    program: /\bzscaler\b/i,
    adapter: /\bzscaler\b/i,
    mention: /\bzscaler\b/i,
    source: 'docs/knowledge/installed-products.md#zscaler',
  },
  {
    id: 'cisco-secure-client',
    name: 'Cisco AnyConnect / Secure Client',
    kind: 'vpn',
    program: /\bcisco (anyconnect|secure client)\b/i,
    adapter: /\banyconnect\b|\bcisco secure client\b/i,
    mention: /\bany\s?connect\b|\bcisco secure client\b/i,
    source: 'docs/knowledge/installed-products.md#cisco-anyconnect-and-cisco-secure-client',
  },
  {
    id: 'globalprotect',
    name: 'Palo Alto GlobalProtect',
    kind: 'vpn',
    program: /\bglobal\s?protect\b/i,
    adapter: /\bPANGP\b|\bglobal\s?protect\b/i,
    mention: /\bglobal\s?protect\b/i,
    source: 'docs/knowledge/installed-products.md#palo-alto-globalprotect',
  },
  {
    id: 'forticlient',
    name: 'FortiClient',
    kind: 'vpn',
    program: /\bforticlient\b/i,
    adapter: /\bfortinet\b|\bforticlient\b/i,
    mention: /\bforti\s?client\b/i,
    source: 'docs/knowledge/installed-products.md#forticlient',
  },
  {
    id: 'check-point',
    name: 'Check Point',
    kind: 'vpn',
    // "Check Point", two words, as the vendor spells it: "Checkpoint" is also other software's word.
    program: /\bcheck point\b/i,
    adapter: /\bcheck point\b/i,
    // "Checkpoint" alone is also Hyper-V's word: one word only with the product's own nouns.
    mention: /\bcheck point\b|\bcheck\s?point\s+(vpn|endpoint|capsule|harmony)\b/i,
    source: 'docs/knowledge/installed-products.md#check-point',
  },
  {
    id: 'pulse-ivanti',
    name: 'Pulse Secure / Ivanti Secure Access',
    kind: 'vpn',
    program: /\bpulse secure\b|\bivanti secure access\b/i,
    adapter: /\bjuniper\b|\bpulse\b|\bivanti\b/i,
    mention: /\b(pulse\s?secure|ivanti)\b/i,
    source: 'docs/knowledge/installed-products.md#pulse-secure-and-ivanti-secure-access',
  },
  {
    id: 'easyconnect',
    name: 'Sangfor EasyConnect',
    kind: 'vpn',
    program: /\beasy\s?connect\b/i,
    adapter: null,
    // One word, or the vendor: "Easy Connect" is also a Wi-Fi feature of Windows.
    mention: /\beasyconnect\b|\bsangfor\b/i,
    source: 'docs/knowledge/installed-products.md#sangfor-easyconnect',
  },
  {
    id: 'kaspersky',
    name: 'Kaspersky',
    kind: 'security',
    program: /\bkaspersky\b/i,
    adapter: null,
    mention: null,
    source: 'docs/knowledge/installed-products.md#kaspersky',
  },
  {
    id: 'eset',
    name: 'ESET',
    kind: 'security',
    program: /^ESET\b/,
    adapter: null,
    mention: null,
    source: 'docs/knowledge/installed-products.md#eset',
  },
  {
    id: 'bitdefender',
    name: 'Bitdefender',
    kind: 'security',
    program: /\bbitdefender\b/i,
    adapter: null,
    mention: null,
    source: 'docs/knowledge/installed-products.md#bitdefender',
  },
  {
    id: 'mcafee',
    name: 'McAfee',
    kind: 'security',
    program: /\bmcafee\b/i,
    adapter: null,
    mention: null,
    source: 'docs/knowledge/installed-products.md#mcafee',
  },
  {
    id: 'symantec-endpoint',
    name: 'Symantec Endpoint Protection',
    kind: 'security',
    program: /\bsymantec endpoint protection\b/i,
    adapter: null,
    mention: null,
    source: 'docs/knowledge/installed-products.md#symantec-endpoint-protection',
  },
  {
    id: 'proxifier',
    name: 'Proxifier',
    kind: 'proxy',
    program: /\bproxifier\b/i,
    adapter: null,
    mention: null,
    source: 'docs/knowledge/installed-products.md#proxifier',
  },
  {
    id: 'clash',
    name: 'Clash',
    kind: 'proxy',
    program: /\bclash (for windows|verge)\b/i,
    adapter: null,
    mention: null,
    source: 'docs/knowledge/installed-products.md#clash-tun-mode',
  },
]

/** The known product an Uninstall DisplayName belongs to, if any (first match: the list does not overlap). */
export function productOfProgram(displayName: string): KnownProduct | null {
  return KNOWN_PRODUCTS.find((p) => p.program.test(displayName)) ?? null
}

/** The known product whose adapter this is, if any. */
export function productOfAdapter(interfaceDescription: string): KnownProduct | null {
  return KNOWN_PRODUCTS.find((p) => p.adapter !== null && p.adapter.test(interfaceDescription)) ?? null
}

/**
 * VPNs and tunnel drivers recognised without a product section of their own (no public WSL reports
 * tied to the product itself): an adapter of theirs counts as a VPN's (docs/knowledge/probes.md#network-adapters,
 * Medium), and a paste naming them as "you said you use a VPN". Their names are shown, never
 * "is installed" claims. The legacy Cisco VPN Client's adapter ("Cisco Systems VPN Adapter") has only
 * the vendor's name.
 */
const OTHER_VPNS: readonly { readonly name: string; readonly adapter: RegExp | null; readonly mention: RegExp | null }[] = [
  { name: 'OpenVPN', adapter: /\bTAP-Windows\b|\bopenvpn\b/i, mention: /\bopenvpn\b/i },
  { name: 'WireGuard', adapter: /\bwireguard\b/i, mention: /\bwireguard\b/i },
  { name: 'Wintun', adapter: /\bwintun\b/i, mention: null },
  { name: 'Tailscale', adapter: /\btailscale\b/i, mention: null },
  { name: 'ZeroTier', adapter: /\bzerotier\b/i, mention: null },
  { name: 'Cisco', adapter: /\bcisco\b/i, mention: null },
  { name: 'Global Secure Access', adapter: /\bglobal secure access\b/i, mention: /\bglobal secure access\b/i },
  // NordVPN's adapters: "TAP-NordVPN Windows Adapter V9" and its WireGuard-based "NordLynx".
  { name: 'NordVPN', adapter: /\bnordvpn\b|\bnordlynx\b/i, mention: /\bnordvpn\b/i },
]

/** The VPN a network adapter belongs to, by the name findings show: a known VPN product's, or one of OTHER_VPNS. */
export function vpnOfAdapter(interfaceDescription: string): string | null {
  const product = productOfAdapter(interfaceDescription)
  if (product?.kind === 'vpn') return product.name
  return OTHER_VPNS.find((v) => v.adapter !== null && v.adapter.test(interfaceDescription))?.name ?? null
}

export function isVpnAdapter(interfaceDescription: string): boolean {
  return vpnOfAdapter(interfaceDescription) !== null
}

/** The VPNs a text names, known products first, by the names findings show. */
export function vpnsMentioned(text: string): string[] {
  return [
    ...KNOWN_PRODUCTS.filter((p) => p.kind === 'vpn' && p.mention !== null && p.mention.test(text)).map((p) => p.name),
    ...OTHER_VPNS.filter((v) => v.mention !== null && v.mention.test(text)).map((v) => v.name),
  ]
}
