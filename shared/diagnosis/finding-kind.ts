import type { Finding } from './finding'
import type { FindingId } from './finding-ids'
import type { Unknown } from './finding'

/**
 * Every finding is a cause (it explains something observed on this PC: what WSL said, a failed
 * start, mirrored not in effect, no connectivity) or advice (worth doing, explains nothing
 * observed). A cause that names only the symptom ("it fell back, cause unknown", "an HNS code")
 * is `symptom`: it is shown, but the answer is then "not enough to decide" plus the check.
 * Issue 11: advice never outranks a cause; a PC with advice only has no fault found.
 */
export type FindingKind = 'cause' | 'symptom' | 'advice'

const KIND: Readonly<Record<FindingId, FindingKind>> = {
  'mirrored-unsupported-windows': 'cause',
  'mirrored-unsupported-server': 'cause',
  'mirrored-ipv6-disabled': 'cause',
  'mirrored-hyperv-firewall-unavailable': 'cause',
  'mirrored-kernel-too-old': 'cause',
  'mirrored-fell-back-unknown-cause': 'symptom',
  'networking-mode-set-by-policy': 'cause',
  'nat-vmswitch-not-found': 'cause',
  'nat-vmware-leftovers': 'cause',
  'nat-hns-network-stale': 'cause',
  'nat-ics-disabled': 'cause',
  'wsl-service-disabled': 'cause',
  'dns-client-disabled': 'cause',
  'vmp-missing': 'cause',
  'virtualization-disabled': 'cause',
  'nat-fell-back': 'symptom',
  'nat-creation-failed': 'symptom',
  'wslconfig-fails-to-load': 'cause',
  'wslconfig-networking-key-ignored': 'cause',
  'wslconfig-warnings': 'cause',
  'wslconfig-encoding': 'cause',
  'wslconfig-misnamed': 'cause',
  'wslconfig-bridged-unsupported': 'cause',
  'nat-dns-port-53-in-use': 'cause',
  'wsl-not-installed': 'cause',
  // Old or inbox WSL explains nothing by itself (a healthy PC may run it): advice (issue 11).
  'wsl-inbox-only': 'advice',
  'wsl-outdated': 'advice',
  'localhost-proxy-not-mirrored': 'cause',
  'vpn-detected': 'cause',
  'nrpt-not-applied-in-wsl': 'cause',
  // Installed is not proof of the cause (docs/knowledge/installed-products.md#what-a-finding-may-claim).
  'network-software-installed': 'advice',
  'dns-tunneling-disabled-by-gsa': 'cause',
  'firewall-blocks-wsl-dns': 'cause',
  'hyperv-firewall-blocks-outbound': 'cause',
  'winsock-lsp': 'cause',
  'hosts-file-too-large': 'cause',
  'port-tracker-fse': 'cause',
  'inside-no-network-interface': 'cause',
  // Names fail to resolve: observed, but why (firewall, VPN, tunneling) is another finding's to say.
  'inside-dns-fails': 'symptom',
  'inside-resolv-conf-not-wsl': 'cause',
  'inside-tls-intercepted': 'cause',
  'inside-localhost-broken': 'symptom',
}

export function findingKind(id: FindingId): FindingKind {
  return KIND[id]
}

const KIND_RANK: Readonly<Record<FindingKind, number>> = { cause: 0, symptom: 1, advice: 2 }
export function kindRank(id: FindingId): number {
  return KIND_RANK[KIND[id]]
}

/**
 * The answer in one line: a cause; "not enough to decide" plus the one check that decides (the
 * top symptom's first unknown, or the scan); or no fault found (advice only, or nothing).
 */
export type Verdict =
  | { readonly kind: 'cause'; readonly finding: Finding }
  | { readonly kind: 'undecided'; readonly symptom: Finding | null; readonly check: Unknown | null }
  | { readonly kind: 'no-fault'; readonly advice: readonly Finding[] }

/** `findings` as `diagnose` ranks them; `observedFailure`: the user pasted or the scan saw a failure. */
export function verdictOf(findings: readonly Finding[], observedFailure: boolean): Verdict {
  const top = findings[0]
  if (top && findingKind(top.id) === 'cause' && top.confidence !== 'low') return { kind: 'cause', finding: top }
  const symptom = top && findingKind(top.id) !== 'advice' ? top : null
  if (symptom || observedFailure) return { kind: 'undecided', symptom, check: symptom?.unknowns[0] ?? null }
  return { kind: 'no-fault', advice: findings.filter((f) => findingKind(f.id) === 'advice') }
}
