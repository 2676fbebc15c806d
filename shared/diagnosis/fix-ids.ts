/**
 * Fixes a finding can recommend, by stable id, in the order of the fix ladder
 * (docs/knowledge/fixes.md#the-fix-ladder: smallest blast radius first). A finding lists its fixes in this order. Whether a fix can be
 * applied in one click is decided by the repair catalog; ids without an implementation are shown as
 * guidance (what to do and why), never as a button that pretends.
 */
export const FIX_IDS = [
  'wsl-shutdown', // docs/knowledge/fixes.md#the-fix-ladder step 1
  'wslconfig-set-nat', // step 2: stops the mirrored fallback warning on Windows without support
  'wslconfig-fix-key', // step 2: typo, wrong section, invalid value
  'wslconfig-reencode', // step 2: UTF-8 without BOM
  'wslconfig-rename-file', // docs/knowledge/wslconfig.md: lookalike file → .wslconfig
  'wslconfig-enable-dns-tunneling', // docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#vpn-clients
  'wslconfig-disable-dns-tunneling', // docs/knowledge/wsl-checks.md#dns-tunneling: while the Global Secure Access client runs
  'wslconfig-disable-autoproxy', // docs/knowledge/host-causes.md#localhost-proxy (c)
  'wslconfig-set-mirrored', // docs/knowledge/host-causes.md#vpn-clients, docs/knowledge/host-causes.md#localhost-proxy (a) where Windows supports it
  'proxy-listen-on-lan', // docs/knowledge/host-causes.md#localhost-proxy (b): guidance
  'wsl-update', // step 3
  'wsl-update-prerelease', // step 3, #12306
  'windows-update', // docs/knowledge/error-codes.md#hresult-table 0x80041002 (1): latest cumulative update
  'windows-feature-update', // docs/knowledge/seed-reports.md#mirrored-mode-on-windows-11-21h2: 21H2/Win10 → 23H2/24H2/25H2: guidance, not one click
  'policy-contact-it', // docs/knowledge/wsl-checks.md#enterprise-policy: don't fight policy
  'enable-wslservice', // step 4, docs/knowledge/error-codes.md#triage-bot-rules
  'enable-sharedaccess', // step 4, docs/knowledge/host-causes.md#ics-disabled
  'enable-dnscache', // step 4: DNS Client back to Automatic (guidance: docs/knowledge/host-network-probes.md#dns-client)
  'remove-ipv6-disabled-components', // docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry (admin, reboot)
  'enable-hyperv-firewall', // docs/knowledge/wsl-checks.md#mirrored-checks: remove HyperVFirewallDisable
  'delete-wsl-hns-network', // step 5, docs/knowledge/fixes.md#delete-wsl-hns-network
  'reboot', // step 6
  'enable-vmp', // step 7
  'hypervisor-launch-auto', // step 7
  'toggle-vmp', // step 7, #10054
  'firmware-virtualization', // docs/knowledge/host-causes.md#virtualization-off: guidance (BIOS/UEFI)
  'vmware-cleanup', // step 8, docs/knowledge/host-causes.md#vmware-leftovers
  'remove-lsp', // step 8, docs/knowledge/host-causes.md#winsock-lsp: guidance
  'winsock-reset', // step 8
  'free-port-53', // guidance: move a DNS server on Windows off port 53 (docs/knowledge/causes.md#dns-server-on-port-53)
  'network-reset', // step 9
  'system-restore', // docs/knowledge/fixes.md#restore-points: return to the restore point taken before an admin fix (guidance)
  'wslconfig-set-none', // step 10: temporary, no networking
  'wsl1-fallback', // step 10
  'shrink-hosts-file', // docs/knowledge/host-causes.md#hosts-file-too-large: guidance
  'remove-port-tracker', // docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode (admin, reboot)
  'firewall-allow-local-rules', // docs/knowledge/host-causes.md#dns-blocked-by-the-firewall: guidance / IT
  'hyperv-firewall-allow-outbound', // guidance: default outbound Allow for WSL, or the VPN's block-all rule (docs/knowledge/host-network-probes.md#hyper-v-firewall)
  'distro-restore-resolv-conf', // docs/knowledge/wsl-network-check.md#resolv-conf: let WSL write resolv.conf again (guidance, inside the distro)
  'distro-trust-proxy-ca', // docs/knowledge/wsl-network-check.md#tls: install the intercepting product's root CA in the distro (guidance)
] as const

export type FixId = (typeof FIX_IDS)[number]

/** Orders fix ids along the ladder, so every finding lists them by blast radius. */
export function rankFixes(fixes: readonly FixId[]): FixId[] {
  return [...new Set(fixes)].sort((a, b) => FIX_IDS.indexOf(a) - FIX_IDS.indexOf(b))
}
