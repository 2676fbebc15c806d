import type { FixId } from '../../../../shared/diagnosis/fix-ids'
import type { MachineView } from '../../../../shared/diagnosis/machine-view'
import { findFix } from '../../../../shared/repair/catalog'
import { buildPlan } from '../../../../shared/repair/fix-definition'
import type { FixPlan } from '../../../../shared/repair/fix-plan'

/** What a recommended fix would do on this PC, for the badges beside it (same plan code as the main process). */
export type FixTraits = { readonly kind: 'guidance' } | { readonly kind: 'unavailable' } | { readonly kind: 'applicable'; readonly plan: FixPlan }

export function fixTraits(fixId: FixId, view: MachineView): FixTraits {
  const fix = findFix(fixId)
  if (!fix) return { kind: 'guidance' }
  if (fix.unavailable(view, {}) !== null) return { kind: 'unavailable' }
  try {
    return { kind: 'applicable', plan: buildPlan(fix, view, {}) }
  } catch {
    return { kind: 'unavailable' }
  }
}

/** The badge text key for a plan's reversibility (the confirm screen and the finding cards). */
export function reversibilityBadgeKey(kind: FixPlan['reversibility']['kind']) {
  return `fix.badge.${kind === 'self-healing' ? 'selfHealing' : kind}` as const
}
