import type { Finding } from '../diagnosis/finding'
import { FIX_IDS, type FixId } from '../diagnosis/fix-ids'
import type { MachineView } from '../diagnosis/machine-view'
import { findFix } from './catalog'
import { FIT_RANK, fitOf, type Fit } from './fix-fit'

/**
 * How a rung can be taken on this PC: the app applies it (`app`), the user does it by hand
 * (`guidance`), or the app could apply it but the scan could not tell whether it fits (`unknown`,
 * e.g. Windows facts missing): shown without a button, never recommended.
 */
type Reason = { readonly key: string; readonly args?: Readonly<Record<string, string | number>> }
export type RungOffer =
  | { readonly kind: 'app' }
  | { readonly kind: 'guidance'; readonly reason?: Reason }
  | { readonly kind: 'unknown'; readonly reason: Reason }
  /** The fix would work but the organisation's policy sets the value back: shown, marked, never offered. */
  | { readonly kind: 'managed'; readonly reason: Reason }

export interface Rung {
  readonly fixId: FixId
  readonly fit: Fit
  readonly offer: RungOffer
  readonly recommended: boolean
}

/**
 * Reasons a catalog fix gives that mean "the scan could not tell", as opposed to "this PC does not
 * need it" (every other reason: then the rung is not offered at all).
 */
const CANNOT_TELL = new Set(['unavailable.windowsUnknown', 'unavailable.configUnknown', 'unavailable.noScan'])
/** The app cannot make the change without touching other bytes: the user makes it by hand. */
const BY_HAND = new Set(['unavailable.manualEdit'])
/** A policy owns the value (docs/knowledge/host-network-probes.md#who-set-a-start-type): the rung stays visible, marked. */
const MANAGED = new Set(['unavailable.managedByOrganisation'])

/**
 * The fix ladder of one finding on this PC (issue 12 "the fix that fits"): only rungs that can
 * address this cause here, ordered by how well they meet it (`fix-fit.ts`), then by blast radius
 * (the order of `FIX_IDS`). The recommended rung is the first the app can apply; with none, the
 * first the user can follow by hand. Pure: the Findings card, the Fix step and Verify all call it.
 */
export function fixLadder(finding: Finding, view: MachineView): Rung[] {
  const rungs: Omit<Rung, 'recommended'>[] = []
  for (const fixId of finding.fixes) {
    const { fit } = fitOf(finding.id, fixId, view)
    if (fit === null) continue
    const offer = offerOf(fixId, view)
    if (offer === null) continue
    rungs.push({ fixId, fit, offer })
  }
  rungs.sort((a, b) => FIT_RANK[a.fit] - FIT_RANK[b.fit] || FIX_IDS.indexOf(a.fixId) - FIX_IDS.indexOf(b.fixId))
  const recommended = rungs.find((r) => r.offer.kind === 'app') ?? rungs.find((r) => r.offer.kind === 'guidance')
  return rungs.map((r) => ({ ...r, recommended: r === recommended }))
}

/** The recommended rung of a finding, or null when nothing fits this PC. */
export function recommendedRung(finding: Finding, view: MachineView): Rung | null {
  return fixLadder(finding, view).find((r) => r.recommended) ?? null
}

/**
 * The rung to try after `tried` did not remove the finding: the first app rung not tried yet,
 * else the first guidance rung not tried yet; null when the ladder is exhausted.
 */
export function nextRung(finding: Finding, view: MachineView, tried: readonly FixId[]): Rung | null {
  const left = fixLadder(finding, view).filter((r) => !tried.includes(r.fixId))
  return left.find((r) => r.offer.kind === 'app') ?? left.find((r) => r.offer.kind === 'guidance') ?? null
}

function offerOf(fixId: FixId, view: MachineView): RungOffer | null {
  const fix = findFix(fixId)
  if (!fix) return { kind: 'guidance' }
  const why = fix.unavailable(view, {})
  if (why === null) return { kind: 'app' }
  const reason: Reason = why.args ? { key: why.key, args: { ...why.args } } : { key: why.key }
  if (CANNOT_TELL.has(why.key)) return { kind: 'unknown', reason }
  if (BY_HAND.has(why.key)) return { kind: 'guidance', reason }
  if (MANAGED.has(why.key)) return { kind: 'managed', reason }
  return null
}
