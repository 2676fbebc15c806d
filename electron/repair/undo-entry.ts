import type { FixId } from '../../shared/diagnosis/fix-ids'
import type { FixPlan, PlannedStep } from '../../shared/repair/fix-plan'
import { isSettableStartType, type SETTABLE_START_TYPES } from '../../shared/repair/fix-scripts'
import type { UndoRecord } from '../../shared/repair/step-result'
import { step, wslShutdownStep } from '../../shared/repair/steps'
import { assertNever } from '../../shared/util/assert-never'
import type { JournalEntry } from './journal'

type ServiceStartRecord = Extract<UndoRecord, { kind: 'restore-service-start' }>

/**
 * An undo record that passed `checkRecord`, typed as narrowly as the check proved: a service start
 * type is one a fix sets (what `service-start-type` takes), so building the step needs no second check.
 */
type CheckedUndoRecord =
  Exclude<UndoRecord, ServiceStartRecord> | (Omit<ServiceStartRecord, 'startType'> & { readonly startType: (typeof SETTABLE_START_TYPES)[number] })

type Checked<T> = { ok: true; record: T } | { ok: false; detail: string }

/**
 * The undo records of an entry that are allowed to run, or the first one that is not. The journal
 * lives in the user's profile, which any process of the user can write: each value is checked
 * again against what the fix scripts themselves may write before it goes to an elevated step.
 */
export function checkedUndoRecords(entry: JournalEntry): { ok: true; records: CheckedUndoRecord[] } | { ok: false; detail: string } {
  const records: CheckedUndoRecord[] = []
  for (const record of entry.undo) {
    const checked = checkRecord(record)
    if (!checked.ok) return checked
    records.push(checked.record)
  }
  return { ok: true, records }
}

function checkRecord(record: UndoRecord): Checked<CheckedUndoRecord> {
  switch (record.kind) {
    case 'restore-file':
      return /[\\/]\.wslconfig$/i.test(record.path)
        ? { ok: true, record }
        : { ok: false, detail: `restore-file of ${record.path}: only .wslconfig is restored` }
    case 'restore-registry-value': {
      const dword = Number.isInteger(record.previous) && record.previous >= 0 && record.previous <= 0xffffffff
      if (!dword) return { ok: false, detail: `${record.value} = ${record.previous}: not a DWORD` }
      if (record.value === 'hyperv-firewall-disable' && record.previous !== 0 && record.previous !== 1)
        return { ok: false, detail: `${record.value} = ${record.previous}: only 0 or 1` }
      return { ok: true, record }
    }
    case 'restore-service-start': {
      const { startType } = record
      return isSettableStartType(startType)
        ? { ok: true, record: { ...record, startType } }
        : { ok: false, detail: `${record.name} start type ${startType}: not one a fix sets` }
    }
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

function undoStep(record: CheckedUndoRecord, overwrite?: { readonly currentBase64: string | null }): PlannedStep {
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
    case 'restore-service-start':
      return step(
        'service-start-type',
        { name: record.name, startType: record.startType },
        { key: 'step.undo-service-start', args: { service: record.name, startType: record.startType } },
      )
    default:
      return assertNever(record, 'undo record')
  }
}
