import type { MachineSnapshot, UnknownReason } from '../machine/snapshot'
import { CORE_NETWORK_CHECKS, type NetworkCheckId } from '../probes/network-check/network-check-ids'
import { readNetworkCheck, type NotRunReason } from '../probes/network-check/network-check-results'

/**
 * Whether networking works inside WSL, from the networking check the snapshot holds.
 *
 * - `works`: names resolve and the internet answers on 443 (TCP and HTTPS; TCP alone when the
 *   distro has no curl or wget), with an interface and a default route, and none of those failed.
 * - `fails`: at least one of those core checks failed; `failed` lists them (table order).
 * - `not-checked`: the check never ran (no consent yet, or the scan did not include it).
 * - `unknown`: it ran but cannot tell (the probe failed, the distro is absent, output was cut
 *   off, or tools were missing for a core check that did not fail).
 *
 * Localhost forwarding, TLS interception, the gateway ping and the MTU do not enter the verdict
 * (docs/knowledge/wsl-network-check.md#verdict); their rows and rules report them.
 * One function for Findings, Verify and the report.
 */
export type NetworkingStatus =
  | { readonly kind: 'works' }
  | { readonly kind: 'fails'; readonly failed: readonly NetworkCheckId[] }
  | { readonly kind: 'not-checked' }
  | { readonly kind: 'unknown'; readonly reason: NetworkingUnknownReason }

export type NetworkingUnknownReason =
  | { readonly kind: 'probe'; readonly reason: Exclude<UnknownReason, 'no-consent'> }
  | { readonly kind: 'not-run'; readonly reason: NotRunReason }
  | { readonly kind: 'incomplete'; readonly missing: readonly NetworkCheckId[] }

export function networkingStatus(snapshot: Pick<MachineSnapshot, 'facts'>): NetworkingStatus {
  const entry = snapshot.facts['wsl-network-check']
  if (entry === undefined) return { kind: 'not-checked' }
  if (entry.status === 'unknown') {
    return entry.reason === 'no-consent' ? { kind: 'not-checked' } : { kind: 'unknown', reason: { kind: 'probe', reason: entry.reason } }
  }
  const reading = readNetworkCheck(entry.data)
  if (reading.kind === 'not-run') return { kind: 'unknown', reason: { kind: 'not-run', reason: reading.reason } }
  const core = reading.checks.filter((check) => CORE_NETWORK_CHECKS.includes(check.id))
  const failed = core.filter((check) => check.outcome === 'fail').map((check) => check.id)
  if (failed.length > 0) return { kind: 'fails', failed }
  // A distro with neither curl nor wget cannot make an HTTPS request; TCP to 443 then stands in.
  const tcpPassed = core.some((check) => check.id === 'tcp-443' && check.outcome === 'pass')
  const missing = core
    .filter((check) => check.outcome !== 'pass' && !(check.id === 'https' && check.outcome === 'not-checked' && check.reason === 'missing-tool' && tcpPassed))
    .map((check) => check.id)
  if (missing.length > 0) return { kind: 'unknown', reason: { kind: 'incomplete', missing } }
  return { kind: 'works' }
}
