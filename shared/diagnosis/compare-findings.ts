import type { Finding } from './finding'
import type { FindingId } from './finding-ids'

/** What a fix changed among the findings: the one comparison Verify, the main process and the report use. */
export interface FindingsComparison {
  readonly before: readonly FindingId[]
  readonly after: readonly FindingId[]
  /** Findings the fix addresses that were there before and are gone now. */
  readonly resolved: readonly FindingId[]
  /** Findings the fix addresses that are still there (the same id the Findings step shows). */
  readonly remaining: readonly FindingId[]
  /** Findings that were not there before (e.g. a state a multi-part fix causes on purpose). */
  readonly appeared: readonly FindingId[]
}

type FindingRef = Pick<Finding, 'id'> | FindingId

const idOf = (f: FindingRef): FindingId => (typeof f === 'string' ? f : f.id)

/**
 * Compares the findings before a fix with the findings after it, for the findings the fix
 * addresses. `after` must be the list the Findings step shows (the same `diagnose` on the same
 * inputs): a finding in `after` is never reported as resolved, so Verify cannot say "fixed" while
 * Findings still lists it (issue 12). Pure.
 */
export function compareFindings(before: readonly FindingRef[], after: readonly FindingRef[], addresses: readonly FindingId[]): FindingsComparison {
  const beforeIds = unique(before.map(idOf))
  const afterIds = unique(after.map(idOf))
  const addressed = new Set(addresses)
  const now = new Set(afterIds)
  const then = new Set(beforeIds)
  return {
    before: beforeIds,
    after: afterIds,
    resolved: beforeIds.filter((id) => addressed.has(id) && !now.has(id)),
    remaining: afterIds.filter((id) => addressed.has(id)),
    appeared: afterIds.filter((id) => !then.has(id)),
  }
}

function unique(ids: readonly FindingId[]): FindingId[] {
  return [...new Set(ids)]
}
