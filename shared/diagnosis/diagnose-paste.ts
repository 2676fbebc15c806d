import type { MachineSnapshot } from '../machine/snapshot'
import type { ProbeId } from '../probes/probe-ids'
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

/**
 * A paste next to a scan (the Findings step): the paste is mapped exactly as above, then the scan's
 * facts win — they describe the PC now, the paste what happened then (issue 11 #2). A fact the
 * paste carries (a pasted `wsl --version`) is used only for a probe the scan did not run and is
 * not still running. The pasted text itself stands in for the startup output, as in `diagnose`.
 */
export function withPaste(
  scan: MachineSnapshot,
  text: string,
  pending: ReadonlySet<ProbeId> = new Set(),
): { snapshot: MachineSnapshot; pastedOutput?: string } {
  if (text.trim() === '') return { snapshot: scan }
  const mapped = snapshotFromEvidence({ wslOutputText: text }, new Date(scan.takenAt), scan.appVersion)
  const fromPaste = Object.fromEntries(
    Object.entries(mapped.snapshot.facts).filter(([id]) => scan.facts[id as ProbeId] === undefined && !pending.has(id as ProbeId)),
  )
  return { snapshot: { ...scan, facts: { ...fromPaste, ...scan.facts } }, ...(mapped.pastedOutput !== undefined ? { pastedOutput: mapped.pastedOutput } : {}) }
}
