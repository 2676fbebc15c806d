import { REQUIRED_EXPORTS } from '../../probes/facts/mirrored-readiness'
import { LOOPBACK_INTERFACES } from '../../probes/network-check/network-check-results'
import type { Finding } from '../finding'
import { windowsTermArgs } from '../../i18n/windows-terms'
import { buildLacksMirrored, configuredMode, hasCode, mirroredRequested, policy, policyLocksMode, said } from '../derived'
import { messageVersion, wslPrintsMessage } from '../../wsl-output/message-versions'
import type { MachineView } from '../machine-view'
import { evidence, finding, outputSource, unknown, unknownFact, rule, type Rule } from './rule'
import { managedPcCaution } from './managed-pc-caution'

/**
 * Mirrored mode falling back, named by its real cause, in the order WSL checks
 * (`WslCoreVm::ValidateNetworkingMode`, docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/probes.md#mirrored-readiness, docs/knowledge/seed-reports.md#mirrored-mode-on-windows-11-21h2).
 */
export const mirroredRules: readonly Rule[] = [
  rule(['wsl-startup', 'wslconfig-file'], policyRule),
  rule(['wslconfig-file', 'windows-version', 'wsl-startup'], serverRule),
  rule(['wslconfig-file', 'wsl-startup', 'mirrored-readiness', 'wsl-install', 'virtualization', 'wsl-network-check'], ipv6Rule),
  rule(['wslconfig-file', 'windows-version', 'mirrored-readiness', 'wsl-startup'], windowsRule),
  rule(['wslconfig-file', 'windows-version', 'mirrored-readiness', 'wsl-startup'], firewallRule),
  rule(['wsl-startup'], kernelRule),
  rule(['wslconfig-file', 'wsl-startup', 'windows-version', 'mirrored-readiness'], unknownCauseRule),
]

function fallbackLines(view: MachineView): string[] {
  return said(
    view,
    'MessageMirroredNetworkingNotSupportedReason',
    'LegacyMirroredNotSupported',
    'MessageNetworkInitializationFailedFallback2',
    'MessageSettingOverriddenByPolicy',
  ).map((m) => m.text)
}

/** docs/knowledge/wsl-checks.md#enterprise-policy: `AllowNetworkingModeUserSetting = 0` ignores the user's mode (except None). */
function policyRule(view: MachineView): Finding[] {
  const overridden = said(view, 'MessageSettingOverriddenByPolicy').filter((m) => /networkingMode/i.test(m.args[0] ?? ''))
  const locks = policyLocksMode(view) === true && configuredMode(view) !== null && configuredMode(view) !== 'none'
  if (!locks && overridden.length === 0) return []
  const values = policy(view) ?? {}
  return [
    finding({
      id: 'networking-mode-set-by-policy',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        ...(locks
          ? [
              evidence('ev.policyLocksMode', 'wslconfig-file', {
                value: String(values['AllowNetworkingModeUserSetting']),
                defaultMode: String(values['DefaultNetworkingMode'] ?? '—'),
              }),
            ]
          : []),
        ...(overridden.length > 0 ? [evidence('ev.wslSaidPolicy', outputSource(view))] : []),
      ],
      fixes: ['policy-contact-it'],
      wslSaid: overridden.map((m) => m.text),
    }),
  ]
}

/** docs/knowledge/wsl-checks.md#mirrored-checks: Server SKUs (2022, 2025) — HNS refuses mirrored with 0x803b0015 and WSL falls back to None. */
function serverRule(view: MachineView): Finding[] {
  if (!mirroredRequested(view)) return []
  const server = view.windows.known && view.windows.value.isServer === true
  const refused = hasCode(view, '0x803b0015')
  if (!server && !refused) return []
  return [
    finding({
      id: 'mirrored-unsupported-server',
      severity: 'error',
      confidence: 'high',
      evidence: [
        ...(server && view.windows.known
          ? [
              evidence('ev.windowsServer', 'windows-version', {
                version: view.windows.value.version,
                ...windowsTermArgs('edition', 'edition', view.windows.value.edition ?? '?'),
              }),
            ]
          : []),
        ...(refused ? [evidence('ev.code0x803b0015', outputSource(view), { path: refused.path })] : []),
      ],
      fixes: ['wslconfig-set-nat'],
      wslSaid: fallbackLines(view),
    }),
  ]
}

