import { diagnose } from '../../shared/diagnosis/diagnose'
import { buildMachineView } from '../../shared/diagnosis/machine-view'
import type { FindingId } from '../../shared/diagnosis/finding-ids'
import type { FixId } from '../../shared/diagnosis/fix-ids'
import type { MachineSnapshot } from '../../shared/machine/snapshot'
import { findFix } from '../../shared/repair/catalog'
import { buildPlan, type FixOptions } from '../../shared/repair/fix-definition'
import { FixPlanSchema, planDigest, type FixPlan } from '../../shared/repair/fix-plan'
import type { InterruptedRun, Verification } from '../../shared/repair/repair-contract'
import type { JournalEntry } from '../repair/journal'
import type { Output } from '../../shared/ipc/contract'
import type { Elevator } from '../powershell/elevator'
import { applyPhase, type RepairDeps } from '../repair/apply-phase'
import { RepairLock } from '../repair/repair-lock'
import { probeUndoReader } from '../repair/undo-before'
import { currentFileBase64 } from '../repair/undo-file-guard'
import type { Journal } from '../repair/journal'
import type { RestartController } from '../repair/restart-controller'
import type { ResumeStore } from '../repair/resume-store'
import { checkedUndoRecords, undoPlan } from '../repair/undo-entry'
import { verifyFix } from '../repair/verify-fix'
import type { ScanDeps } from '../scan/run-scan'
import type { Handlers } from './handler-types'

export interface RepairRuntime {
  readonly elevator: Elevator
  readonly journal: Journal
  readonly resume: ResumeStore
  readonly restart: RestartController
  readonly newId: () => string
  /** Shared when several handler sets serve one PC (tests); default: one per handler set. */
  readonly lock?: RepairLock
}

/** What the repair handlers share with the scan handlers: the latest snapshot and the consent. */
export interface SessionState {
  snapshot: MachineSnapshot | null
  allowWslStart: boolean
  /** For a fix over several restarts: the findings before its first part, carried across them. */
  findingsBefore?: { readonly fixId: FixId; readonly ids: FindingId[] }
}

type RepairChannels = 'fix:plan' | 'fix:apply' | 'fix:undo' | 'fix:history' | 'fix:interrupted' | 'fix:recover' | 'system:restart' | 'session:resume'

/**
 * The repair channels. Plans are always recomputed here from the latest scan: the renderer sends a
 * fix id and the digest of the plan it showed, and nothing runs unless they still match.
 */
