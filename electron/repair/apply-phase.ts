import type { FixPlan, PlannedStep } from '../../shared/repair/fix-plan'
import { FIX_SCRIPTS, UAC_ANSWER_LIMIT_MS, timeLimitOf } from '../../shared/repair/fix-scripts'
import { BatchResult, StepResult, type UndoRecord } from '../../shared/repair/step-result'
import type { ElevatedProgress } from '../powershell/elevation/progress'
import type { Elevator } from '../powershell/elevator'
import type { PowerShellHost } from '../powershell/host'
import { readEnvelope } from '../powershell/envelope'
import type { ScriptCatalog } from '../probes/script-catalog'
import { checkStepInputs, composeBatchScript, composeStepScript } from './compose-fix-script'
import type { Journal, JournalEntry, JournalStep } from './journal'
import { undoBeforeFromPlan, type UndoReader } from './undo-before'

export interface RepairDeps {
  readonly host: PowerShellHost
  readonly elevator: Elevator
  readonly catalog: ScriptCatalog
  readonly journal: Journal
  readonly newId: () => string
  /**
   * Reads, unelevated and before anything runs, what each step needs to be undone (registry values,
   * start types). Null for a step it cannot read: that step's undo then arrives with its result.
   */
  readonly readUndoBefore?: UndoReader
}

export type StepStatus = 'pending' | 'running' | 'done' | 'failed' | 'not-run'

export interface StepReport {
  readonly index: number
  readonly status: StepStatus
  readonly detail: string | null
}

export type PhaseOutcome =
  | { readonly status: 'completed'; readonly entryId: string; readonly rebootRequired: boolean; readonly steps: readonly StepReport[] }
  /** UAC declined (1223): nothing ran at all, the unelevated steps included. */
  | { readonly status: 'declined'; readonly steps: readonly StepReport[] }
  /** Elevation could not start, or no result came back (then what ran is in the journal's step states). */
  | { readonly status: 'elevation-failed'; readonly entryId: string; readonly detail: string; readonly steps: readonly StepReport[] }
  | { readonly status: 'failed'; readonly entryId: string; readonly failedStep: number; readonly detail: string; readonly steps: readonly StepReport[] }

/** The detail of a run stopped because the journal could not be written (e.g. the disk is full). */
export const JOURNAL_WRITE_FAILED = 'journal-write-failed'

export interface ApplyOptions {
  /** Set for an undo run: the entry it takes back (kept in the journal, hidden from the history). */
  readonly undoOf?: string
}

/**
 * Applies one phase of a plan like an installer applies its actions (Windows Installer writes its
 * rollback script before each action: https://learn.microsoft.com/windows/win32/msi/rollback-installation):
 * - before a step runs, the journal holds its undo record and marks it `running`; if that write
 *   fails (disk full), the step does not run;
 * - unelevated steps before the elevated ones run only once UAC was granted (`beforeRun`), the
 *   elevated steps as one batch behind one prompt, then the rest; stops at the first failure;
 * - the elevated batch reports each step as it ends (`onProgress`), and the journal is written
 *   after every such event, so a killed process, a crash or a reboot leaves a journal that says
 *   which steps are done, which one may have run (`running`) and which never started.
 */