/** docs/knowledge/wsl-checks.md#mirrored-checks check 1, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry: `Tcpip6\Parameters\DisabledComponents = 0xFF`. */
function ipv6Rule(view: MachineView): Finding[] {
  if (!mirroredRequested(view)) return []
  const message = said(view, 'MessageMirroredNetworkingNotSupportedIpv6Disabled')
  const value = view.readiness.known ? view.readiness.value.ipv6DisabledComponents : null
  const registry = value !== null && (value & 0xff) === 0xff
  // A paste: the user saying DisabledComponents is 0xFF (WSL itself checks that value: PR microsoft/WSL#40235).
  const youSaid = !view.readiness.known ? view.pastedFacts.ipv6DisabledComponents : null
  if (!registry && message.length === 0 && youSaid === null) return []
  // Who set DisabledComponents is never read (it has no policy of its own), so a domain PC gets the caution.
  const caution = managedPcCaution(view)
  // A WSL older than its IPv6 check starts anyway and Linux has no network: an error, not a fallback.
  // A WSL that warned fell back to NAT, so a missing interface there is another problem.
  const onlyLoopback = message.length === 0 ? onlyLoopbackInside(view) : null
  return [
    finding({
      id: 'mirrored-ipv6-disabled',
      severity: onlyLoopback === null ? 'warning' : 'error',
      // WSL compares with 0xFF exactly; other values with all low bits set are our inference.
      confidence: message.length > 0 || value === 0xff ? 'high' : 'medium',
      evidence: [
        ...(registry ? [evidence('ev.ipv6DisabledComponents', 'mirrored-readiness', { value: `0x${(value >>> 0).toString(16)}` })] : []),
        ...(message.length > 0 ? [evidence('ev.wslSaidIpv6', outputSource(view))] : []),
        ...(youSaid !== null ? [evidence('ev.youSaidIpv6Disabled', 'pasted', { value: youSaid })] : []),
        ...(view.pastedFacts.saysMirrored && !view.config.known ? [evidence('ev.youSaidMirrored', 'pasted')] : []),
        ...ipv6CheckTooNew(view, message.length > 0),
        ...(onlyLoopback === null ? [] : [evidence('ev.insideInterfaces', 'wsl-network-check', { interfaces: onlyLoopback })]),
        ...caution.evidence,
      ],
      fixes: ['remove-ipv6-disabled-components', 'reboot', 'wslconfig-set-nat', ...caution.fixes],
      wslSaid: fallbackLines(view),
    }),
  ]
}

/** The interfaces the networking check saw when Linux had nothing but loopback (no eth0 at all), else null. */
function onlyLoopbackInside(view: MachineView): string | null {
  if (!view.networkCheck.known || view.networkCheck.value.kind !== 'read') return null
  const { checks, output } = view.networkCheck.value
  const row = checks.find((c) => c.id === 'interfaces')
  const loopbackOnly = output.interfaces.length > 0 && output.interfaces.every((i) => LOOPBACK_INTERFACES.has(i.name))
  return row?.outcome === 'fail' && loopbackOnly ? row.evidence : null
}

/**
 * WSL checks DisabledComponents at start only from 2.7.2 (message-versions.ts): on an older WSL the
 * missing warning proves nothing, and mirrored mode "starts" with only `lo` in Linux (#11002).
 */
function ipv6CheckTooNew(view: MachineView, warned: boolean) {
  const version = view.wsl.known ? view.wsl.value.version : null
  const id = 'MessageMirroredNetworkingNotSupportedIpv6Disabled'
  if (warned || version === null || wslPrintsMessage(id, version) !== 'no') return []
  return [evidence('ev.wslTooOldToWarnIpv6', 'wsl-install', { version, since: messageVersion(id)?.since ?? '?' })]
}

