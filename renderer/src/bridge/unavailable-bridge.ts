import type { DoctorApi } from '../../../shared/ipc/bridge'
import { err } from '../../../shared/ipc/result'

const unavailable = () => Promise.resolve(err('bridge-unavailable'))

/** Used when the page has no bridge at all (opened outside the app): every call says so. */
export const unavailableBridge: DoctorApi = {
  getAppInfo: unavailable,
  runScan: unavailable,
  cancelScan: unavailable,
  planFix: unavailable,
  applyFix: unavailable,
  undoFix: unavailable,
  fixHistory: unavailable,
  interruptedRuns: unavailable,
  recoverRun: unavailable,
  restartWindows: unavailable,
  resumeState: unavailable,
  onScanProgress: () => () => undefined,
  onFixProgress: () => () => undefined,
}
