import { SNAPSHOT_SCHEMA_VERSION, type MachineSnapshot } from '../../../shared/machine/snapshot'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { findingsReadiness, type FindingsReadiness } from '../../../shared/scan/findings-readiness'
import type { ProbeProgress, ScanState } from './wizard-store'

/** What the Findings step diagnoses: the finished scan's snapshot, or the facts of one still running. */
export interface FindingsInput {
  readonly snapshot: MachineSnapshot
  /** Probes without an answer yet: findings that need them are not final (empty once finished). */
  readonly pending: ReadonlySet<ProbeId>
  readonly readiness: FindingsReadiness
  /** The running probes' statuses (for "still checking: events (6 s)…"); empty once finished. */
  readonly probes: Partial<Record<ProbeId, ProbeProgress>>
}

const DONE: FindingsReadiness = { usable: true, pending: [], slow: [] }

export function findingsInput(scan: ScanState): FindingsInput | null {
  switch (scan.phase) {
    case 'finished':
      return { snapshot: scan.snapshot, pending: new Set(), readiness: DONE, probes: {} }
    case 'running': {
      const readiness = findingsReadiness(scan.probes)
      const snapshot: MachineSnapshot = {
        schemaVersion: SNAPSHOT_SCHEMA_VERSION,
        appVersion: '',
        takenAt: new Date(scan.startedAt).toISOString(),
        source: { kind: 'windows' },
        facts: scan.facts,
      }
      return { snapshot, pending: new Set(readiness.pending), readiness, probes: scan.probes }
    }
    case 'idle':
    case 'failed':
      return null
    default:
      return scan satisfies never
  }
}
