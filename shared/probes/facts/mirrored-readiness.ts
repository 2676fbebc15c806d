import { z } from 'zod'

/**
 * The OS capabilities WSL checks before it uses mirrored mode, DNS tunneling and autoProxy,
 * probed the way WSL probes them (docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/probes.md#mirrored-readiness) — never by build number.
 *
 * - `exports`: which named functions `ComputeNetwork.dll` (HcnReserve*), `dnsapi.dll` (DnsQueryRaw…)
 *   and `winhttp.dll` (WinHttpGetProxySettingsEx…) export (LoadLibrary + GetProcAddress), or null
 *   when the check itself could not run (e.g. Add-Type blocked by constrained language mode).
 * - `hyperVFirewall`: WMI class `MSFT_NetFirewallHyperVVMCreator` in root\StandardCimv2 exists, and
 *   how many `MSFT_NetFirewallHyperVProfile` instances there are (WslCoreFirewallSupport.cpp).
 * - `hyperVFirewallDisable`: `MpsSvc\Parameters\HyperVFirewallDisable` (1 = treated as unsupported).
 * - `ipv6DisabledComponents`: `Tcpip6\Parameters\DisabledComponents` (0xFF blocks mirrored, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry).
 */
export const MirroredReadinessFact = z.object({
  exports: z
    .object({
      computeNetwork: z.record(z.string(), z.boolean()),
      dnsapi: z.record(z.string(), z.boolean()),
      winhttp: z.record(z.string(), z.boolean()),
    })
    .nullable(),
  exportsError: z.string().nullable(),
  hyperVFirewall: z.object({
    vmCreatorClassExists: z.boolean(),
    profileCount: z.number().int().nonnegative().nullable(),
    error: z.string().nullable(),
  }),
  hyperVFirewallDisable: z.number().int().nullable(),
  ipv6DisabledComponents: z.number().int().nullable(),
})
export type MirroredReadinessFact = z.infer<typeof MirroredReadinessFact>

/** The exports WSL requires, per DLL (docs/knowledge/wsl-checks.md#mirrored-checks item 3, docs/knowledge/wsl-checks.md#dns-tunneling, docs/knowledge/wsl-checks.md#autoproxy). */
export const REQUIRED_EXPORTS = {
  computeNetwork: ['HcnReserveGuestNetworkServicePortRange', 'HcnReserveGuestNetworkServicePort', 'HcnReleaseGuestNetworkServicePortReservationHandle'],
  dnsapi: ['DnsQueryRaw', 'DnsCancelQueryRaw', 'DnsQueryRawResultFree'],
  winhttp: [
    'WinHttpRegisterProxyChangeNotification',
    'WinHttpUnregisterProxyChangeNotification',
    'WinHttpGetProxySettingsEx',
    'WinHttpGetProxySettingsResultEx',
    'WinHttpFreeProxySettingsEx',
  ],
} as const
