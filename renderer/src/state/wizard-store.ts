import { createStore, type StoreApi } from 'zustand/vanilla'
import type { DoctorApi } from '../../../shared/ipc/bridge'
import type { AppInfo } from '../../../shared/ipc/app-info'
import type { IpcError } from '../../../shared/ipc/result'
import type { MachineSnapshot } from '../../../shared/machine/snapshot'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import type { ScanProgress } from '../../../shared/scan/scan-progress'
import type { WizardStep } from '../../../shared/wizard/steps'
import type { DistributiveOmit } from '../../../shared/util/distributive-omit'
import { pickLocale, type Locale } from '../i18n/i18n'

export type ProbeProgress = DistributiveOmit<ScanProgress, 'scanId' | 'probeId'>

export type ScanState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'running'
      readonly scanId: string
      readonly startedAt: number
      readonly probes: Partial<Record<ProbeId, ProbeProgress>>
    }
  | {
      readonly phase: 'finished'
      readonly outcome: 'completed' | 'cancelled'
      readonly durationMs: number
      readonly probes: Partial<Record<ProbeId, ProbeProgress>>
      readonly snapshot: MachineSnapshot
    }
  | { readonly phase: 'failed'; readonly error: IpcError }

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
  readonly scan: ScanState
  readonly initialize: () => Promise<void>
  readonly goTo: (step: WizardStep) => void
  readonly setLocale: (locale: Locale) => void
  readonly setAllowWslStart: (allow: boolean) => void
  readonly setPastedOutput: (text: string) => void
  readonly startScan: () => Promise<void>
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

  return createStore<WizardState>()((set, get) => ({
    step: 'welcome',
    locale: pickLocale(options.browserLocales ?? []),
    localeChosen: false,
    appInfo: null,
    startupError: null,
    allowWslStart: false,
    pastedOutput: '',
    scan: { phase: 'idle' },

    async initialize() {
      unsubscribe?.()
      unsubscribe = api.onScanProgress((progress) => {
        const scan = get().scan
        if (scan.phase !== 'running' || scan.scanId !== progress.scanId) return
        const { scanId: _scanId, probeId, ...rest } = progress
        set({ scan: { ...scan, probes: { ...scan.probes, [probeId]: rest } } })
      })
      const info = await api.getAppInfo()
      if (!info.ok) {
        set({ startupError: info.error })
        return
      }
      const osLocale = info.value.osLocales.length > 0 ? pickLocale(info.value.osLocales) : get().locale
      set({ appInfo: info.value, locale: get().localeChosen ? get().locale : osLocale })
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
      set({ pastedOutput: text.slice(0, 20_000) })
    },

    async startScan() {
      if (get().scan.phase === 'running') return
      const scanId = newScanId()
      const startedAt = now()
      set({ step: 'scan', scan: { phase: 'running', scanId, startedAt, probes: {} } })
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
    },

    async cancelScan() {
      const scan = get().scan
      if (scan.phase !== 'running') return
      await api.cancelScan({ scanId: scan.scanId })
    },
  }))
}

/** 32 hex digits from `getRandomValues` (unlike `randomUUID`, it works outside secure contexts). */
function randomScanId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
