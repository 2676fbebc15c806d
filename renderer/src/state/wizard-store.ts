import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DoctorApi } from '../../../shared/ipc/bridge'
import type { AppInfo } from '../../../shared/ipc/app-info'
import type { IpcError } from '../../../shared/ipc/result'
import type { MachineSnapshot } from '../../../shared/machine/snapshot'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import type { ScanProgress } from '../../../shared/scan/scan-progress'
import type { WizardStep } from '../../../shared/wizard/steps'
import type { FixId } from '../../../shared/diagnosis/fix-ids'
import type { Input, Output } from '../../../shared/ipc/contract'
import type { DistributiveOmit } from '../../../shared/util/distributive-omit'
import { pickLocale, type Locale } from '../i18n/i18n'
import { assertNever } from '../../../shared/util/assert-never'
import type { FindingId } from '../../../shared/diagnosis/finding-ids'
import type { VerifyVerdict } from '../../../shared/repair/verify-verdict'
import type { VerifyContext } from './verify-state'

/**
 * The rules, WSL's message tables and the schemas load with the first fix, not with the first
 * screen: a static import here put them all in the first chunk (electron/dev/first-chunk-size.test.ts).
 */
const loadCurrentFindings = () => import('./current-findings')
const loadVerifyState = () => import('./verify-state')

/** A probe's latest status, without its fact (kept in `facts`), and when that status began. */
export type ProbeProgress = DistributiveOmit<DistributiveOmit<ScanProgress, 'scanId' | 'probeId'>, 'fact'> & { readonly since: number }

export type ScanState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'running'
      readonly scanId: string
      readonly startedAt: number
      readonly probes: Partial<Record<ProbeId, ProbeProgress>>
      /** Facts answered so far: the Findings step diagnoses from them while the rest still run. */
      readonly facts: MachineSnapshot['facts']
    }
  | {
      readonly phase: 'finished'
      readonly outcome: 'completed' | 'cancelled'
      readonly durationMs: number
      readonly probes: Partial<Record<ProbeId, ProbeProgress>>
      readonly snapshot: MachineSnapshot
    }
  | { readonly phase: 'failed'; readonly error: IpcError }

type PlanResponse = Output<'fix:plan'>
type Plan = Extract<PlanResponse, { available: true }>['plan']
export type ApplyResult = Output<'fix:apply'>
export type StepReport = Extract<ApplyResult, { status: 'completed' }>['steps'][number]
export type FixOptions = Input<'fix:plan'>['options']

/** The Fix step's flow: pick → plan (confirm screen) → apply (progress) → result. */
export type FixState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'planning'; readonly fixId: FixId }
  | {
      readonly phase: 'unavailable'
      readonly fixId: FixId
      readonly reason: { readonly key: string; readonly args?: Readonly<Record<string, string | number>> }
    }
  | { readonly phase: 'confirm'; readonly fixId: FixId; readonly plan: Plan; readonly digest: string; readonly options: FixOptions; readonly planPhase: number }
  | { readonly phase: 'applying'; readonly fixId: FixId; readonly plan: Plan; readonly planPhase: number; readonly steps: readonly StepReport[] }
  | {
      readonly phase: 'result'
      readonly fixId: FixId
      readonly plan: Plan
      readonly planPhase: number
      readonly options: FixOptions
      readonly result: ApplyResult
    }
  | { readonly phase: 'error'; readonly fixId: FixId; readonly error: IpcError }

export type ResumeInfo = Output<'session:resume'>
export type HistoryItem = Output<'fix:history'>[number]
export type InterruptedRunInfo = Output<'fix:interrupted'>[number]
export type UndoResult = Output<'fix:undo'>
/** The three versions of a file an undo found changed since our fix (base64 of the bytes; null: no file). */
export type FileVersions = Omit<Extract<UndoResult, { status: 'file-changed' }>, 'status'>

/** One Verify verdict, for the report's "what was tried". */
export interface VerifyLogEntry {
  readonly fixId: FixId
  readonly verdict: VerifyVerdict['kind']
  readonly at: string
}

/** The PC before the first fix of this session, for the report. */
export interface StateBeforeFirstFix {
  readonly takenAt: string
  readonly findings: readonly FindingId[]
}

