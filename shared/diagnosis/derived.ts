import type { ErrorCodeRef } from '../wsl-output/error-codes'
import type { RecognizedMessage } from '../wsl-output/recognize-messages'
import type { MachineView } from './machine-view'

/**
 * Facts several rules need, derived from the view in one place. Each answers `null` when the
 * facts it rests on are unknown — a rule must then say what is unknown rather than guess.
 */

export type NetworkingMode = 'nat' | 'mirrored' | 'none' | 'virtioproxy' | 'bridged'

/** The networking mode `.wslconfig` asks for (either section; WSL's canonical value), or null. */
export function configuredMode(view: MachineView): NetworkingMode | null {
  if (!view.config.known || view.config.value === null) return null
  const value = view.config.value.parse.values['wsl2.networkingMode']
  switch (value?.toLowerCase()) {
    case 'mirrored':
      return 'mirrored'
    case 'nat':
      return 'nat'
    case 'none':
      return 'none'
    case 'consomme':
    case 'virtioproxy':
      return 'virtioproxy'
    case 'bridged':
      return 'bridged'
    default:
      return null
  }
}

/** WSL policy values (docs/knowledge/wsl-checks.md#enterprise-policy), `{}` when the key does not exist, null when unknown. */
export function policy(view: MachineView): Readonly<Record<string, number | string>> | null {
  if (!view.config.known) return null
  return view.config.value?.policy ?? {}
}

/** Whether policy ignores the user's networkingMode (AllowNetworkingModeUserSetting = 0, docs/knowledge/wsl-checks.md#enterprise-policy). */
export function policyLocksMode(view: MachineView): boolean | null {
  const values = policy(view)
  return values === null ? null : values['AllowNetworkingModeUserSetting'] === 0
}

/** Recognised messages WSL printed with one of these ids (any language). */
export function said(view: MachineView, ...ids: readonly string[]): RecognizedMessage[] {
  if (!view.output.known) return []
  const all = view.output.value.messages.flatMap((m) => (m.inner ? [m, m.inner] : [m]))
  const unique = all.filter((m, i) => all.findIndex((o) => o.id === m.id && o.line === m.line && o.text === m.text) === i)
  return unique.filter((m) => ids.includes(m.id))
}

/** Error codes from WSL's output (and, when `includeEvents`, from event log messages). */
export function codes(view: MachineView, options: { readonly includeEvents?: boolean } = {}): ErrorCodeRef[] {
  const fromOutput = view.output.known ? [...view.output.value.errorCodes] : []
  return options.includeEvents ? [...fromOutput, ...view.eventCodes] : fromOutput
}

export function hasCode(view: MachineView, code: string, options: { readonly includeEvents?: boolean } = {}): ErrorCodeRef | undefined {
  const wanted = code.toLowerCase()
  return codes(view, options).find((ref) => ref.code.toLowerCase() === wanted)
}

/** One service's state, null when services are unknown, `exists: false` when absent. */
export function service(view: MachineView, name: string) {
  if (!view.services.known) return null
  return view.services.value.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null
}

/** The user asked for mirrored mode: in `.wslconfig`, or WSL said it fell back from it. */
export function mirroredRequested(view: MachineView): boolean {
  if (configuredMode(view) === 'mirrored') return true
  if (!view.config.known && view.pastedFacts.saysMirrored) return true
  return (
    said(view, 'MessageMirroredNetworkingNotSupportedReason', 'LegacyMirroredNotSupported').length > 0 ||
    said(view, 'MessageNetworkInitializationFailedFallback2').some((m) => m.args[0]?.toLowerCase() === 'mirrored')
  )
}

/**
 * The mode WSL tries for NAT-family rules: NAT unless the config (or a policy default) says
 * otherwise. Mirrored falling back also ends in NAT.
 */
export function natInUse(view: MachineView): boolean | null {
  if (view.output.known && view.output.value.effectiveMode !== null) return view.output.value.effectiveMode === 'nat'
  const mode = configuredMode(view)
  if (mode === null) return view.config.known ? true : null
  return mode === 'nat' || (mode === 'mirrored' && mirroredBlocked(view) === true)
}

/** Windows lacks the mirrored APIs by build (docs/knowledge/wsl-checks.md#windows-builds/A.2), when the build is known. */
export function buildLacksMirrored(view: MachineView): boolean | null {
  if (!view.windows.known) return null
  const { build, ubr } = view.windows.value
  if (build > 22621) return false
  if (build < 22621) return true
  return ubr === null ? null : ubr < 2359
}

/** Whether mirrored mode cannot run here for an OS reason we can see. */
export function mirroredBlocked(view: MachineView): boolean | null {
  const byBuild = buildLacksMirrored(view)
  if (byBuild === true) return true
  if (view.readiness.known) {
    const r = view.readiness.value
    const exportsMissing = r.exports ? Object.values(r.exports.computeNetwork).some((present) => !present) : false
    if (exportsMissing || r.ipv6DisabledComponents === 0xff || r.hyperVFirewallDisable === 1) return true
    if (!r.hyperVFirewall.vmCreatorClassExists || r.hyperVFirewall.profileCount === 0) return true
    return false
  }
  return byBuild === false ? null : byBuild
}

/** DNS tunneling is in effect: not turned off, WSL ≥ 2.2.1 default, dnsapi support, no GSA (docs/knowledge/wsl-checks.md#dns-tunneling). */
export function dnsTunnelingActive(view: MachineView): boolean | null {
  if (view.config.known && view.config.value?.parse.values['wsl2.dnsTunneling'] === 'false') return false
  const gsa = service(view, 'GlobalSecureAccessTunnelingService')
  if (gsa?.status === 'Running') return false
  if (view.readiness.known && view.readiness.value.exports) {
    if (Object.values(view.readiness.value.exports.dnsapi).some((present) => !present)) return false
    // Asked for explicitly, with the Windows support present and nothing turning it off: in effect.
    if (view.config.known && view.config.value?.parse.values['wsl2.dnsTunneling'] === 'true') return true
  } else if (buildLacksMirrored(view) === true) {
    return false
  }
  return null
}
