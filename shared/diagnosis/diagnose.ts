import type { MachineSnapshot } from '../machine/snapshot'
import type { ProbeId } from '../probes/probe-ids'
import type { Finding, Severity } from './finding'
import type { FindingId } from './finding-ids'
import { kindRank } from './finding-kind'
import { buildMachineView, type MachineView } from './machine-view'
import { dnsClientRules } from './rules/dns-client-rules'
import { environmentRules } from './rules/environment-rules'
import { hostDnsRules } from './rules/host-dns-rules'
import { hypervFirewallRules } from './rules/hyperv-firewall-rules'
import { insideWslRules } from './rules/inside-wsl-rules'
import { installRules } from './rules/install-rules'
import { mirroredRules } from './rules/mirrored-rules'
import { natRules } from './rules/nat-rules'
import { platformRules } from './rules/platform-rules'
import type { Rule } from './rules/rule'
import { wslconfigRules } from './rules/wslconfig-rules'

/** Every rule, each with the facts it needs (`rules/rule.ts`). */
export const RULES: readonly Rule[] = [
  ...installRules,
  ...platformRules,
  ...dnsClientRules,
  ...wslconfigRules,
  ...natRules,
  ...mirroredRules,
  ...environmentRules,
  ...insideWslRules,
  ...hypervFirewallRules,
  ...hostDnsRules,
]

/**
 * Findings that explain the same symptom better: when one on the left fires, the generic ones on
 * the right are dropped (a specific cause beats "it fell back, cause unknown").
 */
const SUPERSEDES: Readonly<Partial<Record<FindingId, readonly FindingId[]>>> = {
  'networking-mode-set-by-policy': [
    'mirrored-unsupported-windows',
    'mirrored-ipv6-disabled',
    'mirrored-hyperv-firewall-unavailable',
    'mirrored-fell-back-unknown-cause',
  ],
  'mirrored-unsupported-server': ['mirrored-fell-back-unknown-cause', 'nat-fell-back', 'nat-creation-failed'],
  'mirrored-unsupported-windows': ['mirrored-fell-back-unknown-cause', 'mirrored-hyperv-firewall-unavailable'],
  'mirrored-ipv6-disabled': ['mirrored-fell-back-unknown-cause'],
  'mirrored-hyperv-firewall-unavailable': ['mirrored-fell-back-unknown-cause'],
  'mirrored-kernel-too-old': ['mirrored-fell-back-unknown-cause'],
  'nat-vmware-leftovers': ['nat-vmswitch-not-found', 'nat-fell-back', 'nat-creation-failed'],
  'nat-vmswitch-not-found': ['nat-fell-back', 'nat-creation-failed'],
  'nat-hns-network-stale': ['nat-fell-back', 'nat-creation-failed'],
  'nat-ics-disabled': ['nat-fell-back', 'nat-creation-failed'],
  'wsl-service-disabled': ['nat-creation-failed'],
  'dns-client-disabled': ['nat-creation-failed'],
  'vmp-missing': ['nat-fell-back', 'nat-creation-failed', 'virtualization-disabled'],
  'virtualization-disabled': ['nat-creation-failed'],
  'wsl-not-installed': ['vmp-missing'],
  'wslconfig-fails-to-load': ['wslconfig-networking-key-ignored', 'wslconfig-warnings'],
  'wslconfig-encoding': ['wslconfig-networking-key-ignored', 'wslconfig-warnings'],
  'wslconfig-bridged-unsupported': ['nat-creation-failed', 'nat-fell-back'],
  'nat-dns-port-53-in-use': ['nat-creation-failed', 'nat-fell-back'],
}

/**
 * Symptoms a cause explains only when it is an error: mirrored mode with IPv6 off on a WSL older than
 * its check leaves Linux with only lo, and localhost broken with it (mirrored-rules.ts). As a warning
 * (WSL fell back to NAT) the same symptoms are another problem and stay listed.
 */
const SUPERSEDES_AS_ERROR: Readonly<Partial<Record<FindingId, readonly FindingId[]>>> = {
  'mirrored-ipv6-disabled': ['inside-no-network-interface', 'inside-localhost-broken'],
}

/**
 * Order among findings of the same severity: root causes that stop WSL first, then the ones that
 * hide other settings, then the rest. Anything not listed keeps rule order after these.
 */
