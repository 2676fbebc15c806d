import { PROBE_IDS, type ProbeId } from '../probes/probe-ids'
import type { ScanProgress } from './scan-progress'

type Status = ScanProgress['status']

/** Where a scan stands for the Findings step, from the probes' latest statuses. */
export interface FindingsReadiness {
  /**
   * True when every probe has an answer or is slow (still running in the background): what is on
   * the Findings step then is all the scan can say for now, so it is worth opening.
   */
  readonly usable: boolean
  /** Probes without an answer yet (queued, running or slow), in probe order. */
  readonly pending: readonly ProbeId[]
  /** The slow ones among them. */
  readonly slow: readonly ProbeId[]
}

/** Pure: the renderer, the bench and the tests all decide "usable" with this one function. */
export function findingsReadiness(statuses: Partial<Record<ProbeId, { readonly status: Status }>>, probes: readonly ProbeId[] = PROBE_IDS): FindingsReadiness {
  const pending = probes.filter((id) => !isSettled(statuses[id]?.status))
  const slow = pending.filter((id) => statuses[id]?.status === 'slow')
  return { usable: pending.length === slow.length, pending, slow }
}

function isSettled(status: Status | undefined): boolean {
  return status === 'known' || status === 'unknown'
}
