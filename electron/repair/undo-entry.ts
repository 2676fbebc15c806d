import type { FixId } from '../../shared/diagnosis/fix-ids'
import type { FixPlan, PlannedStep } from '../../shared/repair/fix-plan'
import type { UndoRecord } from '../../shared/repair/step-result'
import { step, wslShutdownStep } from '../../shared/repair/steps'
import { assertNever } from '../../shared/util/assert-never'
import type { JournalEntry } from './journal'

/** The steps that take a journal entry back, last change first; null when nothing can be undone. */
export function undoPlan(entry: JournalEntry): FixPlan | null {
  if (entry.undoneAt !== null || entry.undo.length === 0) return null
  const records = [...entry.undo].reverse()
  const unelevated: PlannedStep[] = []
  const elevated: PlannedStep[] = []
  for (const record of records) {
    const s = undoStep(record)
    ;(s.elevated ? elevated : unelevated).push(s)
  }
  // A restored .wslconfig only takes effect once WSL restarts.
  const restoresFile = records.some((r) => r.kind === 'restore-file')
  const steps = [...unelevated, ...elevated, ...(restoresFile ? [wslShutdownStep()] : [])]
  return {
    fixId: entry.fixId as FixId,
    addresses: [],
    phases: [{ steps, rebootAfter: false }],
    needsAdmin: elevated.length > 0,
    reboots: 0,
    stopsDistros: restoresFile,
    runningDistros: [],
    affects: [],
    reversibility: { kind: 'none' },
    restorePoint: false,
    verifyProbes: ['wslconfig-file', 'services', 'mirrored-readiness', 'host-networking'],
  }
}

function undoStep(record: UndoRecord): PlannedStep {
  switch (record.kind) {
    case 'restore-file':
      return step('undo-restore-file', { path: record.path, previousBase64: record.previousBase64 }, { key: 'step.undo-restore-file', args: { path: record.path } }, `restore ${record.path} from the journal`)
    case 'restore-registry-value':
      return step('undo-registry-value', { value: record.value, previous: record.previous }, { key: 'step.undo-registry-value', args: { value: record.value } }, `restore ${record.value} = ${record.previous}`)
    case 'restore-service-start':
      return step('service-start-type', { name: record.name, startType: record.startType }, { key: 'step.undo-service-start', args: { service: record.name, startType: record.startType } }, `sc.exe config ${record.name} start= ${record.startType}`)
    default:
      return assertNever(record, 'undo record')
  }
}
