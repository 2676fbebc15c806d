import type { Channel, EventChannel, EventPayload, Input, Output } from './contract'
import type { Result } from './result'

/**
 * The named methods the preload exposes, each bound to one channel.
 *
 * The preload builds `window.doctor` from this table and nothing else: no generic `invoke`, no
 * `ipcRenderer`, no event objects reach the page (Electron security checklist item 20).
 */
export const BRIDGE_METHODS = {
  getAppInfo: 'app:get-info',
  runScan: 'scan:run',
  cancelScan: 'scan:cancel',
  planFix: 'fix:plan',
  applyFix: 'fix:apply',
  undoFix: 'fix:undo',
  fixHistory: 'fix:history',
  interruptedRuns: 'fix:interrupted',
  recoverRun: 'fix:recover',
  restartWindows: 'system:restart',
  resumeState: 'session:resume',
} as const satisfies Record<string, Channel>

/** Event subscriptions the preload exposes; each returns an unsubscribe function. */
export const BRIDGE_EVENTS = {
  onScanProgress: 'scan:progress',
  onFixProgress: 'fix:progress',
} as const satisfies Record<string, EventChannel>

type MethodChannels = typeof BRIDGE_METHODS
type EventChannels = typeof BRIDGE_EVENTS

type Method<C extends Channel> = Input<C> extends undefined ? () => Promise<Result<Output<C>>> : (input: Input<C>) => Promise<Result<Output<C>>>

/** `window.doctor`: derived from the contract, so every bridge (Electron, test, demo) has this shape. */
export type DoctorApi = { readonly [M in keyof MethodChannels]: Method<MethodChannels[M]> } & {
  readonly [E in keyof EventChannels]: (listener: (payload: EventPayload<EventChannels[E]>) => void) => () => void
}

/** The global name of the bridge object in the page. */
export const BRIDGE_GLOBAL = 'doctor'
