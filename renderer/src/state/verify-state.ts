import { useMemo } from 'react'
import { compareFindings, type FindingsComparison } from '../../../shared/diagnosis/compare-findings'
import type { Finding } from '../../../shared/diagnosis/finding'
import type { FindingId } from '../../../shared/diagnosis/finding-ids'
import type { FixId } from '../../../shared/diagnosis/fix-ids'
import { buildMachineView } from '../../../shared/diagnosis/machine-view'
import { networkingStatus } from '../../../shared/diagnosis/networking-verdict'
import type { MachineSnapshot } from '../../../shared/machine/snapshot'
import { findFix } from '../../../shared/repair/catalog'
import { verifyVerdict, type VerifyVerdict } from '../../../shared/repair/verify-verdict'
import { diagnoseState } from './current-findings'
import { useWizard } from './store-context'
import type { WizardState } from './wizard-store'

/**
 * The fix being verified: what the PC was before its first part. Captured by the store when the
 * fix starts (or rebuilt from the resume state after a restart, which keeps only finding ids).
 * `ready`: every part ran and no restart is pending, so the PC is in its "after" state.
 */
export interface VerifyContext {
  readonly fixId: FixId
  readonly findingsBefore: readonly Finding[]
  readonly idsBefore: readonly FindingId[]
  readonly snapshotBefore: MachineSnapshot | null
  readonly ready: boolean
}

export interface VerifyOutcome {
  readonly fixId: FixId
  /** The snapshot the verdict was made from (the one the Findings step shows). */
  readonly snapshot: MachineSnapshot
  readonly comparison: FindingsComparison
  readonly findingsAfter: readonly Finding[]
  readonly verdict: VerifyVerdict
}

type VerifyInputs = Pick<WizardState, 'scan' | 'pastedOutput' | 'pasteStale' | 'verifyContext' | 'history'>

/**
 * Verify's verdict from the current state: the findings after are exactly what the Findings step
 * shows (`diagnoseState`), compared by the one `compareFindings`, so Verify cannot call a finding
 * fixed while Findings still lists it. Null when there is nothing to verify yet.
 */
export function verifyOutcome(state: VerifyInputs): VerifyOutcome | null {
  const context = state.verifyContext
  if (context === null || !context.ready || state.scan.phase !== 'finished') return null
  const current = diagnoseState(state)
  if (current === null) return null
  const findingsAfter = current.diagnosis.findings
  const comparison = compareFindings(context.idsBefore, findingsAfter, findFix(context.fixId)?.addresses ?? [])
  const verdict = verifyVerdict({
    fixId: context.fixId,
    comparison,
    findingsAfter,
    viewAfter: current.view,
    viewBefore: context.snapshotBefore ? buildMachineView(context.snapshotBefore) : null,
    findingsBefore: context.findingsBefore,
    networking: networkingStatus(state.scan.snapshot),
    tried: state.history.filter((h) => h.undoneAt === null).map((h) => h.fixId),
    changedPc: changedThePc(state.history, context.fixId),
  })
  return { fixId: context.fixId, snapshot: state.scan.snapshot, comparison, findingsAfter, verdict }
}

/** The latest run of the fix finished, left undo information and was not undone: it changed the PC. */
function changedThePc(history: WizardState['history'], fixId: FixId): boolean {
  const latest = history.filter((h) => h.fixId === fixId).sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0]
  return latest !== undefined && latest.finishedAt !== null && latest.undoable && latest.undoneAt === null
}

export function useVerifyOutcome(): VerifyOutcome | null {
  const scan = useWizard((s) => s.scan)
  const pastedOutput = useWizard((s) => s.pastedOutput)
  const pasteStale = useWizard((s) => s.pasteStale)
  const verifyContext = useWizard((s) => s.verifyContext)
  const history = useWizard((s) => s.history)
  return useMemo(() => verifyOutcome({ scan, pastedOutput, pasteStale, verifyContext, history }), [scan, pastedOutput, pasteStale, verifyContext, history])
}

/** A finding a multi-part fix caused on purpose, and which part did (issue 12: labelled, not offered). */
export interface OnPurpose {
  readonly fixId: FixId
  readonly part: number
}

/**
 * Between the parts of a fix, what it changed on purpose shows up as a finding (VMP off between
 * the toggle's two restarts). Such a finding appeared since the fix began, and the same fix
 * addresses it: its next part undoes it.
 */
export function onPurposeOf(state: Pick<WizardState, 'verifyContext' | 'resume' | 'fix'>, findingId: FindingId): OnPurpose | null {
  const context = state.verifyContext
  if (context === null || context.ready || context.idsBefore.includes(findingId)) return null
  if (!(findFix(context.fixId)?.addresses ?? []).includes(findingId)) return null
  const fix = state.fix
  const next =
    state.resume?.fixId === context.fixId
      ? state.resume.nextPhase
      : fix.phase === 'result' && fix.fixId === context.fixId && fix.result.status === 'completed'
        ? fix.result.nextPhase
        : null
  return next === null ? null : { fixId: context.fixId, part: next }
}

export function useOnPurpose(): (findingId: FindingId) => OnPurpose | null {
  const verifyContext = useWizard((s) => s.verifyContext)
  const resume = useWizard((s) => s.resume)
  const fix = useWizard((s) => s.fix)
  return useMemo(() => (id: FindingId) => onPurposeOf({ verifyContext, resume, fix }, id), [verifyContext, resume, fix])
}