export async function applyPhase(
  deps: RepairDeps,
  plan: FixPlan,
  phaseIndex: number,
  onProgress: (report: StepReport) => void,
  options: ApplyOptions = {},
): Promise<PhaseOutcome> {
  const phase = plan.phases[phaseIndex]
  if (phase === undefined) throw new Error(`plan ${plan.fixId} has no phase ${phaseIndex}`)
  const steps = phase.steps
  // A step its script would refuse is a bug in plan building: stop before the journal or UAC.
  checkStepInputs(steps)
  const firstElevated = steps.findIndex((s) => s.elevated)
  const lastElevated = steps.length - 1 - [...steps].reverse().findIndex((s) => s.elevated)
  const before = firstElevated < 0 ? steps.map((_, i) => i) : range(0, firstElevated)
  const elevated = firstElevated < 0 ? [] : range(firstElevated, lastElevated + 1)
  const after = firstElevated < 0 ? [] : range(lastElevated + 1, steps.length)

  const known = undoBeforeFromPlan(plan, steps)
  const read = deps.readUndoBefore ? await deps.readUndoBefore(steps).catch(() => steps.map(() => null)) : steps.map(() => null)
  const reports: StepReport[] = steps.map((_, index) => ({ index, status: 'pending', detail: null }))
  const entry: JournalEntry = {
    id: deps.newId(),
    fixId: plan.fixId,
    startedAt: deps.journal.stamp(),
    finishedAt: null,
    phase: phaseIndex,
    steps: steps.map((s, i) => ({ script: s.script, describe: s.describe, status: 'pending', result: null, error: null, undo: known[i] ?? read[i] ?? null })),
    undo: [],
    undoneAt: null,
    undoOf: options.undoOf ?? null,
    recovery: null,
  }

  /** Writes the entry; false when it could not be written (then nothing more may run). */
  let journalBroken = false
  const save = async (): Promise<boolean> => {
    entry.undo = undoRecordsOf(entry.steps)
    try {
      await deps.journal.put(entry)
      return true
    } catch {
      journalBroken = true
      return false
    }
  }
  const setStep = (index: number, status: StepStatus, detail: string | null, result: StepResult | null = null) => {
    reports[index] = { index, status, detail }
    const old = entry.steps[index]!
    const next: JournalStep = { ...old, status, result: result ?? old.result, error: status === 'failed' ? detail : null }
    // The step's own record is what it changed; the pre-read one stays when it reported none.
    if (result?.undo) next.undo = withWrittenBytes(result.undo, old.undo)
    entry.steps[index] = next
    onProgress(reports[index])
  }
  let rebootRequired = phase.rebootAfter

  type RunResult = { ok: true } | { ok: false; index: number; detail: string }
  const runUnelevated = async (indices: readonly number[]): Promise<RunResult> => {
    for (const index of indices) {
      const step = steps[index]!
      setStep(index, 'running', null)
      // Undo before action: the record and the "in progress" mark are on disk before the step runs.
      if (!(await save())) {
        setStep(index, 'not-run', JOURNAL_WRITE_FAILED)
        return { ok: false, index, detail: JOURNAL_WRITE_FAILED }
      }
      const outcome = await runStep(deps, step)
      if (!outcome.ok) {
        setStep(index, 'failed', outcome.detail)
        if (!(await save())) return { ok: false, index, detail: JOURNAL_WRITE_FAILED }
        return { ok: false, index, detail: outcome.detail }
      }
      rebootRequired ||= outcome.result.rebootRequired
      setStep(index, 'done', outcome.result.detail, outcome.result)
      if (!(await save())) return { ok: false, index, detail: JOURNAL_WRITE_FAILED }
    }
    return { ok: true }
  }

  const finish = async (outcome: PhaseOutcome): Promise<PhaseOutcome> => {
    for (const r of reports) if (r.status === 'pending') setStep(r.index, 'not-run', null)
    entry.finishedAt = deps.journal.stamp()
    // A failed final write leaves the last per-step state on disk, which is still exact.
    await save()
    return { ...outcome, steps: [...reports] }
  }

  if (elevated.length === 0) {
    const result = await runUnelevated(before)
    return result.ok
      ? finish({ status: 'completed', entryId: entry.id, rebootRequired, steps: [] })
      : finish({ status: 'failed', entryId: entry.id, failedStep: result.index, detail: result.detail, steps: [] })
  }

  let beforeFailure: { index: number; detail: string } | null = null
  const batchSteps = elevated.map((i) => steps[i]!)
  const batch = composeBatchScript(batchSteps, deps.catalog)
  // Journal writes driven by progress events, one after another; awaited before the outcome.
  let writes: Promise<unknown> = Promise.resolve()
  const started = new Set<number>()
  const onElevatedProgress = (event: ElevatedProgress) => {
    const index = elevated[event.step]
    if (index === undefined) return
    if (event.status === 'started') {
      started.add(index)
      return
    }
    if (event.status === 'done') {
      const parsed = StepResult.safeParse(event.data)
      if (!parsed.success) return // advisory: the final result (or "may have run") stands
      rebootRequired ||= parsed.data.rebootRequired
      setStep(index, 'done', parsed.data.detail, parsed.data)
    } else {
      setStep(index, 'failed', typeof event.data === 'string' ? event.data : 'failed')
    }
    writes = writes.then(save)
  }
  const elevatedOutcome = await deps.elevator.runElevated(batch, {
    // The prompt may wait for the user; once elevated, only silence longer than the longest
    // single step ends the run (each progress event restarts that clock).
    timeoutMs: UAC_ANSWER_LIMIT_MS,
    inactivityTimeoutMs: Math.max(...batchSteps.map((s) => FIX_SCRIPTS[s.script].timeLimitMs)),
    onProgress: onElevatedProgress,
    beforeRun: async () => {
      if (!(await save())) {
        beforeFailure = { index: before[0] ?? elevated[0]!, detail: JOURNAL_WRITE_FAILED }
        return 'abort'
      }
      const result = await runUnelevated(before)
      if (!result.ok) {
        beforeFailure = { index: result.index, detail: result.detail }
        return 'abort'
      }
      // Every elevated step's undo record is on disk, marked "may run", before the batch is sent.
      for (const index of elevated) setStep(index, 'running', null)
      if (!(await save())) {
        for (const index of elevated) setStep(index, 'not-run', JOURNAL_WRITE_FAILED)
        beforeFailure = { index: elevated[0]!, detail: JOURNAL_WRITE_FAILED }
        return 'abort'
      }
      return 'continue'
    },
  })
  await writes

  switch (elevatedOutcome.kind) {
    case 'declined':
      // Nothing ran: not even the unelevated steps, which wait for elevation. No journal entry.
      return { status: 'declined', steps: reports.map((r) => ({ ...r, status: 'not-run' })) }
    case 'aborted': {
      const failure = beforeFailure as { index: number; detail: string } | null
      return finish({ status: 'failed', entryId: entry.id, failedStep: failure?.index ?? 0, detail: failure?.detail ?? 'aborted', steps: [] })
    }
    case 'failed':
    case 'timeout':
    case 'no-result': {
      const detail = elevatedOutcome.kind === 'timeout' ? `no answer within ${elevatedOutcome.timeoutMs} ms` : elevatedOutcome.detail
      settleInterrupted(elevated, started, reports, setStep)
      return finish({ status: 'elevation-failed', entryId: entry.id, detail, steps: [] })
    }
    case 'completed':
      break
  }

  const batchResult = readBatch(elevatedOutcome.stdout, batch.sentinel)
  if (batchResult === null) {
    settleInterrupted(elevated, started, reports, setStep)
    return finish({ status: 'elevation-failed', entryId: entry.id, detail: 'the elevated steps sent back no readable result', steps: [] })
  }
  // The final result is authoritative (it repeats what the events said).
  for (const item of batchResult.steps) {
    const index = elevated[item.index]
    if (index === undefined) continue
    if (item.ok) {
      rebootRequired ||= item.result.rebootRequired
      setStep(index, 'done', item.result.detail, item.result)
    } else {
      setStep(index, 'failed', item.error)
      for (const other of elevated) if (reports[other]?.status === 'running') setStep(other, 'not-run', null)
      return finish({ status: 'failed', entryId: entry.id, failedStep: index, detail: item.error, steps: [] })
    }
  }
  for (const other of elevated) if (reports[other]?.status === 'running') setStep(other, 'not-run', null)
  if (!(await save()) || journalBroken) {
    return finish({ status: 'failed', entryId: entry.id, failedStep: elevated[elevated.length - 1]!, detail: JOURNAL_WRITE_FAILED, steps: [] })
  }
  const rest = await runUnelevated(after)
  return rest.ok
    ? finish({ status: 'completed', entryId: entry.id, rebootRequired, steps: [] })
    : finish({ status: 'failed', entryId: entry.id, failedStep: rest.index, detail: rest.detail, steps: [] })
}

