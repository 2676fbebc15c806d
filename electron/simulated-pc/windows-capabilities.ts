import type { Scenario } from '../../shared/scenarios/scenario'

type Windows = Scenario['windows']

function build(windows: Windows): number {
  return Number.parseInt(windows.currentBuild, 10)
}

/**
 * Whether this Windows has the OS APIs mirrored mode needs: `ComputeNetwork.dll`'s HcnReserve*
 * port-reservation exports and Hyper-V firewall v2 (docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/seed-reports.md#mirrored-mode-on-windows-11-21h2). They arrived with
 * 22621.2359 (Release Preview; public 22621.2361) and are in every 22631 and 26100+ build. WSL
 * never compares build numbers; the simulation uses the build only to decide which APIs exist.
 */
export function hasMirroredNetworkingApis(windows: Windows): boolean {
  const b = build(windows)
  if (b > 22621) return true
  return b === 22621 && windows.ubr >= 2359
}

/** Hyper-V firewall cmdlets/WMI classes exist on the same builds (docs/knowledge/wsl-checks.md#hyper-v-firewall, docs/knowledge/probes.md#firewall-profiles), client or server. */
export function hasHyperVFirewall(windows: Windows): boolean {
  return hasMirroredNetworkingApis(windows)
}

/**
 * Whether HCS accepts the network adapter WSL's bridged mode adds to its VM (docs/knowledge/causes.md#bridged-on-windows-10):
 * Windows 10 answers HCS_E_INVALID_JSON, and a WSL maintainer says bridged is not supported there
 * (MicrosoftDocs/WSL#1801). Reports name only Windows 10 and 11, so Server builds below 22000
 * (Server 2022, 20348) fall on the Windows 10 side here (Low).
 */
export function hasBridgedNetworking(windows: Windows): boolean {
  return build(windows) >= 22000
}

/** Server SKUs: HNS rejects mirrored with 0x803b0015 even on build 26100 (docs/knowledge/wsl-checks.md#mirrored-checks, #12486). */
export function isServer(windows: Windows): boolean {
  return windows.installationType !== 'Client'
}

export function featureEnabled(windows: Windows, name: string): boolean {
  return windows.features[name] === 'Enabled'
}

/** The Hyper-V role (vmms, Hyper-V PowerShell module) cannot exist on Home (`Core*`) editions (docs/knowledge/probes.md#virtualization). */
export function hasHyperVRole(windows: Windows): boolean {
  return !windows.editionId.startsWith('Core') && featureEnabled(windows, 'Microsoft-Hyper-V-All')
}

/** VMP or the Hyper-V role brings HNS, vmcompute and the vmswitch driver (docs/knowledge/probes.md#virtualization). */
export function hasVirtualizationStack(windows: Windows): boolean {
  return featureEnabled(windows, 'VirtualMachinePlatform') || hasHyperVRole(windows)
}

/** `vfpext` ships from build 22621 with VMP (docs/knowledge/wsl-checks.md#virtual-machine-platform-check, #10666). */
export function hasVfpext(windows: Windows): boolean {
  return build(windows) >= 22621 && featureEnabled(windows, 'VirtualMachinePlatform')
}

/**
 * `dnsapi.dll` DnsQueryRaw family (DNS tunneling, docs/knowledge/wsl-checks.md#dns-tunneling) and `winhttp.dll` WinHttpGetProxySettingsEx
 * family (autoProxy, docs/knowledge/wsl-checks.md#autoproxy): the KB lists both with the mirrored APIs on 22621 (UBR ≥ 2359/2361)
 * and later (docs/knowledge/wsl-checks.md#windows-builds table, 22621 row). The exact UBR that added DnsQueryRaw is not in the KB
 * (Medium): the simulation uses the same gate as the mirrored APIs.
 */
export function hasDnsTunnelingApis(windows: Windows): boolean {
  return hasMirroredNetworkingApis(windows)
}

/** See `hasDnsTunnelingApis`: same gate for the WinHTTP proxy APIs autoProxy needs (docs/knowledge/wsl-checks.md#autoproxy). */
export function hasAutoProxyApis(windows: Windows): boolean {
  return hasMirroredNetworkingApis(windows)
}

/** Home editions (`Core`, `CoreCountrySpecific`, `CoreSingleLanguage`, `CoreN`) (docs/knowledge/probes.md#windows-version, docs/knowledge/probes.md#virtualization). */
export function isHomeEdition(windows: Windows): boolean {
  return windows.editionId.startsWith('Core')
}

/**
 * Whether the Windows hypervisor runs (`Win32_ComputerSystem.HypervisorPresent`, docs/knowledge/probes.md#virtualization): a feature
 * that launches it is on (VMP, the Hyper-V role or Windows Hypervisor Platform), firmware
 * virtualization is on and `hypervisorlaunchtype` is not Off (docs/knowledge/host-causes.md#virtualization-off). VBS/HVCI can also launch the
 * hypervisor without these features; the simulation does not model that (KB silent).
 */
export function hypervisorRuns(scenario: Scenario): boolean {
  const { windows, host } = scenario
  const wanted = hasVirtualizationStack(windows) || featureEnabled(windows, 'HypervisorPlatform')
  return wanted && host.firmwareVirtualization !== false && host.hypervisorLaunchType !== 'Off'
}
