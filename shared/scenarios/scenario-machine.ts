import { z } from 'zod'
import { FIX_SCRIPT_IDS } from '../repair/fix-scripts'
import { UninstallHive } from '../probes/facts/installed-products'

/**
 * What ends a NAT creation failure on a simulated PC (docs/knowledge/error-codes.md#hresult-table, docs/knowledge/fixes.md#delete-wsl-hns-network, docs/knowledge/fixes.md#the-fix-ladder, docs/knowledge/host-causes.md#vmware-leftovers):
 * - `delete-wsl-hns-network`: a stale network in HNS (0x803b0001 "already exists", 0x803b0017);
 *   deleting WSL's network (docs/knowledge/fixes.md#delete-wsl-hns-network) or a restart (docs/knowledge/fixes.md#the-fix-ladder step 6) clears it;
 * - `reboot`: only a restart clears it;
 * - `toggle-vmp`: the vmswitch itself is broken (0x80041002 "Not found"): disable
 *   VirtualMachinePlatform, restart, enable it, restart (#10054, docs/knowledge/fixes.md#commands-privileges-and-side-effects); deleting the HNS network
 *   does not help, the failure comes back at the next start;
 * - `vmware-cleanup`: VMware leftovers block the vSwitch (0x80041002, docs/knowledge/host-causes.md#vmware-leftovers): after the CLSID key and
 *   bridge binding are gone, a restart clears it;
 * - `wsl-update`: a WSL bug fixed in a later package (#12306, docs/knowledge/fixes.md#commands-privileges-and-side-effects).
 */
export const NAT_FAILURE_CURES = ['toggle-vmp', 'vmware-cleanup', 'delete-wsl-hns-network', 'reboot', 'wsl-update'] as const
export type NatFailureCure = (typeof NAT_FAILURE_CURES)[number]

/**
 * The host-level state of a simulated PC that differs between machines (docs/knowledge/wsl-checks.md#mirrored-checks,
 * docs/knowledge/probes.md#virtualization, docs/knowledge/probes.md#mirrored-readiness, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry, docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode, docs/knowledge/host-causes.md#hosts-file-too-large, docs/knowledge/host-causes.md#virtualization-off). Every optional field has a default that matches a stock PC of
 * the scenario's build and edition (see `electron/simulated-pc/`), so scenario files stay small.
 */
export const ScenarioHost = z.strictObject({
  /** `Tcpip6\Parameters\DisabledComponents`, null when absent (docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry). */
  ipv6DisabledComponents: z.number().int().nullable(),
  /** `MpsSvc\Parameters\HyperVFirewallDisable` = 1 (docs/knowledge/wsl-checks.md#mirrored-checks). */
  hyperVFirewallDisabled: z.boolean(),
  /** HNS fails to create WSL's NAT network with this code (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/error-codes.md#hresult-table), e.g. `0x80041002`. */
  natNetworkFailure: z
    .string()
    .regex(/^(0x[0-9a-fA-F]{8}|[A-Z_]+)$/)
    .nullable(),
  /**
   * The Hyper-V firewall WMI class exists but `MSFT_NetFirewallHyperVProfile` has no instances,
   * so WSL treats the firewall as unsupported (docs/knowledge/wsl-checks.md#mirrored-checks check 4; #11952 is a Low-confidence example).
   */
  hyperVFirewallBroken: z.boolean().optional(),
  /** VT-x/AMD-V switched on in firmware (default true; docs/knowledge/host-causes.md#virtualization-off, docs/knowledge/probes.md#virtualization). */
  firmwareVirtualization: z.boolean().optional(),
  /** `bcdedit` `hypervisorlaunchtype` (default Auto; Off stops the hypervisor, docs/knowledge/host-causes.md#virtualization-off, docs/knowledge/fixes.md#commands-privileges-and-side-effects). */
  hypervisorLaunchType: z.enum(['Auto', 'Off']).optional(),
  /** The PC is itself a VM and needs nested virtualization (docs/knowledge/probes.md#virtualization, docs/knowledge/host-causes.md#virtualization-off). */
  isVirtualMachine: z.boolean().optional(),
  /** The Active Directory domain the PC is joined to; absent: a workgroup PC (docs/knowledge/host-network-probes.md#managed-pc). */
  domain: z.string().min(1).optional(),
  /** Size of `%SystemRoot%\System32\drivers\etc\hosts` in bytes (default 824, the stock file; docs/knowledge/host-causes.md#hosts-file-too-large). */
  hostsFileBytes: z.number().int().nonnegative().optional(),
  /** `Tcpip\Parameters\PortTrackerEnabledMode`, absent by default (docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode). */
  portTrackerEnabledMode: z.number().int().nullable().optional(),
  /** The `FSE` service exists (docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode); default false. The simulated FSE runs whenever it exists. */
  fseServiceExists: z.boolean().optional(),
  /**
   * Which fix ends `natNetworkFailure` (see NAT_FAILURE_CURES). Default by code: 0x803b0001 and
   * 0x803b0017 → `delete-wsl-hns-network`; 0x80041002 → `vmware-cleanup` with VMware leftovers,
   * else `toggle-vmp`; any other code → `reboot` (Low: the KB names no cure for it).
   */
  natFailureCuredBy: z.enum(NAT_FAILURE_CURES).optional(),
})
export type ScenarioHost = z.infer<typeof ScenarioHost>