/**
 * After a batch that sent no final result: a step whose 'started' event came but no end may have
 * run (stays `running`, its undo is kept); a step never started did not run — the batch sends
 * 'started' before each step and that send throws once the pipe is gone (compose-fix-script.ts).
 */
function settleInterrupted(
  elevated: readonly number[],
  started: ReadonlySet<number>,
  reports: readonly StepReport[],
  setStep: (index: number, status: StepStatus, detail: string | null) => void,
): void {
  for (const index of elevated) {
    if (reports[index]?.status !== 'running') continue
    if (started.has(index)) setStep(index, 'running', 'interrupted: may have run')
    else setStep(index, 'not-run', null)
  }
}

/** The undo records an undo run applies: steps that ran and changed something, or may have run. */
export function undoRecordsOf(steps: readonly JournalStep[]): UndoRecord[] {
  const records: UndoRecord[] = []
  for (const s of steps) {
    if (s.undo === null) continue
    if (s.status === 'running' || (s.status === 'done' && s.result?.changed !== false)) records.push(s.undo)
  }
  return records
}

/** Keeps the bytes our write was planned to leave, which the script's own record does not carry. */
function withWrittenBytes(reported: UndoRecord, planned: UndoRecord | null): UndoRecord {
  if (reported.kind !== 'restore-file' || planned?.kind !== 'restore-file' || reported.writtenBase64 != null) return reported
  return planned.writtenBase64 == null ? reported : { ...reported, writtenBase64: planned.writtenBase64 }
}

async function runStep(deps: RepairDeps, step: PlannedStep): Promise<{ ok: true; result: StepResult } | { ok: false; detail: string }> {
  const script = composeStepScript(step, deps.catalog)
  const outcome = await deps.host.run(script, { timeoutMs: timeLimitOf([step.script]) })
  if (!outcome.ok) return { ok: false, detail: outcome.error.kind === 'timeout' ? `no answer within ${outcome.error.timeoutMs} ms` : outcome.error.kind }
  const reading = readEnvelope(outcome.stdout, script.sentinel)
  if (reading.kind !== 'data') return { ok: false, detail: reading.detail }
  const parsed = StepResult.safeParse(reading.data)
  return parsed.success ? { ok: true, result: parsed.data } : { ok: false, detail: `unexpected step result: ${parsed.error.issues[0]?.message ?? ''}` }
}

function readBatch(stdout: string, sentinel: string): BatchResult | null {
  const reading = readEnvelope(stdout, sentinel)
  if (reading.kind !== 'data') return null
  const parsed = BatchResult.safeParse(reading.data)
  return parsed.success ? parsed.data : null
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)
}
