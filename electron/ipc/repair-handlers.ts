import { diagnose } from '../../shared/diagnosis/diagnose'
import { buildMachineView } from '../../shared/diagnosis/machine-view'
import type { FindingId } from '../../shared/diagnosis/finding-ids'
import type { FixId } from '../../shared/diagnosis/fix-ids'
import type { MachineSnapshot } from '../../shared/machine/snapshot'
import { findFix } from '../../shared/repair/catalog'
import { buildPlan, type FixOptions } from '../../shared/repair/fix-definition'
import { FixPlanSchema, planDigest, type FixPlan } from '../../shared/repair/fix-plan'
import type { Verification } from '../../shared/repair/repair-contract'
import type { Elevator } from '../powershell/elevator'
import { applyPhase, type RepairDeps } from '../repair/apply-phase'
import type { Journal } from '../repair/journal'
import type { RestartController } from '../repair/restart-controller'
import type { ResumeStore } from '../repair/resume-store'
import { undoPlan } from '../repair/undo-entry'
import { verifyFix } from '../repair/verify-fix'
import type { ScanDeps } from '../scan/run-scan'
import type { Handlers } from './handler-types'

export interface RepairRuntime {
  readonly elevator: Elevator
  readonly journal: Journal
  readonly resume: ResumeStore
  readonly restart: RestartController
  readonly newId: () => string
}

/** What the repair handlers share with the scan handlers: the latest snapshot and the consent. */
export interface SessionState {
  snapshot: MachineSnapshot | null
  allowWslStart: boolean
  /** For a fix over several restarts: the findings before its first part, carried across them. */
  findingsBefore?: { readonly fixId: FixId; readonly ids: FindingId[] }
}

type RepairChannels = 'fix:plan' | 'fix:apply' | 'fix:undo' | 'fix:history' | 'system:restart' | 'session:resume'

/**
 * The repair channels. Plans are always recomputed here from the latest scan: the renderer sends a
 * fix id and the digest of the plan it showed, and nothing runs unless they still match.
 */
export function createRepairHandlers(scan: Omit<ScanDeps, 'source'> & { source: ScanDeps['source'] }, session: SessionState, runtime: RepairRuntime): Pick<Handlers, RepairChannels> {
  const deps: RepairDeps = { host: scan.host, elevator: runtime.elevator, catalog: scan.catalog, journal: runtime.journal, newId: runtime.newId }

  const planFor = (fixId: FixId, options: FixOptions, phase: number): { plan: FixPlan } | { reason: { key: string; args?: Record<string, string | number> } } => {
    const fix = findFix(fixId)
    if (!fix) return { reason: { key: 'unavailable.guidanceOnly' } }
    if (session.snapshot === null) return { reason: { key: 'unavailable.noScan' } }
    const view = buildMachineView(session.snapshot)
    // Later phases run after a restart changed the PC on purpose (e.g. VMP off): no re-check.
    const unavailable = phase === 0 ? fix.unavailable(view, options) : null
    if (unavailable) return { reason: unavailable.args ? { key: unavailable.key, args: { ...unavailable.args } } : { key: unavailable.key } }
    return { plan: buildPlan(fix, view, options) }
  }

  const verify = async (plan: Pick<FixPlan, 'verifyProbes' | 'addresses'>): Promise<Verification | null> => {
    if (session.snapshot === null) return null
    const result = await verifyFix(scan, session.snapshot, plan, session.allowWslStart)
    session.snapshot = result.snapshot
    return result.verification
  }

  return {
    'fix:plan': async ({ fixId, options, phase }) => {
      const result = planFor(fixId, options, phase ?? 0)
      if (!('plan' in result)) return { available: false, reason: result.reason }
      // Parsing gives the wire type (and checks the plan before it leaves the main process).
      return { available: true, plan: FixPlanSchema.parse(result.plan), digest: planDigest(result.plan) }
    },

    'fix:apply': async ({ fixId, options, phase, digest }, context) => {
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
      const verification = !outcome.rebootRequired && nextPhase === null ? await verify(plan) : null
      return { ...outcome, steps: [...outcome.steps], nextPhase, verification }
    },

    'fix:undo': async ({ entryId }) => {
      const entry = await runtime.journal.find(entryId)
      const plan = entry ? undoPlan(entry) : null
      if (!entry || !plan) return { status: 'nothing-to-undo' }
      const outcome = await applyPhase(deps, plan, 0, () => undefined)
      switch (outcome.status) {
        case 'completed':
          await runtime.journal.put({ ...entry, undoneAt: runtime.journal.stamp() })
          return { status: 'undone', verification: await verify({ verifyProbes: plan.verifyProbes, addresses: [] }) }
        case 'declined':
          return { status: 'declined' }
        case 'failed':
        case 'elevation-failed':
          return { status: 'failed', detail: outcome.detail }
      }
    },

    'fix:history': async () =>
      (await runtime.journal.entries())
        .filter((e) => findFix(e.fixId) !== undefined)
        .map((e) => ({ id: e.id, fixId: e.fixId as FixId, startedAt: e.startedAt, finishedAt: e.finishedAt, undoable: e.undo.length > 0 && e.undoneAt === null, undoneAt: e.undoneAt })),

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