export interface WizardState {
  readonly step: WizardStep
  readonly locale: Locale
  /** True once the user picked a language: the OS preference no longer overrides it. */
  readonly localeChosen: boolean
  readonly appInfo: AppInfo | null
  readonly startupError: IpcError | null
  readonly allowWslStart: boolean
  /** What the user pasted from WSL's output (any language); the rules read it with the scan. */
  readonly pastedOutput: string
  /** A fix ran since the paste: it describes the PC before that fix, so the rules no longer read it. */
  readonly pasteStale: boolean
  /** The fix Verify checks, and the PC before it (`verify-state.ts`). */
  readonly verifyContext: VerifyContext | null
  readonly verifyLog: readonly VerifyLogEntry[]
  readonly stateBeforeFirstFix: StateBeforeFirstFix | null
  readonly scan: ScanState
  readonly fix: FixState
  readonly history: readonly HistoryItem[]
  readonly resume: ResumeInfo
  /**
   * What the last undo answered. `versions`: the file changed since our fix — the three versions to
   * choose from; `kept-current`: the user chose to keep the current file (nothing was restored).
   */
  readonly undoStatus: {
    readonly entryId: string
    readonly status: 'running' | 'kept-current' | UndoResult['status']
    readonly detail?: string
    readonly versions?: FileVersions
  } | null
  /** Runs the journal shows as never finished, found at start (recovery panel). */
  readonly interrupted: readonly InterruptedRunInfo[]
  /** Finish (plan again), undo or keep one interrupted run; needs a scan first (current state). */
  readonly recoverRun: (entryId: string, action: 'finish' | 'undo' | 'keep') => Promise<void>
  readonly restartStatus: 'idle' | 'restarting' | 'failed'
  readonly initialize: () => Promise<void>
  readonly planFix: (fixId: FixId, options?: FixOptions, planPhase?: number) => Promise<void>
  readonly applyFix: () => Promise<void>
  readonly closeFix: () => void
  /** `overwrite`: restore the version before our fix over this current file (the three-version choice). */
  readonly undoFix: (entryId: string, overwrite?: { readonly currentBase64: string | null }) => Promise<void>
  /** The three-version choice "keep the current file": nothing is restored. */
  readonly keepCurrentFile: (entryId: string) => void
  readonly restartWindows: () => Promise<void>
  readonly goTo: (step: WizardStep) => void
  readonly setLocale: (locale: Locale) => void
  readonly setAllowWslStart: (allow: boolean) => void
  readonly setPastedOutput: (text: string) => void
  /** `stay`: scan without leaving the current step (resuming a fix after a restart). */
  readonly startScan: (options?: { readonly stay?: boolean }) => Promise<void>
  /** After a restart: scan again, then open the next part's confirm screen (one journey). */
  readonly continueFix: () => Promise<void>
  readonly cancelScan: () => Promise<void>
}

export type WizardStore = StoreApi<WizardState>

export interface StoreOptions {
  /** The browser's language list, used until the OS answers (and in the browser demo). */
  readonly browserLocales?: readonly string[]
  readonly newScanId?: () => string
  readonly now?: () => number
}

/**
 * The wizard's state and actions, created around an injected bridge: the app passes
 * `window.doctor`, tests pass their own. Decisions stay in `shared/`; this only coordinates.
 */
