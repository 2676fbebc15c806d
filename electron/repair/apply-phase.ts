import type { FixPlan, PlannedStep } from '../../shared/repair/fix-plan'
import { UAC_ANSWER_LIMIT_MS, timeLimitOf } from '../../shared/repair/fix-scripts'
import { BatchResult, StepResult, type UndoRecord } from '../../shared/repair/step-result'
import type { Elevator } from '../powershell/elevator'
import type { PowerShellHost } from '../powershell/host'
import { readEnvelope } from '../powershell/envelope'
import type { ScriptCatalog } from '../probes/script-catalog'
import { composeBatchScript, composeStepScript } from './compose-fix-script'
import type { Journal, JournalEntry } from './journal'

export interface RepairDeps {
  readonly host: PowerShellHost
  readonly elevator: Elevator
  readonly catalog: ScriptCatalog
  readonly journal: Journal
  readonly newId: () => string
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
  /** Elevation could not start, or no result came back (then what ran is unknown: re-probe). */
  | { readonly status: 'elevation-failed'; readonly entryId: string; readonly detail: string; readonly steps: readonly StepReport[] }
  | { readonly status: 'failed'; readonly entryId: string; readonly failedStep: number; readonly detail: string; readonly steps: readonly StepReport[] }

/** How long a user may take to answer the UAC prompt plus the elevated steps' own run time. */

/**
 * Applies one phase of a plan: unelevated steps before the elevated ones run only once UAC was
 * granted (`beforeRun`), the elevated steps run as one batch behind one prompt, then the rest.
 * Stops at the first failure. The journal is written before and after every step, so an undo
 * knows exactly what ran even after a crash.
 */
export async function applyPhase(
  deps: RepairDeps,
  plan: FixPlan,
  phaseIndex: number,
  onProgress: (report: StepReport) => void,
): Promise<PhaseOutcome> {
  const phase = plan.phases[phaseIndex]
  if (phase === undefined) throw new Error(`plan ${plan.fixId} has no phase ${phaseIndex}`)
  const steps = phase.steps
  const firstElevated = steps.findIndex((s) => s.elevated)
  const lastElevated = steps.length - 1 - [...steps].reverse().findIndex((s) => s.elevated)
  const before = firstElevated < 0 ? steps.map((_, i) => i) : range(0, firstElevated)
  const elevated = firstElevated < 0 ? [] : range(firstElevated, lastElevated + 1)
  const after = firstElevated < 0 ? [] : range(lastElevated + 1, steps.length)

  const reports: StepReport[] = steps.map((_, index) => ({ index, status: 'pending', detail: null }))
  const entry: JournalEntry = {
    id: deps.newId(),
    fixId: plan.fixId,
    startedAt: deps.journal.stamp(),
    finishedAt: null,
    phase: phaseIndex,
    steps: steps.map((s) => ({ script: s.script, describe: s.describe, status: 'pending', result: null, error: null })),
    undo: knownUndo(plan, steps),
    undoneAt: null,
  }
  const report = async (index: number, status: StepStatus, detail: string | null, result: StepResult | null = null) => {
    reports[index] = { index, status, detail }
    const journalStatus = status === 'running' ? 'pending' : status
    entry.steps[index] = { ...entry.steps[index]!, status: journalStatus, result, error: status === 'failed' ? detail : null }
    if (result?.undo && !entry.undo.some((u) => JSON.stringify(u) === JSON.stringify(result.undo))) entry.undo.push(result.undo)
    onProgress(reports[index])
    await deps.journal.put(entry)
  }
  let rebootRequired = phase.rebootAfter

  const runUnelevated = async (indices: readonly number[]): Promise<{ ok: true } | { ok: false; index: number; detail: string }> => {
    for (const index of indices) {
      const step = steps[index]!
      await report(index, 'running', null)
      const outcome = await runStep(deps, step)
      if (!outcome.ok) {
        await report(index, 'failed', outcome.detail)
        return { ok: false, index, detail: outcome.detail }
      }
      rebootRequired ||= outcome.result.rebootRequired
      await report(index, 'done', outcome.result.detail, outcome.result)
    }
    return { ok: true }
  }

  const finish = async (outcome: PhaseOutcome): Promise<PhaseOutcome> => {
    for (const r of reports) if (r.status === 'pending') await report(r.index, 'not-run', null)
    entry.finishedAt = deps.journal.stamp()
    await deps.journal.put(entry)
    return { ...outcome, steps: [...reports] }
  }

  if (elevated.length === 0) {
    const result = await runUnelevated(before)
    return result.ok
      ? finish({ status: 'completed', entryId: entry.id, rebootRequired, steps: [] })
      : finish({ status: 'failed', entryId: entry.id, failedStep: result.index, detail: result.detail, steps: [] })
  }

  let beforeFailure: { index: number; detail: string } | null = null
  const batch = composeBatchScript(elevated.map((i) => steps[i]!), deps.catalog)
  const elevatedOutcome = await deps.elevator.runElevated(batch, {
    // Time to answer the prompt plus the steps' own limits: a 30-minute DISM step is not cut off.
    timeoutMs: UAC_ANSWER_LIMIT_MS + timeLimitOf(elevated.map((i) => steps[i]!.script)),
    beforeRun: async () => {
      await deps.journal.put(entry)
      const result = await runUnelevated(before)
      if (result.ok) {
        for (const index of elevated) await report(index, 'running', null)
        return 'continue'
      }
      beforeFailure = { index: result.index, detail: result.detail }
      return 'abort'
    },
  })

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
      for (const index of elevated) if (reports[index]?.status === 'running') await report(index, 'failed', detail)
      return finish({ status: 'elevation-failed', entryId: entry.id, detail, steps: [] })
    }
    case 'completed':
      break
  }

  const batchResult = readBatch(elevatedOutcome.stdout, batch.sentinel)
  if (batchResult === null) {
    return finish({ status: 'elevation-failed', entryId: entry.id, detail: 'the elevated steps sent back no readable result', steps: [] })
  }
  for (const item of batchResult.steps) {
    const index = elevated[item.index]
    if (index === undefined) continue
    if (item.ok) {
      rebootRequired ||= item.result.rebootRequired
      await report(index, 'done', item.result.detail, item.result)
    } else {
      await report(index, 'failed', item.error)
      return finish({ status: 'failed', entryId: entry.id, failedStep: index, detail: item.error, steps: [] })
    }
  }
  const rest = await runUnelevated(after)
  return rest.ok
    ? finish({ status: 'completed', entryId: entry.id, rebootRequired, steps: [] })
    : finish({ status: 'failed', entryId: entry.id, failedStep: rest.index, detail: rest.detail, steps: [] })
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

/** Undo known before running: a `.wslconfig` write knows the bytes it replaces (the plan's input). */
function knownUndo(plan: FixPlan, steps: readonly PlannedStep[]): UndoRecord[] {
  const write = steps.find((s) => s.script === 'wslconfig-write')
  if (!write || !plan.fileChange) return []
  const previous = write.input['expectedBase64']
  return [{ kind: 'restore-file', path: plan.fileChange.path, previousBase64: typeof previous === 'string' ? previous : null, backupPath: null }]
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)
}
