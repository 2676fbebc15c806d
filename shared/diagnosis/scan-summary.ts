import type { MachineSnapshot } from '../machine/snapshot'
import { PROBE_IDS, type ProbeId } from '../probes/probe-ids'
import type { Finding } from './finding'

/**
 * What one check found, for the Scan step's icons (issue 12: the icon shows the outcome, never
 * just "finished"): a problem or a warning when an error/warning finding rests on what this probe
 * read, `passed` when it read its facts and nothing wrong rests on them, `not-checked` when it
 * could not read them (no consent, timed out, failed) or never ran.
 */
export type CheckOutcome = 'problem' | 'warning' | 'passed' | 'not-checked'

export interface ScanSummary {
  readonly problems: number
  readonly warnings: number
  readonly passed: number
  readonly notChecked: number
  readonly outcomes: Readonly<Record<ProbeId, CheckOutcome>>
}

/**
 * Evidence that explains a finding without being at fault ("this is a Home edition"): the check
 * that read it did not find a problem, so its icon stays as it is.
 */
const CONTEXT_EVIDENCE = new Set(['ev.homeUsesVmp', 'ev.homeNoHyperVTools'])

/** The flutter-doctor-like summary of a finished scan: "2 problems, 1 warning, 9 checks passed, 1 not checked". */
export function scanSummary(snapshot: Pick<MachineSnapshot, 'facts'>, findings: readonly Finding[]): ScanSummary {
  const worst = new Map<ProbeId, 'problem' | 'warning'>()
  for (const finding of findings) {
    if (finding.severity === 'info') continue
    for (const e of finding.evidence) {
      if (e.source === 'pasted' || CONTEXT_EVIDENCE.has(e.key)) continue
      if (finding.severity === 'error') worst.set(e.source, 'problem')
      else if (worst.get(e.source) !== 'problem') worst.set(e.source, 'warning')
    }
  }
  const outcomes = {} as Record<ProbeId, CheckOutcome>
  for (const id of PROBE_IDS) {
    const known = snapshot.facts[id]?.status === 'known'
    outcomes[id] = !known ? 'not-checked' : (worst.get(id) ?? 'passed')
  }
  const values = Object.values(outcomes)
  return {
    problems: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    passed: values.filter((o) => o === 'passed').length,
    notChecked: values.filter((o) => o === 'not-checked').length,
    outcomes,
  }
}