const PRIORITY: readonly FindingId[] = [
  'wsl-not-installed',
  'wsl-service-disabled',
  'vmp-missing',
  'dns-client-disabled',
  'virtualization-disabled',
  'wslconfig-fails-to-load',
  'wslconfig-bridged-unsupported',
  'winsock-lsp',
  'nat-vmware-leftovers',
  'nat-vmswitch-not-found',
  'nat-hns-network-stale',
  'nat-ics-disabled',
  'nat-dns-port-53-in-use',
  'nat-creation-failed',
  'mirrored-unsupported-server',
  'networking-mode-set-by-policy',
  'wslconfig-encoding',
  'wslconfig-networking-key-ignored',
  'wslconfig-misnamed',
  'mirrored-unsupported-windows',
  'mirrored-ipv6-disabled',
  'mirrored-hyperv-firewall-unavailable',
  'mirrored-kernel-too-old',
  'mirrored-fell-back-unknown-cause',
  'nat-fell-back',
  'localhost-proxy-not-mirrored',
  'dns-tunneling-disabled-by-gsa',
  'hyperv-firewall-blocks-outbound',
  'firewall-blocks-wsl-dns',
  'vpn-detected',
  'network-software-installed',
  'port-tracker-fse',
  'wsl-inbox-only',
]

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 }

/** Runs every rule on the view and returns the findings, most relevant first. Pure. */
export function diagnoseView(view: MachineView): Finding[] {
  return rank(RULES.flatMap((rule) => rule.check(view)))
}

function rank(all: readonly Finding[]): Finding[] {
  const present = new Set(all.map((f) => f.id))
  const dropped = new Set([
    ...[...present].flatMap((id) => SUPERSEDES[id] ?? []),
    ...all.filter((f) => f.severity === 'error').flatMap((f) => SUPERSEDES_AS_ERROR[f.id] ?? []),
  ])
  const kept = all.filter((f) => !dropped.has(f.id))
  const unique = kept.filter((f, index) => kept.findIndex((g) => g.id === f.id) === index)
  const priority = (id: FindingId) => {
    const index = PRIORITY.indexOf(id)
    return index === -1 ? PRIORITY.length : index
  }
  // Causes, then findings that only name the symptom, then advice (issue 11): advice never outranks a cause.
  return unique.sort((a, b) => kindRank(a.id) - kindRank(b.id) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || priority(a.id) - priority(b.id))
}

/** Snapshot (and optionally text the user pasted from WSL) → findings, most relevant first. */
export function diagnose(snapshot: MachineSnapshot, pastedOutput?: string): Finding[] {
  return diagnoseView(buildMachineView(snapshot, pastedOutput))
}

/** Findings while a scan runs: each with the probes its rule still waits for (empty: final). */
export interface ProgressiveDiagnosis {
  readonly findings: readonly Finding[]
  readonly waitingFor: Readonly<Partial<Record<FindingId, readonly ProbeId[]>>>
}

/**
 * The findings of a scan still running: every rule runs on the facts known so far (a pending fact
 * reads as unknown, reason `pending`), and each finding names the pending probes its rule needs,
 * so the screen can say "still checking" instead of presenting it as final. With no probe pending
 * this is exactly `diagnose`. Text the user pasted stands in for the startup probe's output.
 */
export function diagnoseProgress(snapshot: MachineSnapshot, pending: ReadonlySet<ProbeId>, pastedOutput?: string): ProgressiveDiagnosis {
  const pasted = pastedOutput !== undefined && pastedOutput.trim() !== ''
  const view = buildMachineView(snapshot, pastedOutput, pending)
  const waiting = new Map<FindingId, Set<ProbeId>>()
  const all = RULES.flatMap((rule) => {
    const open = rule.needs.filter((probe) => pending.has(probe) && !(pasted && probe === 'wsl-startup'))
    const found = rule.check(view)
    for (const f of found) for (const probe of open) waiting.set(f.id, (waiting.get(f.id) ?? new Set()).add(probe))
    return found
  })
  const findings = rank(all)
  const waitingFor: Partial<Record<FindingId, readonly ProbeId[]>> = {}
  for (const f of findings) {
    const probes = waiting.get(f.id)
    if (probes !== undefined) waitingFor[f.id] = [...probes]
  }
  return { findings, waitingFor }
}