export function createWizardStore(api: DoctorApi, options: StoreOptions = {}): WizardStore {
  const now = options.now ?? (() => Date.now())
  const newScanId = options.newScanId ?? randomScanId
  let unsubscribe: (() => void) | null = null

  return createStore<WizardState>()((set, get) => {
    /** Records the verdict Verify shows now (for the report's "what was tried"). */
    const logVerdict = async () => {
      const { verifyOutcome } = await loadVerifyState()
      const outcome = verifyOutcome(get())
      if (outcome === null) return
      set({ verifyLog: [...get().verifyLog, { fixId: outcome.fixId, verdict: outcome.verdict.kind, at: new Date(now()).toISOString() }] })
    }
    return {
      step: 'welcome',
      locale: pickLocale(options.browserLocales ?? []),
      localeChosen: false,
      appInfo: null,
      startupError: null,
      allowWslStart: false,
      pastedOutput: '',
      pasteStale: false,
      verifyContext: null,
      verifyLog: [],
      stateBeforeFirstFix: null,
      scan: { phase: 'idle' },
      fix: { phase: 'idle' },
      history: [],
      resume: null,
      undoStatus: null,
      interrupted: [],
      restartStatus: 'idle',

      async initialize() {
        unsubscribe?.()
        unsubscribe = api.onScanProgress((progress) => {
          const scan = get().scan
          if (scan.phase !== 'running' || scan.scanId !== progress.scanId) return
          set({ scan: withProgress(scan, progress, now()) })
        })
        api.onFixProgress((progress) => {
          const fix = get().fix
          if (fix.phase !== 'applying' || fix.fixId !== progress.fixId || fix.planPhase !== progress.phase) return
          const steps = fix.steps.map((s) => (s.index === progress.index ? { index: progress.index, status: progress.status, detail: progress.detail } : s))
          set({ fix: { ...fix, steps } })
        })
        const info = await api.getAppInfo()
        if (!info.ok) {
          set({ startupError: info.error })
          return
        }
        const osLocale = info.value.osLocales.length > 0 ? pickLocale(info.value.osLocales) : get().locale
        set({ appInfo: info.value, locale: get().localeChosen ? get().locale : osLocale })
        const resume = await api.resumeState()
        if (resume.ok && resume.value !== null) {
          const r = resume.value
          // One journey over restarts: the consent given before the restart still holds, and the
          // fix's "before" comes from the resume state (the page was reloaded).
          set({
            resume: r,
            step: 'fix',
            allowWslStart: r.allowWslStart ?? get().allowWslStart,
            verifyContext: r.rebooted
              ? { fixId: r.fixId, findingsBefore: [], idsBefore: r.findingsBefore, snapshotBefore: null, ready: r.nextPhase === null }
              : get().verifyContext,
          })
        }
        const history = await api.fixHistory()
        if (history.ok) set({ history: history.value })
        const interrupted = await api.interruptedRuns()
        if (interrupted.ok && interrupted.value.length > 0) set({ interrupted: interrupted.value, step: 'fix' })
      },

      async recoverRun(entryId, action) {
        const run = get().interrupted.find((r) => r.entryId === entryId)
        if (!run) return
        const result = await api.recoverRun({ entryId, action })
        if (!result.ok) return set({ undoStatus: { entryId, status: 'failed', detail: result.error.code } })
        const value = result.value
        if (value.status === 'busy') return set({ undoStatus: { entryId, status: 'busy' } })
        if (value.status === 'undo') {
          set({ undoStatus: undoStatusOf(entryId, value.undo) })
          if (value.undo.status !== 'undone' && value.undo.status !== 'nothing-to-undo') return
        }
        set({ interrupted: get().interrupted.filter((r) => r.entryId !== entryId) })
        const history = await api.fixHistory()
        if (history.ok) set({ history: history.value })
        if (value.status === 'closed' && value.action === 'finish') await get().planFix(run.fixId)
      },

      async planFix(fixId, options = {}, planPhase = 0) {
        set({ step: 'fix', fix: { phase: 'planning', fixId } })
        const result = await api.planFix({ fixId, options, phase: planPhase })
        if (!result.ok) return set({ fix: { phase: 'error', fixId, error: result.error } })
        const value = result.value
        if (!value.available) return set({ fix: { phase: 'unavailable', fixId, reason: value.reason } })
        set({ fix: { phase: 'confirm', fixId, plan: value.plan, digest: value.digest, options, planPhase } })
      },

      async applyFix() {
        const fix = get().fix
        if (fix.phase !== 'confirm') return
        const steps = (fix.plan.phases[fix.planPhase]?.steps ?? []).map((_, index) => ({ index, status: 'pending' as const, detail: null }))
        const state = get()
        // "Before" is the PC before the fix's first part, kept across its later parts.
        if (fix.planPhase === 0 || state.verifyContext?.fixId !== fix.fixId) {
          const { currentFindings } = await loadCurrentFindings()
          const before = currentFindings(state)
          const snapshotBefore = state.scan.phase === 'finished' ? state.scan.snapshot : null
          set({
            verifyContext: { fixId: fix.fixId, findingsBefore: before, idsBefore: before.map((f) => f.id), snapshotBefore, ready: false },
            stateBeforeFirstFix: state.stateBeforeFirstFix ?? (snapshotBefore ? { takenAt: snapshotBefore.takenAt, findings: before.map((f) => f.id) } : null),
          })
        }
        set({ fix: { phase: 'applying', fixId: fix.fixId, plan: fix.plan, planPhase: fix.planPhase, steps } })
        const result = await api.applyFix({ fixId: fix.fixId, options: fix.options, phase: fix.planPhase, digest: fix.digest })
        if (!result.ok) return set({ fix: { phase: 'error', fixId: fix.fixId, error: result.error } })
        const value = result.value
        set({ fix: { phase: 'result', fixId: fix.fixId, plan: fix.plan, planPhase: fix.planPhase, options: fix.options, result: value }, resume: null })
        if (value.status === 'completed') {
          // The probes the fix re-ran, merged into the scan: Findings, Verify and the report show the PC as it is now.
          const scan = get().scan
          if (value.snapshot !== null && scan.phase === 'finished') set({ scan: { ...scan, snapshot: value.snapshot } })
          const context = get().verifyContext
          const done = value.nextPhase === null && !value.rebootRequired
          set({ pasteStale: get().pastedOutput.trim() !== '', ...(context && done ? { verifyContext: { ...context, ready: true } } : {}) })
        }
        const history = await api.fixHistory()
        if (history.ok) set({ history: history.value })
        if (value.status === 'completed' && value.nextPhase === null && !value.rebootRequired) await logVerdict()
      },

      keepCurrentFile(entryId) {
        set({ undoStatus: { entryId, status: 'kept-current' } })
      },

      closeFix() {
        set({ fix: { phase: 'idle' } })
      },

      async undoFix(entryId, overwrite) {
        set({ undoStatus: { entryId, status: 'running' } })
        const result = await api.undoFix(overwrite === undefined ? { entryId } : { entryId, overwrite })
        if (!result.ok) return set({ undoStatus: { entryId, status: 'failed', detail: result.error.code } })
        set({ undoStatus: undoStatusOf(entryId, result.value) })
        const history = await api.fixHistory()
        if (history.ok) set({ history: history.value })
      },

      async restartWindows() {
        const fix = get().fix
        if (fix.phase !== 'result' || fix.result.status !== 'completed') return
        set({ restartStatus: 'restarting' })
        const result = await api.restartWindows({ fixId: fix.fixId, options: fix.options, nextPhase: fix.result.nextPhase })
        set({ restartStatus: result.ok && result.value.status === 'restarting' ? 'restarting' : 'failed' })
      },

      goTo(step) {
        set({ step })
      },

      setLocale(locale) {
        set({ locale, localeChosen: true })
      },

      setAllowWslStart(allow) {
        set({ allowWslStart: allow })
      },

      setPastedOutput(text) {
        // Bounded: this is pasted terminal output, not a file.
        set({ pastedOutput: text.slice(0, 20_000), pasteStale: false })
      },

      async continueFix() {
        const resume = get().resume
        if (resume === null || !resume.rebooted || resume.nextPhase === null) return
        await get().startScan({ stay: true })
        if (get().scan.phase !== 'finished') return
        await get().planFix(resume.fixId, resume.options, resume.nextPhase)
      },

      async startScan(scanOptions = {}) {
        if (get().scan.phase === 'running') return
        const scanId = newScanId()
        const startedAt = now()
        set({ ...(scanOptions.stay ? {} : { step: 'scan' as const }), scan: { phase: 'running', scanId, startedAt, probes: {}, facts: {} } })
        const result = await api.runScan({ scanId, allowWslStart: get().allowWslStart })
        const current = get().scan
        const probes = current.phase === 'running' ? current.probes : {}
        if (!result.ok) {
          set({ scan: { phase: 'failed', error: result.error } })
          return
        }
        set({
          scan: {
            phase: 'finished',
            outcome: result.value.outcome,
            durationMs: now() - startedAt,
            probes,
            snapshot: result.value.snapshot,
          },
        })
        // The scan after the last restart of a fix is its "after": Verify has its verdict now.
        if (get().verifyContext?.ready === true && get().resume?.rebooted === true) await logVerdict()
      },

      async cancelScan() {
        const scan = get().scan
        if (scan.phase !== 'running') return
        await api.cancelScan({ scanId: scan.scanId })
      },
    }
  })
}