const FirewallProfileOverride = z.strictObject({
  enabled: z.boolean().optional(),
  defaultInboundAction: z.enum(['Block', 'Allow']).optional(),
  allowInboundRules: z.boolean().optional(),
  allowLocalFirewallRules: z.boolean().optional(),
})

/**
 * Network state that differs between machines: extra adapters (VPNs), VMware leftovers, proxies,
 * Winsock layered providers and firewall profile differences (docs/knowledge/probes.md#network-adapters, docs/knowledge/probes.md#firewall-profiles, docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#vpn-clients, docs/knowledge/host-causes.md#localhost-proxy, docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/host-causes.md#vmware-leftovers).
 */
export const ScenarioNetwork = z.strictObject({
  /** Adapters besides the stock Wi-Fi/Ethernet ones, e.g. a VPN's virtual adapter (docs/knowledge/probes.md#network-adapters, docs/knowledge/host-causes.md#vpn-clients). */
  adapters: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        interfaceDescription: z.string().min(1),
        status: z.enum(['Up', 'Disconnected', 'Disabled', 'Not Present']),
        hidden: z.boolean().optional(),
      }),
    )
    .optional(),
  /** "VMware Bridge Protocol" (`vmware_bridge`) still bound to the physical adapters (docs/knowledge/host-causes.md#vmware-leftovers). */
  vmwareBridgeBound: z.boolean().optional(),
  /** `HKLM\SOFTWARE\Classes\CLSID\{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b}` left behind (docs/knowledge/host-causes.md#vmware-leftovers). */
  vmwareClsidPresent: z.boolean().optional(),
  /** Net-class PnP devices with status Unknown (docs/knowledge/host-causes.md#phantom-adapters); default 0. */
  phantomAdapterCount: z.number().int().nonnegative().optional(),
  /** The user's WinINET proxy (`HKCU\…\Internet Settings`), what autoProxy mirrors (docs/knowledge/wsl-checks.md#autoproxy, docs/knowledge/host-causes.md#localhost-proxy). */
  winInetProxy: z
    .strictObject({
      enable: z.union([z.literal(0), z.literal(1)]),
      server: z.string().nullable(),
      autoConfigUrl: z.string().nullable(),
    })
    .optional(),
  /** The machine WinHTTP proxy (`netsh winhttp set proxy`); absent or null = direct access (docs/knowledge/probes.md#proxy-settings). */
  winHttpProxy: z
    .strictObject({ server: z.string().min(1), bypass: z.string() })
    .nullable()
    .optional(),
  /**
   * Third-party layered service providers in the Winsock catalog (docs/knowledge/host-causes.md#winsock-lsp). `breaksHyperVSockets`:
   * this LSP intercepts WSL's AF_HYPERV sockets, so WSL fails with 0x8007273d (Medium, #4177, #9331).
   */
  lsps: z.array(z.strictObject({ path: z.string().min(1), breaksHyperVSockets: z.boolean().optional() })).optional(),
  /**
   * Programs in the installed programs list (the Uninstall keys) besides Windows' own, as Windows
   * stores them (docs/knowledge/installed-products.md#what-is-read); `hive` defaults to `machine`.
   */
  installedPrograms: z
    .array(
      z.strictObject({
        hive: UninstallHive.optional(),
        displayName: z.string().min(1),
        publisher: z.string().min(1).optional(),
        displayVersion: z.string().min(1).optional(),
      }),
    )
    .optional(),
  /** `Get-NetFirewallProfile -PolicyStore ActiveStore` differences from the defaults (docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#enterprise-and-third-party-firewalls). */
  firewall: z.partialRecord(z.enum(['Domain', 'Private', 'Public']), FirewallProfileOverride).optional(),
  /**
   * What firewall GPOs set (the RSOP store; docs/knowledge/host-network-probes.md#who-sets-the-firewall-profile):
   * `profiles` as set by Group Policy — they win over `firewall` in what is enforced —, and
   * `rsopReadable: false` for a PC that refuses the RSOP store (default readable, no GPO).
   */
  firewallGroupPolicy: z
    .strictObject({
      profiles: z.partialRecord(z.enum(['Domain', 'Private', 'Public']), FirewallProfileOverride).optional(),
      rsopReadable: z.boolean().optional(),
    })
    .optional(),
  /**
   * The Hyper-V firewall for WSL's VM creator, where this Windows has one
   * (docs/knowledge/host-network-probes.md#hyper-v-firewall): differences from the defaults (enabled,
   * inbound Block, outbound Allow) and Block rules that apply to WSL, e.g. a VPN's block-all rule.
   */
  hyperVFirewall: z
    .strictObject({
      enabled: z.boolean().optional(),
      defaultInboundAction: z.enum(['Allow', 'Block']).optional(),
      defaultOutboundAction: z.enum(['Allow', 'Block']).optional(),
      blockRules: z
        .array(
          z.strictObject({
            name: z.string().min(1),
            displayName: z.string().min(1),
            direction: z.enum(['Inbound', 'Outbound']),
            /** WSL's id, or `Any` (a rule for every VM creator). */
            vmCreatorId: z.string().min(1),
            remotePorts: z.string().optional(),
            source: z.string().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  /**
   * Name resolution a VPN sets up on the host (docs/knowledge/host-network-probes.md#host-dns):
   * NRPT rules in force (split DNS, DirectAccess), DNS servers of an adapter of `adapters` (by
   * name), and whether that adapter takes the default route (a full tunnel, microsoft/WSL#4277).
   */
  hostDns: z
    .strictObject({
      nrpt: z
        .array(
          z.strictObject({
            namespaces: z.array(z.string().min(1)).min(1),
            nameServers: z.array(z.string().min(1)),
            directAccessDnsServers: z.array(z.string().min(1)).optional(),
          }),
        )
        .optional(),
      vpnDnsServers: z.array(z.strictObject({ adapter: z.string().min(1), servers: z.array(z.string().min(1)).min(1) })).optional(),
      fullTunnelAdapter: z.string().min(1).optional(),
      /**
       * UDP sockets on port 53 and their processes, as `Get-NetUDPEndpoint -LocalPort 53` and
       * `Get-Process` show them (docs/knowledge/host-network-probes.md#port-53): a DNS server on
       * the host (docs/knowledge/causes.md#dns-server-on-port-53). Default: none.
       */
      port53Listeners: z
        .array(z.strictObject({ localAddress: z.string().min(1), processId: z.number().int().nonnegative(), processName: z.string().min(1).nullable() }))
        .optional(),
    })
    .optional(),
})
export type ScenarioNetwork = z.infer<typeof ScenarioNetwork>

/** One restore point `Get-ComputerRestorePoint` lists (docs/knowledge/fixes.md#restore-points). */
export const ScenarioRestorePoint = z.strictObject({
  sequenceNumber: z.number().int().positive(),
  description: z.string(),
  creationTime: z.string(),
})
export type ScenarioRestorePoint = z.infer<typeof ScenarioRestorePoint>

/**
 * What happened to the simulated PC since the scenario started: restarts, changes waiting for a
 * restart, restore points and files the fixes wrote, plus the switches tests use to make an Apply
 * go wrong (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#restore-points; docs/security.md#elevation). Everything is optional: a scenario
 * file states none of it, `electron/simulated-pc/fix-effects.ts` fills it in as fixes apply.
 */
export const ScenarioRuntime = z.strictObject({
  /** Restarts since the PC was installed; default 1. */
  bootCount: z.number().int().positive().optional(),
  /** `Win32_OperatingSystem.LastBootUpTime` (ISO, UTC); default 2026-11-21T08:40:00.000Z. */
  lastBootUpTime: z.string().optional(),
  /** Changes that take effect at the next restart (DISM 3010, bcdedit, `netsh winsock reset`). */
  pending: z
    .strictObject({
      features: z.record(z.string(), z.enum(['Enabled', 'Disabled'])).optional(),
      hypervisorLaunchType: z.enum(['Auto', 'Off']).optional(),
      winsockReset: z.boolean().optional(),
    })
    .optional(),
  /** VirtualMachinePlatform was off at a restart: half of the #10054 toggle is done. */
  vmpOffAtBoot: z.boolean().optional(),
  /** System Protection on the system drive (default true); off → restore-point fails (docs/knowledge/fixes.md#restore-points). */
  systemProtection: z.boolean().optional(),
  restorePoints: z.array(ScenarioRestorePoint).optional(),
  /** Files the fixes created: backups, exports (`base64` null when the content is not modelled). */
  files: z.array(z.strictObject({ path: z.string(), base64: z.string().nullable() })).optional(),
  /** How the user answers the UAC prompt of the elevated batch (default approve). */
  uacResponse: z.enum(['approve', 'decline', 'fail', 'timeout']).optional(),
  /** This fix script fails (nothing changed) whenever it runs, to test a failing step. */
  failStep: z.enum(FIX_SCRIPT_IDS).nullable().optional(),
})
export type ScenarioRuntime = z.infer<typeof ScenarioRuntime>
