import { diagnose } from '../../shared/diagnosis/diagnose'
import type { MachineSnapshot } from '../../shared/machine/snapshot'
import type { FixPlan } from '../../shared/repair/fix-plan'
import type { Verification } from '../../shared/repair/repair-contract'
import { runScan, type ScanDeps } from '../scan/run-scan'

/**
 * Re-runs the probes a fix names, unelevated, and compares the findings before and after
 * (the elevated side's own report is advisory: engineering.md §4). Returns the merged snapshot.
 */
export async function verifyFix(
  deps: ScanDeps,
  before: MachineSnapshot,
  plan: Pick<FixPlan, 'verifyProbes' | 'addresses'>,
  allowWslStart: boolean,
): Promise<{ snapshot: MachineSnapshot; verification: Verification }> {
  const { snapshot: fresh } = await runScan(deps, {
    scanId: 'verify-0001',
    allowWslStart,
    probes: plan.verifyProbes,
    signal: new AbortController().signal,
    onProgress: () => undefined,
  })
  const merged: MachineSnapshot = { ...before, takenAt: fresh.takenAt, facts: { ...before.facts, ...fresh.facts } }
  const beforeIds = diagnose(before).map((f) => f.id)
  const afterIds = diagnose(merged).map((f) => f.id)
  const addressed = new Set(plan.addresses)
  return {
    snapshot: merged,
    verification: {
      before: beforeIds,
      after: afterIds,
      resolved: beforeIds.filter((id) => addressed.has(id) && !afterIds.includes(id)),
      remaining: afterIds.filter((id) => addressed.has(id)),
    },
  }
}