type RunningScan = Extract<ScanState, { phase: 'running' }>

/** One progress event applied to a running scan: the probe's status, and its fact once answered. */
function withProgress(scan: RunningScan, progress: ScanProgress, at: number): RunningScan {
  const probeId = progress.probeId
  const since = progress.status === 'slow' ? (scan.probes[probeId]?.since ?? at) : at
  switch (progress.status) {
    case 'queued':
    case 'running':
      return { ...scan, probes: { ...scan.probes, [probeId]: { status: progress.status, since } } }
    case 'slow':
      return { ...scan, probes: { ...scan.probes, [probeId]: { status: 'slow', limitMs: progress.limitMs, since } } }
    case 'known': {
      const entry: ProbeProgress = { status: 'known', durationMs: progress.durationMs, since }
      return { ...scan, probes: { ...scan.probes, [probeId]: entry }, facts: { ...scan.facts, [probeId]: progress.fact[probeId] } }
    }
    case 'unknown': {
      const entry: ProbeProgress = { status: 'unknown', durationMs: progress.durationMs, reason: progress.reason, since }
      return { ...scan, probes: { ...scan.probes, [probeId]: entry }, facts: { ...scan.facts, [probeId]: progress.fact[probeId] } }
    }
    default:
      return assertNever(progress, 'scan progress')
  }
}

/** 32 hex digits from `getRandomValues` (unlike `randomUUID`, it works outside secure contexts). */
function randomScanId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The store's undo status for an undo answer (the three versions kept for the chooser). */
function undoStatusOf(entryId: string, value: UndoResult): NonNullable<WizardState['undoStatus']> {
  switch (value.status) {
    case 'failed':
    case 'refused':
      return { entryId, status: value.status, detail: value.detail }
    case 'file-changed': {
      const { status, ...versions } = value
      return { entryId, status, versions }
    }
    case 'undone':
    case 'declined':
    case 'nothing-to-undo':
    case 'busy':
      return { entryId, status: value.status }
  }
}