/** docs/knowledge/wsl-checks.md#windows-builds, docs/knowledge/wsl-checks.md#mirrored-checks check 3, docs/knowledge/seed-reports.md#mirrored-mode-on-windows-11-21h2: the OS lacks the HCN port-reservation APIs (build or exports). */
function windowsRule(view: MachineView): Finding[] {
  if (!mirroredRequested(view)) return []
  const lacks = buildLacksMirrored(view)
  const readiness = view.readiness.known ? view.readiness.value : null
  const missing = readiness?.exports ? REQUIRED_EXPORTS.computeNetwork.filter((name) => readiness.exports?.computeNetwork[name] !== true) : []
  const reasonBuild = said(view, 'MessageMirroredNetworkingNotSupportedWindowsVersion')[0]
  const pastedBuild = reasonBuild ? Number.parseInt(reasonBuild.args[0] ?? '', 10) : Number.NaN
  const pastedUbr = reasonBuild ? Number.parseInt(reasonBuild.args[1] ?? '', 10) : Number.NaN
  const pastedLacks = Number.isFinite(pastedBuild) && (pastedBuild < 22621 || (pastedBuild === 22621 && pastedUbr < 2359))
  // Scan facts describe the PC now, a paste what happened then (issue 11): a pasted build counts
  // only when the scan cannot tell; otherwise unknownCauseRule says it came from another state.
  if (lacks !== true && missing.length === 0 && !(pastedLacks && lacks === null)) return []
  const win = view.windows.known ? view.windows.value : null
  return [
    finding({
      id: 'mirrored-unsupported-windows',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        ...(win && lacks
          ? [
              evidence(win.build < 22000 ? 'ev.windows10NoMirrored' : 'ev.buildTooOldForMirrored', 'windows-version', {
                version: win.version,
                release: win.displayVersion ?? '?',
              }),
            ]
          : []),
        ...(!win && pastedLacks ? [evidence('ev.buildTooOldForMirrored', 'pasted', { version: `10.0.${pastedBuild}.${pastedUbr}`, release: '?' })] : []),
        ...(missing.length > 0 ? [evidence('ev.computeNetworkExportsMissing', 'mirrored-readiness', { names: missing.join(', ') })] : []),
        ...(reasonBuild ? [evidence('ev.wslSaidWindowsVersion', outputSource(view), { version: `${reasonBuild.args[0]}.${reasonBuild.args[1]}` })] : []),
      ],
      fixes: ['windows-feature-update', 'wslconfig-set-nat'],
      wslSaid: fallbackLines(view),
      args: { version: win?.version ?? `10.0.${pastedBuild}.${pastedUbr}` },
    }),
  ]
}

/** docs/knowledge/wsl-checks.md#mirrored-checks check 4, docs/knowledge/probes.md#firewall-profiles, docs/knowledge/probes.md#mirrored-readiness: Hyper-V firewall WMI missing/empty, or `HyperVFirewallDisable = 1`. */
function firewallRule(view: MachineView): Finding[] {
  if (!mirroredRequested(view) || buildLacksMirrored(view) === true) return []
  if (!view.readiness.known) return []
  const { hyperVFirewall, hyperVFirewallDisable } = view.readiness.value
  const disabled = hyperVFirewallDisable === 1
  const broken = !hyperVFirewall.vmCreatorClassExists || hyperVFirewall.profileCount === 0
  if (!disabled && !broken) return []
  return [
    finding({
      id: 'mirrored-hyperv-firewall-unavailable',
      severity: 'warning',
      // The registry switch is read in WSL's code (High); a broken WMI class is keith-horton's probe (#10495).
      confidence: disabled ? 'high' : 'medium',
      evidence: [
        ...(disabled ? [evidence('ev.hyperVFirewallDisable', 'mirrored-readiness')] : []),
        ...(!hyperVFirewall.vmCreatorClassExists
          ? [evidence('ev.hyperVFirewallClassMissing', 'mirrored-readiness', { error: hyperVFirewall.error ?? '' })]
          : []),
        ...(hyperVFirewall.vmCreatorClassExists && hyperVFirewall.profileCount === 0 ? [evidence('ev.hyperVFirewallNoProfiles', 'mirrored-readiness')] : []),
      ],
      fixes: disabled ? ['enable-hyperv-firewall', 'reboot', 'wslconfig-set-nat'] : ['reboot', 'windows-update', 'wslconfig-set-nat'],
      wslSaid: fallbackLines(view),
    }),
  ]
}

