import type { FindingsComparison } from '../diagnosis/compare-findings'
import type { Finding } from '../diagnosis/finding'
import type { FindingId } from '../diagnosis/finding-ids'
import { findingKind } from '../diagnosis/finding-kind'
import type { FixId } from '../diagnosis/fix-ids'
import type { MachineView } from '../diagnosis/machine-view'
import type { NetworkingStatus } from '../diagnosis/networking-verdict'
import { fitOf } from './fix-fit'
import { fixLadder, nextRung, type Rung } from './ladder'

/** What to do next, named (issue 12: never "try the next fix on the list" without saying which). */
export type NextStep =
  | { readonly kind: 'rung'; readonly findingId: FindingId; readonly rung: Rung }
  /** A finding still listed, with nothing left on its ladder for this PC. */
  | { readonly kind: 'finding'; readonly findingId: FindingId }
  /** Nothing the scan can name: paste what WSL printed, or send the report. */
  | { readonly kind: 'report' }

/** A cause the fix avoided without removing it: "still true — here is what you can do". */
export interface StillTrue {
  readonly findingId: FindingId
  /** Rungs that would remove the cause itself (often by hand, e.g. upgrade Windows). */
  readonly options: readonly Rung[]
}

/**
 * Verify's answer after a fix: exactly one of the four (issue 12):
 * - `works`: the fix's findings are gone and the networking check passes;
 * - `cause-gone-still-fails`: they are gone, but the networking check fails: `next` names the step;
 * - `not-fixed`: a finding the fix addresses is still on Findings: `next` names the next rung;
 * - `cant-tell`: the findings are gone but networking was not (or could not be) checked, or there
 *   was nothing to compare.
 */
export type VerifyVerdict =
  | { readonly kind: 'works'; readonly resolved: readonly FindingId[]; readonly stillTrue: readonly StillTrue[] }
  | {
      readonly kind: 'cause-gone-still-fails'
      readonly resolved: readonly FindingId[]
      readonly stillTrue: readonly StillTrue[]
      readonly failed: Extract<NetworkingStatus, { kind: 'fails' }>['failed']
      readonly next: NextStep
    }
  | {
      readonly kind: 'not-fixed'
      readonly remaining: readonly FindingId[]
      /**
       * Of those, the causes this fix removes although it ran to the end and changed the PC: what it
       * changed was set back (on a company PC often by a policy at start-up, docs/knowledge/fix-ladder.md#verify), or it did not reach
       * the cause. Said as such, never as "try again".
       */
      readonly cameBack: readonly FindingId[]
      readonly next: NextStep
    }
  | {
      readonly kind: 'cant-tell'
      readonly reason: 'networking-not-checked' | 'networking-unknown' | 'nothing-to-compare'
      readonly resolved: readonly FindingId[]
      readonly stillTrue: readonly StillTrue[]
    }

export interface VerifyInput {
  readonly fixId: FixId
  readonly comparison: FindingsComparison
  /** The findings the Findings step shows now (the `after` of `comparison`). */
  readonly findingsAfter: readonly Finding[]
  readonly viewAfter: MachineView
  /** The PC before the fix (fits such as "NAT avoids mirrored" depend on it); null after a restart lost it. */
  readonly viewBefore: MachineView | null
  /** The findings before the fix, when known as findings (for the "what you can do" rungs). */
  readonly findingsBefore: readonly Finding[]
  readonly networking: NetworkingStatus
  /** Fixes already tried in this session: never offered again as the next step. */
  readonly tried: readonly FixId[]
  /** The fix ran to its end and recorded undo information, i.e. it changed the PC. */
  readonly changedPc: boolean
}

export function verifyVerdict(input: VerifyInput): VerifyVerdict {
  const { comparison, findingsAfter, viewAfter } = input
  const tried = [...new Set([...input.tried, input.fixId])]
  // A cause the fix works around may stay listed, only as information now (a VPN still connected,
  // GSA still running, with the workaround in place): "still true", not "not fixed".
  const fitView = input.viewBefore ?? viewAfter
  const mitigated = comparison.remaining.filter(
    (id) => fitOf(id, input.fixId, fitView).fit === 'works-around' && findingsAfter.find((f) => f.id === id)?.severity === 'info',
  )
  const notFixed = comparison.remaining.filter((id) => !mitigated.includes(id))
  if (notFixed.length > 0) {
    const cameBack = input.changedPc
      ? // `remaining` are findings listed before the fix and after it (compareFindings).
        notFixed.filter((id) => fitOf(id, input.fixId, fitView).fit === 'removes-cause')
      : []
    return {
      kind: 'not-fixed',
      remaining: notFixed,
      cameBack,
      next: nextFor(
        findingsAfter.filter((f) => notFixed.includes(f.id)),
        viewAfter,
        tried,
      ),
    }
  }
  const resolved = [...comparison.resolved, ...mitigated]
  const stillTrue = resolved.flatMap((id) => stillTrueOf(id, input))
  if (resolved.length === 0) return { kind: 'cant-tell', reason: 'nothing-to-compare', resolved, stillTrue }
  const networking = input.networking
  switch (networking.kind) {
    case 'works':
      return { kind: 'works', resolved, stillTrue }
    case 'fails': {
      // The next step is the most relevant cause still listed (advice never leads, issue 11), then
      // the other rungs of a cause this fix only worked around (a VPN: mirrored after DNS tunneling).
      const causes = [
        ...findingsAfter.filter((f) => findingKind(f.id) !== 'advice' && f.severity !== 'info'),
        ...findingsAfter.filter((f) => mitigated.includes(f.id)),
      ]
      return { kind: 'cause-gone-still-fails', resolved, stillTrue, failed: networking.failed, next: nextFor(causes, viewAfter, tried) }
    }
    case 'not-checked':
      return { kind: 'cant-tell', reason: 'networking-not-checked', resolved, stillTrue }
    case 'unknown':
      return { kind: 'cant-tell', reason: 'networking-unknown', resolved, stillTrue }
  }
}

function nextFor(findings: readonly Finding[], view: MachineView, tried: readonly FixId[]): NextStep {
  for (const finding of findings) {
    const rung = nextRung(finding, view, tried)
    if (rung) return { kind: 'rung', findingId: finding.id, rung }
  }
  const first = findings[0]
  return first ? { kind: 'finding', findingId: first.id } : { kind: 'report' }
}

/** A resolved finding the fix only worked around, with the rungs that would remove its cause. */
function stillTrueOf(id: FindingId, input: VerifyInput): StillTrue[] {
  const view = input.viewBefore ?? input.viewAfter
  if (fitOf(id, input.fixId, view).fit !== 'works-around') return []
  const before = input.findingsBefore.find((f) => f.id === id)
  const options = before ? fixLadder(before, view).filter((r) => r.fit !== 'works-around' && r.fixId !== input.fixId) : []
  return [{ findingId: id, options }]
}