export function createRepairHandlers(
  scan: Omit<ScanDeps, 'source'> & { source: ScanDeps['source'] },
  session: SessionState,
  runtime: RepairRuntime,
): Pick<Handlers, RepairChannels> {
  const deps: RepairDeps = {
    host: scan.host,
    elevator: runtime.elevator,
    catalog: scan.catalog,
    journal: runtime.journal,
    newId: runtime.newId,
    readUndoBefore: probeUndoReader(scan),
  }
  // One writer: apply, undo and recovery never interleave (journal.ts serializes each write too).
  const lock = runtime.lock ?? new RepairLock()

  const planFor = (
    fixId: FixId,
    options: FixOptions,
    phase: number,
  ): { plan: FixPlan } | { reason: { key: string; args?: Record<string, string | number> } } => {
    const fix = findFix(fixId)
    if (!fix) return { reason: { key: 'unavailable.guidanceOnly' } }
    if (session.snapshot === null) return { reason: { key: 'unavailable.noScan' } }
    const view = buildMachineView(session.snapshot)
    // Later phases run after a restart changed the PC on purpose (e.g. VMP off): no re-check.
    const unavailable = phase === 0 ? fix.unavailable(view, options) : null
    if (unavailable) return { reason: unavailable.args ? { key: unavailable.key, args: { ...unavailable.args } } : { key: unavailable.key } }
    return { plan: buildPlan(fix, view, options) }
  }

  const verify = async (
    plan: Pick<FixPlan, 'verifyProbes' | 'addresses'>,
  ): Promise<{ verification: Verification | null; snapshot: MachineSnapshot | null }> => {
    if (session.snapshot === null) return { verification: null, snapshot: null }
    const result = await verifyFix(scan, session.snapshot, plan, session.allowWslStart)
    session.snapshot = result.snapshot
    return result
  }

  /** The number of parts of a fix, for "part 1 of 2 done" (planned as a later part: no availability check). */
  const partsOf = (fixId: FixId, options: FixOptions): { parts?: number } => {
    const result = planFor(fixId, options, 1)
    return 'plan' in result ? { parts: result.plan.phases.length } : {}
  }

  /** Undo of one entry; the caller holds the lock. */
  const undoEntry = async (entryId: string, overwrite?: { readonly currentBase64: string | null }): Promise<Output<'fix:undo'>> => {
    const entry = await runtime.journal.find(entryId)
    if (!entry || entry.undoneAt !== null || entry.undo.length === 0) return { status: 'nothing-to-undo' }
    const checked = checkedUndoRecords(entry)
    if (!checked.ok) return { status: 'refused', detail: checked.detail }
    // Never destroy newer work: restore the file only while it still holds what our fix wrote —
    // or, once the user chose "restore the version before our fix" over the three versions, exactly
    // the current bytes they saw. The script checks the same bytes again right before it writes.
    for (const record of checked.records) {
      if (record.kind !== 'restore-file' || record.writtenBase64 == null) continue
      const current = await currentFileBase64(scan)
      if (current.kind === 'unknown') return { status: 'failed', detail: `could not read ${record.path} before restoring it: ${current.detail}` }
      const allowed = overwrite === undefined ? [record.writtenBase64, record.previousBase64] : [overwrite.currentBase64]
      if (!allowed.includes(current.base64)) {
        return {
          status: 'file-changed',
          path: record.path,
          beforeBase64: record.previousBase64,
          oursBase64: record.writtenBase64,
          currentBase64: current.base64,
        }
      }
    }
    const plan = undoPlan(entry, overwrite)
    if (!plan) return { status: 'nothing-to-undo' }
    const outcome = await applyPhase(deps, plan, 0, () => undefined, { undoOf: entry.id })
    switch (outcome.status) {
      case 'completed':
        await runtime.journal.update(entry.id, (e) => ({ ...e, undoneAt: runtime.journal.stamp() }))
        return { status: 'undone', verification: (await verify({ verifyProbes: plan.verifyProbes, addresses: [] })).verification }
      case 'declined':
        return { status: 'declined' }
      case 'failed':
      case 'elevation-failed':
        return { status: 'failed', detail: outcome.detail }
    }
  }

  return {
    'fix:plan': async ({ fixId, options, phase }) => {
      const result = planFor(fixId, options, phase ?? 0)
      if (!('plan' in result)) return { available: false, reason: result.reason }
      // Parsing gives the wire type (and checks the plan before it leaves the main process).
      return { available: true, plan: FixPlanSchema.parse(result.plan), digest: planDigest(result.plan) }
    },

    'fix:apply': async ({ fixId, options, phase, digest }, context) => {
      const locked = await lock.run('apply', async (): Promise<Output<'fix:apply'>> => {
        const result = planFor(fixId, options, phase)
        if (!('plan' in result) || planDigest(result.plan) !== digest || phase >= result.plan.phases.length) return { status: 'plan-changed' }
        const { plan } = result
        const resume = await runtime.resume.read()
        if (resume?.fixId === fixId) await runtime.resume.clear()
        // The "before" of the whole fix: from the resumed state for later parts, from now for the first.
        session.findingsBefore =
          phase > 0 && resume?.fixId === fixId
            ? { fixId, ids: [...resume.findingsBefore] }
            : { fixId, ids: session.snapshot ? diagnose(session.snapshot).map((f) => f.id) : [] }
        const outcome = await applyPhase(deps, plan, phase, (report) => context.emit('fix:progress', { fixId, phase, ...report }))
        if (outcome.status !== 'completed') return { ...outcome, steps: [...outcome.steps] }
        const nextPhase = phase + 1 < plan.phases.length ? phase + 1 : null
        const verified = !outcome.rebootRequired && nextPhase === null ? await verify(plan) : { verification: null, snapshot: null }
        return { ...outcome, steps: [...outcome.steps], nextPhase, ...verified }
      })
      return locked.ran ? locked.value : { status: 'busy' }
    },

    'fix:undo': async ({ entryId, overwrite }) => {
      const locked = await lock.run('undo', () => undoEntry(entryId, overwrite))
      return locked.ran ? locked.value : { status: 'busy' }
    },

    'fix:interrupted': async () => (await runtime.journal.unfinished()).flatMap((e) => interruptedRun(e)),

    'fix:recover': async ({ entryId, action }) => {
      const locked = await lock.run('recover', async (): Promise<Output<'fix:recover'>> => {
        const entry = (await runtime.journal.unfinished()).find((e) => e.id === entryId)
        if (!entry) return { status: 'not-found' }
        if (action === 'undo') {
          const undo = await undoEntry(entryId)
          if (undo.status === 'undone' || undo.status === 'nothing-to-undo') await runtime.journal.update(entryId, (e) => ({ ...e, recovery: 'undo' }))
          return { status: 'undo', undo }
        }
        // Keep: what was done stays. Finish: closed here; the renderer plans the fix again on
        // the fresh scan, and steps already done find the PC as wanted ("changed: false").
        await runtime.journal.update(entryId, (e) => ({ ...e, recovery: action }))
        return { status: 'closed', action }
      })
      return locked.ran ? locked.value : { status: 'busy' }
    },

    'fix:history': async () =>
      (await runtime.journal.entries())
        // An undo run is shown as the "undone" mark of the entry it took back.
        .filter((e) => findFix(e.fixId) !== undefined && e.undoOf === null)
        .map((e) => ({
          id: e.id,
          fixId: e.fixId as FixId,
          startedAt: e.startedAt,
          finishedAt: e.finishedAt,
          undoable: undoPlan(e) !== null,
          undoneAt: e.undoneAt,
        })),

    'system:restart': async ({ fixId, options, nextPhase }) => {
      await runtime.resume.save({
        version: 1,
        fixId,
        options,
        nextPhase,
        bootTimeBefore: await runtime.restart.bootTime(),
        findingsBefore:
          session.findingsBefore?.fixId === fixId ? session.findingsBefore.ids : session.snapshot ? diagnose(session.snapshot).map((f) => f.id) : [],
        savedAt: runtime.journal.stamp(),
        allowWslStart: session.allowWslStart,
        ...partsOf(fixId, options),
      })
      if (!(await runtime.restart.registerResume())) return { status: 'failed', detail: 'could not register the app to reopen after the restart' }
      return (await runtime.restart.restart()) ? { status: 'restarting' } : { status: 'failed', detail: 'Windows did not accept the restart request' }
    },

    'session:resume': async () => {
      const state = await runtime.resume.read()
      if (state === null) return null
      const now = await runtime.restart.bootTime()
      const rebooted = state.bootTimeBefore !== null && now !== null && now !== state.bootTimeBefore
      // Only verification is left once the PC really restarted: hand it over once.
      if (rebooted && state.nextPhase === null) await runtime.resume.clear()
      return { ...state, rebooted }
    },
  }
}

/** What the recovery panel shows of an unfinished run (null for entries of unknown fixes). */
function interruptedRun(entry: JournalEntry): InterruptedRun[] {
  const fix = findFix(entry.fixId)
  if (!fix) return []
  return [
    {
      entryId: entry.id,
      fixId: entry.fixId as FixId,
      startedAt: entry.startedAt,
      steps: entry.steps.map((s) => ({ describe: s.describe, status: s.status })),
      undoable: undoPlan(entry) !== null,
    },
  ]
}
