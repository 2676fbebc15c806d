import { compareFindings } from '../../shared/diagnosis/compare-findings'
import { diagnose } from '../../shared/diagnosis/diagnose'
import type { MachineSnapshot } from '../../shared/machine/snapshot'
import type { ProbeId } from '../../shared/probes/probe-ids'
import type { FixPlan } from '../../shared/repair/fix-plan'
import type { Verification } from '../../shared/repair/repair-contract'
import { runScan, type ScanDeps } from '../scan/run-scan'

/**
 * Re-runs the probes a fix names, unelevated, and — with the user's consent to start WSL — the
 * networking check inside WSL, then compares the findings before and after with the one
 * `compareFindings` (the elevated side's own report is advisory: docs/knowledge/fix-ladder.md#verify).
 * Returns the merged snapshot.
 */
export async function verifyFix(
  deps: ScanDeps,
  before: MachineSnapshot,
  plan: Pick<FixPlan, 'verifyProbes' | 'addresses'>,
  allowWslStart: boolean,
): Promise<{ snapshot: MachineSnapshot; verification: Verification }> {
  const probes: ProbeId[] = [...new Set<ProbeId>([...plan.verifyProbes, ...(allowWslStart ? (['wsl-network-check'] as const) : [])])]
  const { snapshot: fresh } = await runScan(deps, {
    scanId: 'verify-0001',
    allowWslStart,
    probes,
    signal: new AbortController().signal,
    onProgress: () => undefined,
  })
  const merged: MachineSnapshot = { ...before, takenAt: fresh.takenAt, facts: { ...before.facts, ...fresh.facts } }
  const comparison = compareFindings(diagnose(before), diagnose(merged), plan.addresses)
  return {
    snapshot: merged,
    verification: {
      before: [...comparison.before],
      after: [...comparison.after],
      resolved: [...comparison.resolved],
      remaining: [...comparison.remaining],
      appeared: [...comparison.appeared],
    },
  }
}
