/**
 * Every finding the rules can produce, by stable id (used in `npm run diagnose -- --json`, in
 * reports and by helpdesks, so ids never change meaning; add new ones instead).
 * Each id traces to a section of the project's knowledge docs (docs/knowledge/), noted beside it.
 */
export const FINDING_IDS = [
  // Mirrored mode falling back, by its real cause (docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/seed-reports.md#mirrored-mode-on-windows-11-21h2, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry, docs/knowledge/wsl-checks.md#enterprise-policy)
  'mirrored-unsupported-windows', // Windows 10 / 21H2 / 22H2 before 22621.2359 lack the OS APIs
  'mirrored-unsupported-server', // Server SKUs: HNS refuses, 0x803b0015, falls back to None
  'mirrored-ipv6-disabled', // DisabledComponents = 0xFF
  'mirrored-hyperv-firewall-unavailable', // Hyper-V firewall WMI missing/broken or HyperVFirewallDisable=1
  'mirrored-kernel-too-old', // custom kernel older than 5.10
  'mirrored-fell-back-unknown-cause', // asked for mirrored, runs NAT, cause not determined
  'networking-mode-set-by-policy', // HKLM\SOFTWARE\Policies\WSL overrides the user's mode
  // NAT network creation failures (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/error-codes.md#hresult-table, docs/knowledge/host-causes.md#ics-disabled, docs/knowledge/host-causes.md#vmware-leftovers, docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/host-causes.md#virtualization-off)
  'nat-vmswitch-not-found', // 0x80041002 WBEM_E_NOT_FOUND creating the vSwitch
  'nat-vmware-leftovers', // VMware/VirtualBox bridge leftovers break vSwitch creation
  'nat-hns-network-stale', // 0x803b0001 / 0x803b0017: stale or degraded WSL HNS network
  'nat-ics-disabled', // SharedAccess (ICS) disabled: 0x803b002A / 0x80070422 / endpoint mapper
  'wsl-service-disabled', // WSLService disabled: 0x80070422
  'dns-client-disabled', // DNS Client (Dnscache) disabled: ConfigureNetworking/0x80070426 (docs/knowledge/host-network-probes.md#dns-client)
  'vmp-missing', // Virtual Machine Platform not installed/enabled: 0x80070424, VMP message
  'virtualization-disabled', // 0x80370102 / HCS_E_HYPERV_NOT_INSTALLED / no hypervisor
  'nat-fell-back', // WSL ≥ 2.3.25 silently using VirtioProxy/Consomme/None after a NAT failure
  'nat-creation-failed', // other HNS codes
  // .wslconfig (docs/knowledge/wslconfig.md)
  'wslconfig-fails-to-load', // parsing throws (invalid macAddress): WSL ignores the configuration
  'wslconfig-networking-key-ignored', // the networking setting the user wrote is not read (typo, section, value)
  'wslconfig-warnings', // other lines WSL warns about and skips
  'wslconfig-encoding', // encoding WSL mis-reads (BOM-less UTF-16, ANSI/GBK with non-ASCII)
  'wslconfig-misnamed', // the settings are in a lookalike file WSL never reads
  'nat-dns-port-53-in-use', // a DNS server on Windows holds UDP 53 (docs/knowledge/causes.md#dns-server-on-port-53)
  'wslconfig-bridged-unsupported', // networkingMode=bridged on Windows 10 (docs/knowledge/causes.md#bridged-on-windows-10)
  // WSL installation (docs/knowledge/wsl-checks.md#wsl-versions-that-changed-networking, docs/knowledge/wsl-checks.md#minimum-windows-for-wsl-2, docs/knowledge/wsl-checks.md#console-output-of-wsl)
  'wsl-not-installed',
  'wsl-inbox-only', // only the Windows component: no `wsl --version`, no modern networking
  'wsl-outdated', // a Store WSL older than the fixes the findings need
  // Around networking (docs/knowledge/host-causes.md)
  'localhost-proxy-not-mirrored', // docs/knowledge/host-causes.md#localhost-proxy
  'vpn-detected', // docs/knowledge/host-causes.md#vpn-clients
  'nrpt-not-applied-in-wsl', // docs/knowledge/host-network-probes.md#host-dns: NRPT rules in force, DNS tunneling off
  'network-software-installed', // known VPN/security/proxy products in the programs list (docs/knowledge/installed-products.md#what-a-finding-may-claim)
  'dns-tunneling-disabled-by-gsa', // docs/knowledge/wsl-checks.md#dns-tunneling, docs/knowledge/host-causes.md#vpn-clients
  'firewall-blocks-wsl-dns', // docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#enterprise-and-third-party-firewalls
  'hyperv-firewall-blocks-outbound', // the Hyper-V firewall drops WSL's outbound traffic (docs/knowledge/host-network-probes.md#hyper-v-firewall)
  'winsock-lsp', // docs/knowledge/host-causes.md#winsock-lsp
  'hosts-file-too-large', // docs/knowledge/host-causes.md#hosts-file-too-large
  'port-tracker-fse', // docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode
  // Seen only from inside the distro, by the networking check (docs/knowledge/wsl-network-check.md#what-the-rules-conclude)
  'inside-no-network-interface', // only lo / loopback0 inside: WSL started without a network
  'inside-dns-fails', // names do not resolve while TCP 443 works, resolv.conf written by WSL
  'inside-resolv-conf-not-wsl', // resolv.conf not written by WSL (static / another writer) and its server does not answer
  'inside-tls-intercepted', // www.microsoft.com presented a certificate not issued by Microsoft's CAs
  'inside-localhost-broken', // localhost forwarding fails where WSL should provide it
] as const

export type FindingId = (typeof FINDING_IDS)[number]
