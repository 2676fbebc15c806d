import { formatConfigWarning } from '../../shared/wsl-messages/config-warning'
import { formatWslMessage, wslLanguageFor, type WslLanguage } from '../../shared/wsl-messages/messages'
import type { Scenario } from '../../shared/scenarios/scenario'
import { isAtLeast } from '../../shared/util/version'
import { parseWslConfig } from '../../shared/wslconfig/parse'
import { wslPrintsMessage } from '../../shared/wsl-output/message-versions'
import { natFailureOf, type NatFailure } from './nat-failure-model'
import { hasBridgedNetworking, hasMirroredNetworkingApis, isServer } from './windows-capabilities'
import { featureSupportWarnings, gsaWarnings, hyperVFirewallUsable, proxyWarnings } from './wsl-feature-warnings'
import { errorLines, serviceStartFailure, vmStartFailure } from './wsl-start-blockers'
import { windowsSystemMessage } from './windows-system-messages'
import { wslconfigBytes, wslconfigPath } from './wslconfig-bytes'

/** What `wslinfo --networking-mode` prints once the VM is up (docs/knowledge/probes.md#wsl-startup, docs/knowledge/wsl-checks.md#virtioproxy-and-consomme); `wsl1` for a WSL1 distro. */
export type EffectiveMode = 'nat' | 'mirrored' | 'virtioproxy' | 'consomme' | 'none' | 'wsl1'

/** The mode `.wslconfig` and policy ask for: an effective mode, or bridged (which the simulation runs only where it fails). */
type RequestedMode = EffectiveMode | 'bridged'

export interface WslStart {
  /**
   * What wsl.exe printed, in order: each `wsl: ` warning (one entry, possibly several lines) goes
   * to stderr, any other line is the fatal error, printed last, on stdout (`wslStartStreams`).
   */
  readonly lines: readonly string[]
  /** -1 when the VM did not start (#11802: "process exited with code 4294967295"). */
  readonly exitCode: number
  readonly mode: EffectiveMode | null
}

const WARN = 'wsl: '

/**
 * What WSL prints when its VM boots on this PC and which networking mode it ends up in.
 *
 * Follows `WslCoreVm::ValidateNetworkingMode` and the NAT fallback chain (docs/knowledge/wsl-checks.md#mirrored-checks,
 * docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback): a disabled WSLService stops everything (docs/knowledge/error-codes.md#hresult-table); then config warnings, VM creation failures
 * (no hypervisor, LSP; docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/host-causes.md#virtualization-off), policy, the GSA check (docs/knowledge/wsl-checks.md#dns-tunneling), the mirrored checks (IPv6 registry,
 * OS APIs, Hyper-V firewall), feature-support warnings (docs/knowledge/wsl-checks.md#dns-tunneling, docs/knowledge/wsl-checks.md#hyper-v-firewall), then NAT creation, whose failure
 * is fatal before WSL 2.3.25 and falls back to VirtioProxy (Consomme from 2.9.0) after, and last
 * the autoProxy warning (docs/knowledge/host-causes.md#localhost-proxy). Messages come from WSL's resources in the PC's UI language; the
 * pre-2.2.2 mirrored text and the pre-2.3.25 NAT text exist in our sources in English only (#11414,
 * #12019), so those are printed in English whatever the UI language. The relative order of the
 * GSA, feature and proxy warnings is not in the KB (Low). A bridged request fails on Windows 10
 * (`bridgedFailed`). A hosts file too large to reflect (docs/knowledge/host-causes.md#hosts-file-too-large)
 * prints nothing here: its message id is not in wsl-messages.json (WSL 2.9.4), so the simulation
 * cannot print WSL's text for it; `host-networking` still reports the file size. Which WSL version
 * prints which message is one registry, shared/wsl-output/message-versions.ts (docs/knowledge/wsl-message-versions.md).
 */