/** docs/knowledge/wsl-checks.md#mirrored-checks check 2: a custom kernel older than 5.10 (WSL prints the kernel reason). */
function kernelRule(view: MachineView): Finding[] {
  const message = said(view, 'MessageMirroredNetworkingNotSupportedKernel')
  if (message.length === 0) return []
  const kernel = view.config.known ? view.config.value?.parse.values['wsl2.kernel'] : undefined
  return [
    finding({
      id: 'mirrored-kernel-too-old',
      severity: 'warning',
      confidence: 'high',
      evidence: [evidence('ev.wslSaidKernel', outputSource(view)), ...(kernel ? [evidence('ev.customKernel', 'wslconfig-file', { path: kernel })] : [])],
      fixes: ['wslconfig-fix-key', 'wslconfig-set-nat'],
      wslSaid: fallbackLines(view),
    }),
  ]
}

/**
 * Pasted text naming a Windows build that lacks mirrored mode, on a PC whose scan reads a build
 * that has it: the paste came from another state of the PC (before a feature update). The scan
 * wins; this evidence says so next to what WSL said (issue 11 #2).
 */
function pastedBuildConflict(view: MachineView) {
  if (!view.output.known || view.output.value.source !== 'pasted' || !view.windows.known) return null
  if (buildLacksMirrored(view) !== false) return null
  const reason = said(view, 'MessageMirroredNetworkingNotSupportedWindowsVersion')[0]
  if (!reason) return null
  return evidence('ev.pastedOtherStateBuild', 'windows-version', {
    pasted: `${reason.args[0] ?? '?'}.${reason.args[1] ?? '?'}`,
    now: view.windows.value.version,
  })
}

/** Asked for mirrored, got NAT/None, and no cause above was proven: say what is unknown. */
function unknownCauseRule(view: MachineView): Finding[] {
  if (!mirroredRequested(view)) return []
  const fellBack = fallbackLines(view).length > 0
  const running = view.output.known ? view.output.value.effectiveMode : null
  if (!fellBack && (running === null || running === 'mirrored')) return []
  const conflict = pastedBuildConflict(view)
  return [
    finding({
      id: 'mirrored-fell-back-unknown-cause',
      severity: 'warning',
      confidence: 'low',
      evidence: [
        ...(running !== null && running !== 'mirrored'
          ? [evidence('ev.effectiveMode', 'wsl-startup', windowsTermArgs('mode', 'networkingMode', running))]
          : []),
        ...(fellBack ? [evidence('ev.wslSaidMirroredFallback', outputSource(view))] : []),
        ...(said(view, 'LegacyMirroredNotSupported').length > 0 ? [evidence('ev.wslBefore222', outputSource(view))] : []),
        ...(conflict ? [conflict] : []),
      ],
      unknowns: [
        ...(conflict ? [unknown('un.startWslNow', { probe: 'wsl-startup' })] : []),
        ...unknownFact(view.windows, 'windows-version', 'un.checkWindowsVersion'),
        ...unknownFact(view.readiness, 'mirrored-readiness', 'un.checkMirroredReadiness'),
        unknown('un.rebootAfterUpdate'),
      ],
      fixes: ['reboot', 'windows-update', 'wsl-update', 'wslconfig-set-nat'],
      wslSaid: fallbackLines(view),
    }),
  ]
}
