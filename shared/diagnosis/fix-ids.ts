/**
 * Fixes a finding can recommend, by stable id, in the order of the fix ladder (wsl-networking.md
 * E.5: smallest blast radius first). A finding lists its fixes in this order. Whether a fix can be
 * applied in one click is decided by the repair catalog; ids without an implementation are shown as
 * guidance (what to do and why), never as a button that pretends.
 */
export const FIX_IDS = [
  'wsl-shutdown', // E.5 step 1
  'wslconfig-set-nat', // step 2: stops the mirrored fallback warning on Windows without support
  'wslconfig-fix-key', // step 2: typo, wrong section, invalid value
  'wslconfig-reencode', // step 2: UTF-8 without BOM
  'wslconfig-rename-file', // B.1: lookalike file → .wslconfig
  'wslconfig-enable-dns-tunneling', // F.1, F.4
  'wslconfig-disable-autoproxy', // F.5 (c)
  'wslconfig-set-mirrored', // F.4, F.5 (a) where Windows supports it
  'proxy-listen-on-lan', // F.5 (b): guidance
  'wsl-update', // step 3
  'wsl-update-prerelease', // step 3, #12306
  'windows-update', // C.4 0x80041002 (1): latest cumulative update
  'windows-feature-update', // S2: 21H2/Win10 → 23H2/24H2/25H2: guidance, not one click
  'policy-contact-it', // B.4, D.13: don't fight policy
  'enable-wslservice', // step 4, C.6
  'enable-sharedaccess', // step 4, F.6
  'remove-ipv6-disabled-components', // F.7 (admin, reboot)
  'enable-hyperv-firewall', // A.2: remove HyperVFirewallDisable
  'delete-wsl-hns-network', // step 5, E.4
  'reboot', // step 6
  'enable-vmp', // step 7
  'hypervisor-launch-auto', // step 7
  'toggle-vmp', // step 7, #10054
  'firmware-virtualization', // F.18: guidance (BIOS/UEFI)
  'vmware-cleanup', // step 8, F.13
  'remove-lsp', // step 8, F.12: guidance
  'winsock-reset', // step 8
  'network-reset', // step 9
  'system-restore', // E.6: return to the restore point taken before an admin fix (guidance)
  'wslconfig-set-none', // step 10: temporary, no networking
  'wsl1-fallback', // step 10
  'shrink-hosts-file', // F.17: guidance
  'remove-port-tracker', // F.14 (admin, reboot)
  'firewall-allow-local-rules', // F.1: guidance / IT
] as const

export type FixId = (typeof FIX_IDS)[number]

/** Orders fix ids along the ladder, so every finding lists them by blast radius. */
export function rankFixes(fixes: readonly FixId[]): FixId[] {
  return [...new Set(fixes)].sort((a, b) => FIX_IDS.indexOf(a) - FIX_IDS.indexOf(b))
}
