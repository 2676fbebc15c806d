import { useMemo } from 'react'
import { diagnoseProgress, type ProgressiveDiagnosis } from '../../../shared/diagnosis/diagnose'
import { withPaste } from '../../../shared/diagnosis/diagnose-paste'
import type { Finding } from '../../../shared/diagnosis/finding'
import { buildMachineView, type MachineView } from '../../../shared/diagnosis/machine-view'
import { findingsInput, type FindingsInput } from './scan-findings'
import { useWizard } from './store-context'
import type { WizardState } from './wizard-store'

/**
 * The findings of the wizard, computed in one place (issue 13 #4): from the latest snapshot (the
 * scan's, with the probes a fix re-ran merged in) and the text the user pasted — unless a fix was
 * applied since the paste: it then describes the PC before the fix and no longer counts (it is
 * kept, and the report shows it as such). Findings, Fix, Verify and the store all read this.
 */
export interface CurrentDiagnosis {
  readonly input: FindingsInput
  readonly diagnosis: ProgressiveDiagnosis
  /** The same machine view the main process plans fixes from (ladders, fix badges). */
  readonly view: MachineView
}

/** The paste as the rules read it, or undefined when there is none or a fix made it stale. */
export function effectivePaste(state: Pick<WizardState, 'pastedOutput' | 'pasteStale'>): string | undefined {
  return state.pasteStale || state.pastedOutput.trim() === '' ? undefined : state.pastedOutput
}

export function diagnoseState(state: Pick<WizardState, 'scan' | 'pastedOutput' | 'pasteStale'>): CurrentDiagnosis | null {
  const input = findingsInput(state.scan)
  if (input === null) return null
  // The paste is mapped as for `npm run diagnose -- --evidence`, and the scan's facts win (diagnose-paste.ts).
  const merged = withPaste(input.snapshot, effectivePaste(state) ?? '', input.pending)
  return {
    input,
    diagnosis: diagnoseProgress(merged.snapshot, input.pending, merged.pastedOutput),
    view: buildMachineView(input.snapshot, undefined, input.pending),
  }
}

/** The final findings only (a finished scan), for actions in the store. */
export function currentFindings(state: Pick<WizardState, 'scan' | 'pastedOutput' | 'pasteStale'>): readonly Finding[] {
  return state.scan.phase === 'finished' ? (diagnoseState(state)?.diagnosis.findings ?? []) : []
}

/** The store selector for components: recomputed only when the scan or the paste changes. */
export function useCurrentDiagnosis(): CurrentDiagnosis | null {
  const scan = useWizard((s) => s.scan)
  const pastedOutput = useWizard((s) => s.pastedOutput)
  const pasteStale = useWizard((s) => s.pasteStale)
  return useMemo(() => diagnoseState({ scan, pastedOutput, pasteStale }), [scan, pastedOutput, pasteStale])
}
