import { diagnose } from './diagnose'
import { snapshotFromEvidence, type UserEvidence } from './evidence'
import type { Finding } from './finding'

/**
 * The one path from pasted text to findings, for the wizard's Welcome box and for
 * `npm run diagnose -- --evidence` alike (issue 11: the two used to disagree on the same paste).
 */
export function diagnoseEvidence(evidence: UserEvidence, now: Date, appVersion: string): Finding[] {
  const mapped = snapshotFromEvidence(evidence, now, appVersion)
  return diagnose(mapped.snapshot, mapped.pastedOutput)
}

/** A whole paste (WSL output, an issue body, a helpdesk ticket) with no scan behind it. */
export function diagnosePaste(text: string, now: Date = new Date(0), appVersion = ''): Finding[] {
  return diagnoseEvidence({ wslOutputText: text }, now, appVersion)
}