export function simulateWslStart(scenario: Scenario): WslStart {
  const language = wslLanguageFor(scenario.windows.uiCulture)
  const serviceFailure = serviceStartFailure(scenario, language)
  if (serviceFailure !== null) return { lines: serviceFailure, exitCode: -1, mode: null }
  const defaultDistro = scenario.wsl.distros.find((d) => d.default)
  if (defaultDistro?.version === 1) return { lines: [], exitCode: 0, mode: 'wsl1' }

  const version = scenario.wsl.version ?? '0.0.0'
  const file = wslconfigPath(scenario)
  const lines: string[] = []
  const warn = (text: string) => lines.push(WARN + text)

  const parsed = scenario.wslconfig ? parseWslConfig(wslconfigBytes(scenario.wslconfig)) : { values: {}, warnings: [] }
  for (const warning of parsed.warnings) warn(formatConfigWarning(warning, language, file))

  const vmFailure = vmStartFailure(scenario, language)
  if (vmFailure !== null) return { lines: [...lines, ...vmFailure], exitCode: -1, mode: null }

  let requested = requestedMode(parsed.values['wsl2.networkingMode'], scenario, language, warn)
  const gsa = gsaWarnings(scenario, parsed.values, language)
  gsa.forEach(warn)

  if (requested === 'mirrored') {
    const reason = mirroredUnsupportedReason(scenario, version, language)
    if (reason !== null) {
      if (wslPrintsMessage('MessageMirroredNetworkingNotSupportedReason', version) === 'yes') {
        warn(formatWslMessage('MessageMirroredNetworkingNotSupportedReason', language, [reason]))
      } else {
        warn('Mirrored networking mode is not supported, falling back to NAT networking')
      }
      requested = 'nat'
    } else if (isServer(scenario.windows)) {
      // HNS refuses the request on Server SKUs; WSL falls back to None, not NAT (docs/knowledge/wsl-checks.md#mirrored-checks, #12486). The
      // HNS error is not fatal: WslCoreVm emits it as a warning, `MessageErrorCode(message, code)`,
      // before the fallback one (src/windows/service/exe/WslCoreVm.cpp), so it carries `wsl: `.
      warn(errorLines('The specified request is unsupported.', 'CreateInstance/CreateVm/ConfigureNetworking/0x803b0015', language).join('\n'))
      warn(formatWslMessage('MessageNetworkInitializationFailedFallback2', language, ['Mirrored', 'None']))
      return { lines, exitCode: 0, mode: 'none' }
    } else {
      if (parsed.values['wsl2.localhostForwarding'] !== undefined) {
        warn(formatWslMessage('MessageLocalhostForwardingNotSupportedMirroredMode', language, []))
      }
      featureSupportWarnings(scenario, parsed.values, language, gsa.length > 0).forEach(warn)
      return { lines, exitCode: 0, mode: 'mirrored' }
    }
  }
  featureSupportWarnings(scenario, parsed.values, language, gsa.length > 0, requested === 'nat').forEach(warn)

  if (requested === 'bridged') {
    if (!hasBridgedNetworking(scenario.windows)) return bridgedFailed(version, file, language, lines, warn)
    // The simulated PC has no Hyper-V switches (the external switch bridged mode joins, its LAN's
    // DHCP), so a bridged request where Windows supports it runs as WSL's default, NAT (a limitation).
    requested = 'nat'
  }
  if (requested === 'nat') {
    const failure = natFailureOf(scenario)
    if (failure === null) {
      proxyWarnings(scenario, parsed.values, 'nat', language).forEach(warn)
      return { lines, exitCode: 0, mode: 'nat' }
    }
    return natFailed(failure, version, file, language, lines, warn)
  }
  return { lines, exitCode: 0, mode: requested }
}

/**
 * NAT creation failed (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback): fatal before WSL 2.3.25 with the English-only text of #12019; from
 * 2.3.25 a fallback warning (VirtioProxy, Consomme from 2.9.0). When WSL judges VMP missing it
 * prints MessageVirtualMachinePlatformNotInstalled instead of the generic text (docs/knowledge/error-codes.md#hresult-table; Medium that
 * the fallback still follows on new WSL).
 */
function natFailed(failure: NatFailure, version: string, file: string, language: WslLanguage, lines: string[], warn: (text: string) => void): WslStart {
  const vmpMessage = formatWslMessage('MessageVirtualMachinePlatformNotInstalled', language, [])
  if (wslPrintsMessage('MessageNetworkInitializationFailedFallback2', version) !== 'yes') {
    lines.push(
      failure.cause === 'vmp-networking-missing'
        ? vmpMessage
        : `Failed to configure network (networkingMode Nat). To disable networking, set \`wsl2.networkingMode=None\` in ${file}`,
      `Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/${failure.code}`,
    )
    return { lines, exitCode: -1, mode: null }
  }
  if (failure.cause === 'vmp-networking-missing') warn(vmpMessage)
  const fallback = isAtLeast(version, '2.9.0') ? 'Consomme' : 'VirtioProxy'
  warn(formatWslMessage('MessageNetworkInitializationFailedFallback2', language, ['Nat', fallback]))
  return { lines, exitCode: 0, mode: fallback === 'Consomme' ? 'consomme' : 'virtioproxy' }
}

