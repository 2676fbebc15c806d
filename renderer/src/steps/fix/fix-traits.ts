import type { FixId } from '../../../../shared/diagnosis/fix-ids'
import type { MachineView } from '../../../../shared/diagnosis/machine-view'
import { findFix } from '../../../../shared/repair/catalog'
import { buildPlan } from '../../../../shared/repair/fix-definition'

/** What a fix would need on this PC, for the badges beside a recommendation (same code as the main process). */
export type FixTraits =
  | { readonly kind: 'guidance' }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'applicable'; readonly needsAdmin: boolean; readonly reboots: number; readonly stopsWsl: boolean; readonly reversibility: 'undoable' | 'self-healing' | 'manual' | 'none' }

export function fixTraits(fixId: FixId, view: MachineView): FixTraits {
  const fix = findFix(fixId)
  if (!fix) return { kind: 'guidance' }
  if (fix.unavailable(view, {}) !== null) return { kind: 'unavailable' }
  try {
    const plan = buildPlan(fix, view, {})
    return { kind: 'applicable', needsAdmin: plan.needsAdmin, reboots: plan.reboots, stopsWsl: plan.stopsDistros, reversibility: plan.reversibility.kind }
  } catch {
    return { kind: 'unavailable' }
  }
}
