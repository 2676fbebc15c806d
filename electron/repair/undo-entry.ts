import type { FixId } from '../../shared/diagnosis/fix-ids'
import type { FixPlan, PlannedStep } from '../../shared/repair/fix-plan'
import { isSettableStartType } from '../../shared/repair/fix-scripts'
import type { UndoRecord } from '../../shared/repair/step-result'
import { step, wslShutdownStep } from '../../shared/repair/steps'
import { assertNever } from '../../shared/util/assert-never'
import type { JournalEntry } from './journal'

/**
 * The undo records of an entry that are allowed to run, or the first one that is not. The journal
 * lives in the user's profile, which any process of the user can write: each value is checked
 * again against what the fix scripts themselves may write before it goes to an elevated step.
 */
export function checkedUndoRecords(entry: JournalEntry): { ok: true; records: UndoRecord[] } | { ok: false; detail: string } {
  for (const record of entry.undo) {
    const problem = disallowed(record)
    if (problem !== null) return { ok: false, detail: problem }
  }
  return { ok: true, records: [...entry.undo] }
}

function disallowed(record: UndoRecord): string | null {
  switch (record.kind) {
    case 'restore-file':
      return /[\\/]\.wslconfig$/i.test(record.path) ? null : `restore-file of ${record.path}: only .wslconfig is restored`
    case 'restore-registry-value': {
      const dword = Number.isInteger(record.previous) && record.previous >= 0 && record.previous <= 0xffffffff
      if (!dword) return `${record.value} = ${record.previous}: not a DWORD`
      if (record.value === 'hyperv-firewall-disable' && record.previous !== 0 && record.previous !== 1)
        return `${record.value} = ${record.previous}: only 0 or 1`
      return null
    }
    case 'restore-service-start':
      return isSettableStartType(record.startType) ? null : `${record.name} start type ${record.startType}: not one a fix sets`
    default:
      return assertNever(record, 'undo record')
  }
}

/**
 * The steps that take a journal entry back, last change first; null when nothing can be undone.
 * `overwrite`: the user chose to restore the file over a newer version, these bytes (null: no file).
 */
export function undoPlan(entry: JournalEntry, overwrite?: { readonly currentBase64: string | null }): FixPlan | null {
  if (entry.undoneAt !== null || entry.undo.length === 0) return null
  const checked = checkedUndoRecords(entry)
  if (!checked.ok) return null
  const records = [...checked.records].reverse()
  const unelevated: PlannedStep[] = []
  const elevated: PlannedStep[] = []
  for (const record of records) {
    const s = undoStep(record, overwrite)
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

function undoStep(record: UndoRecord, overwrite?: { readonly currentBase64: string | null }): PlannedStep {
  switch (record.kind) {
    case 'restore-file': {
      // The script refuses unless the file holds these bytes (what our fix wrote, or the newer
      // version the user chose to replace) or already the previous ones.
      const expectedCurrent = overwrite === undefined ? (record.writtenBase64 ?? null) : overwrite.currentBase64
      return step(
        'undo-restore-file',
        { path: record.path, previousBase64: record.previousBase64, writtenBase64: expectedCurrent },
        { key: 'step.undo-restore-file', args: { path: record.path } },
      )
    }
    case 'restore-registry-value':
      return step('undo-registry-value', { value: record.value, previous: record.previous }, { key: 'step.undo-registry-value', args: { value: record.value } })
    case 'restore-service-start': {
      // checkedUndoRecords refused any other start type before a plan is made.
      const startType = record.startType
      if (!isSettableStartType(startType)) throw new Error(`${record.name} start type ${startType}: not one a fix sets`)
      return step('service-start-type', { name: record.name, startType }, { key: 'step.undo-service-start', args: { service: record.name, startType } })
    }
    default:
      return assertNever(record, 'undo record')
  }
}