/**
 * `networkingMode=bridged` on a Windows without bridged support (docs/knowledge/causes.md#bridged-on-windows-10): WSL joins an
 * HCN endpoint on the named switch to its VM with an HCS modify request (BridgedNetworking.cpp:57-67
 * at 2.9.4), which Windows 10 refuses with HCS_E_INVALID_JSON, 0x8037010d, in the
 * `ConfigureNetworking/HCS` context. `vmSwitch` is taken to name a switch that exists, as in every
 * report (without one WSL says MessageVmSwitchNotSet or MessageVmSwitchNotFound instead; the
 * simulation has no switches).
 * - Before the 2.3.25 fallbacks (MessageNetworkInitializationFailedFallback2, the boundary of the
 *   hard NAT failure): fatal, with the text WSL 2.0.7.0 printed on 19045.3636 (microsoft/WSL#10711),
 *   in English only in our sources, like the old NAT text.
 * - From 2.3.25: not fatal. The HCS error as a warning (MessageErrorCode with Windows' text and the
 *   context without `Wsl/Service/`, as #12486 shows for Server 2025's), then the fallback to None
 *   (WslCoreVm.cpp:666-692 at 2.9.4). No report shows a WSL this new on Windows 10 with bridged (Medium).
 * An older WSL printed Windows' text alone above `…/ConfigureNetworking/0x8037010d` (microsoft/WSL#9218,
 * a 1.x by its kernel; MicrosoftDocs/WSL#1801); as for NAT, the simulation gives every WSL before
 * 2.3.25 the 2.0.7 text.
 */
function bridgedFailed(version: string, file: string, language: WslLanguage, lines: string[], warn: (text: string) => void): WslStart {
  if (wslPrintsMessage('MessageNetworkInitializationFailedFallback2', version) !== 'yes') {
    lines.push(
      `Failed to configure network (networkingMode Bridged). To disable networking, set \`wsl2.networkingMode=None\` in ${file}`,
      'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HCS/0x8037010d',
    )
    return { lines, exitCode: -1, mode: null }
  }
  warn(errorLines(windowsSystemMessage('0x8037010d', language), 'CreateInstance/CreateVm/ConfigureNetworking/HCS/0x8037010d', language).join('\n'))
  warn(formatWslMessage('MessageNetworkInitializationFailedFallback2', language, ['Bridged', 'None']))
  return { lines, exitCode: 0, mode: 'none' }
}

function requestedMode(configured: string | undefined, scenario: Scenario, language: WslLanguage, warn: (text: string) => void): RequestedMode {
  const policy = scenario.policy ?? {}
  const policyDefault = policyMode(policy['DefaultNetworkingMode'])
  const fallback: EffectiveMode = policyDefault ?? 'nat'
  if (configured === undefined) return fallback
  const mode = configModeName(configured)
  // AllowNetworkingModeUserSetting=0: the user's value is ignored unless it is None (docs/knowledge/wsl-checks.md#enterprise-policy).
  if (policy['AllowNetworkingModeUserSetting'] === 0 && mode !== 'none') {
    warn(formatWslMessage('MessageSettingOverriddenByPolicy', language, ['wsl2.networkingMode']))
    return fallback
  }
  return mode
}

function configModeName(value: string): RequestedMode {
  switch (value.toLowerCase()) {
    case 'mirrored':
      return 'mirrored'
    case 'bridged':
      return 'bridged'
    case 'none':
      return 'none'
    case 'consomme':
    case 'virtioproxy':
      return 'virtioproxy'
    default:
      return 'nat'
  }
}

/** `DefaultNetworkingMode`: 0 None, 1 NAT, 2 Bridged (unsupported as default), 3 Mirrored, 4 Consomme. */
function policyMode(value: number | string | undefined): EffectiveMode | null {
  switch (value) {
    case 0:
      return 'none'
    case 1:
      return 'nat'
    case 3:
      return 'mirrored'
    case 4:
      return 'virtioproxy'
    default:
      return null
  }
}

/**
 * The reason WSL gives for refusing mirrored mode, or null when every check passes (docs/knowledge/wsl-checks.md#mirrored-checks order).
 * The IPv6 registry check exists only from WSL 2.7.2 (shared/wsl-output/message-versions.ts): an
 * older WSL starts "mirrored" with IPv6 disabled, prints nothing and Linux gets only `lo` (issue 15).
 */
function mirroredUnsupportedReason(scenario: Scenario, version: string, language: WslLanguage): string | null {
  const { windows, host } = scenario
  if (host.ipv6DisabledComponents === 0xff && wslPrintsMessage('MessageMirroredNetworkingNotSupportedIpv6Disabled', version) === 'yes') {
    return formatWslMessage('MessageMirroredNetworkingNotSupportedIpv6Disabled', language, [])
  }
  if (!hasMirroredNetworkingApis(windows) || !hyperVFirewallUsable(scenario)) {
    return formatWslMessage('MessageMirroredNetworkingNotSupportedWindowsVersion', language, [windows.currentBuild, windows.ubr])
  }
  return null
}
