/**
 * Every finding the rules can produce, by stable id (used in `npm run diagnose -- --json`, in
 * reports and by helpdesks, so ids never change meaning; add new ones instead).
 * Each id traces to a section of wsl-networking.md, noted beside it.
 */
export const FINDING_IDS = [
  // Mirrored mode falling back, by its real cause (A.2, S1, S2, F.7, B.4)
  'mirrored-unsupported-windows', // Windows 10 / 21H2 / 22H2 before 22621.2359 lack the OS APIs
  'mirrored-unsupported-server', // Server SKUs: HNS refuses, 0x803b0015, falls back to None
  'mirrored-ipv6-disabled', // DisabledComponents = 0xFF
  'mirrored-hyperv-firewall-unavailable', // Hyper-V firewall WMI missing/broken or HyperVFirewallDisable=1
  'mirrored-kernel-too-old', // custom kernel older than 5.10
  'mirrored-fell-back-unknown-cause', // asked for mirrored, runs NAT, cause not determined
  'networking-mode-set-by-policy', // HKLM\SOFTWARE\Policies\WSL overrides the user's mode
  // NAT network creation failures (C.3, C.4, F.6, F.13, F.16, F.18)
  'nat-vmswitch-not-found', // 0x80041002 WBEM_E_NOT_FOUND creating the vSwitch
  'nat-vmware-leftovers', // VMware/VirtualBox bridge leftovers break vSwitch creation
  'nat-hns-network-stale', // 0x803b0001 / 0x803b0017: stale or degraded WSL HNS network
  'nat-ics-disabled', // SharedAccess (ICS) disabled: 0x803b002A / 0x80070422 / endpoint mapper
  'wsl-service-disabled', // WSLService disabled: 0x80070422
  'vmp-missing', // Virtual Machine Platform not installed/enabled: 0x80070424, VMP message
  'virtualization-disabled', // 0x80370102 / HCS_E_HYPERV_NOT_INSTALLED / no hypervisor
  'nat-fell-back', // WSL ≥ 2.3.25 silently using VirtioProxy/Consomme/None after a NAT failure
  'nat-creation-failed', // other HNS codes
  // .wslconfig (B.1–B.4)
  'wslconfig-fails-to-load', // parsing throws (invalid macAddress): WSL ignores the configuration
  'wslconfig-networking-key-ignored', // the networking setting the user wrote is not read (typo, section, value)
  'wslconfig-warnings', // other lines WSL warns about and skips
  'wslconfig-encoding', // encoding WSL mis-reads (BOM-less UTF-16, ANSI/GBK with non-ASCII)
  'wslconfig-misnamed', // the settings are in a lookalike file WSL never reads
  // WSL installation (A.8, A.9, D.2)
  'wsl-not-installed',
  'wsl-inbox-only', // only the Windows component: no `wsl --version`, no modern networking
  'wsl-outdated', // a Store WSL older than the fixes the findings need
  // Around networking (F)
  'localhost-proxy-not-mirrored', // F.5
  'vpn-detected', // F.4
  'dns-tunneling-disabled-by-gsa', // A.3, F.4
  'firewall-blocks-wsl-dns', // F.1, F.3
  'winsock-lsp', // F.12
  'hosts-file-too-large', // F.17
  'port-tracker-fse', // F.14
] as const

export type FindingId = (typeof FINDING_IDS)[number]
