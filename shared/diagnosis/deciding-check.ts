import { isProbeId, type ProbeId } from '../probes/probe-ids'
import type { Unknown } from './finding'
import type { Verdict } from './finding-kind'
import type { DiagnosisMessageKey } from './messages/en'
import type { UnknownKey } from './messages/keys'

/**
 * "Not enough to decide" always comes with the one check that would decide (issue 11 #4): in the
 * wizard, a probe of the scan to run; on a pasted report (Welcome box, `--evidence`), what to ask
 * the user for. Never a guess.
 */
export type DecidingCheck =
  | { readonly kind: 'run'; readonly probe: ProbeId; readonly unknown: Unknown | null }
  | { readonly kind: 'ask'; readonly probe: ProbeId; readonly ask: AskKey; readonly unknown: Unknown | null }
  /** The deciding fact is none a probe reads (e.g. "did you restart after the update?"): its text says what to do. */
  | { readonly kind: 'look'; readonly unknown: Unknown }

export type AskKey = Extract<DiagnosisMessageKey, `ask.${string}`>

/** Where the evidence came from: a scan of this PC, or only text the user pasted. */
export type EvidenceContext = 'scan' | 'paste'

/** For each probe, what to ask a user who only pasted text (the command whose output carries that fact). */
const ASK: Readonly<Record<ProbeId, AskKey>> = {
  'windows-version': 'ask.windows-version',
  'wsl-install': 'ask.wsl-install',
  'wslconfig-file': 'ask.wslconfig-file',
  services: 'ask.services',
  'mirrored-readiness': 'ask.mirrored-readiness',
  virtualization: 'ask.virtualization',
  events: 'ask.events',
  'network-adapters': 'ask.network-adapters',
  'proxy-settings': 'ask.proxy-settings',
  'winsock-catalog': 'ask.winsock-catalog',
  'installed-products': 'ask.installed-products',
  'firewall-profiles': 'ask.firewall-profiles',
  'hyperv-firewall': 'ask.hyperv-firewall',
  'host-networking': 'ask.host-networking',
  'host-dns': 'ask.host-dns',
  'wsl-startup': 'ask.wsl-startup',
  'wsl-network-check': 'ask.wsl-network-check',
}

/** Unknowns whose deciding fact a probe reads, for the ones that do not carry `args.probe`. */
const PROBE_OF: Readonly<Partial<Record<UnknownKey, ProbeId>>> = {
  'un.checkHnsEvents': 'events',
  'un.natCauseHidden': 'events',
}

function probeOf(unknown: Unknown): ProbeId | null {
  const fromArgs = unknown.args['probe']
  if (isProbeId(fromArgs)) return fromArgs
  return PROBE_OF[unknown.key as UnknownKey] ?? null
}

/**
 * The check that decides an undecided verdict: the top symptom's first unknown that a probe can
 * settle, else its first unknown as it stands; with no symptom at all (a failure with nothing
 * recognised), what WSL prints when it starts. Null for a verdict that is decided.
 */
export function decidingCheck(verdict: Verdict, context: EvidenceContext): DecidingCheck | null {
  if (verdict.kind !== 'undecided') return null
  const unknowns = verdict.symptom?.unknowns ?? []
  const withProbe = unknowns.find((u) => probeOf(u) !== null)
  const probe = withProbe ? probeOf(withProbe) : null
  if (probe === null && unknowns[0] !== undefined) return { kind: 'look', unknown: unknowns[0] }
  const chosen = probe ?? 'wsl-startup'
  const unknown = withProbe ?? null
  return context === 'scan' ? { kind: 'run', probe: chosen, unknown } : { kind: 'ask', probe: chosen, ask: ASK[chosen], unknown }
}
