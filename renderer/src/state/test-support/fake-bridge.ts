import type { DoctorApi } from '../../../../shared/ipc/bridge'
import type { AppInfo } from '../../../../shared/ipc/app-info'
import { ok } from '../../../../shared/ipc/result'
import type { MachineSnapshot } from '../../../../shared/machine/snapshot'
import type { ScanProgress } from '../../../../shared/scan/scan-progress'
import type { DistributiveOmit } from '../../../../shared/util/distributive-omit'

/**
 * A bridge for component tests, typed as `DoctorApi` so it cannot drift from the real one.
 * Scans answer with the given snapshot after emitting the given progress events.
 */
export function createFakeBridge(options: {
  readonly appInfo?: Partial<AppInfo>
  readonly snapshot?: MachineSnapshot
  readonly progress?: readonly DistributiveOmit<ScanProgress, 'scanId'>[]
}): DoctorApi & { readonly calls: string[] } {
  const listeners = new Set<(p: ScanProgress) => void>()
  const calls: string[] = []
  const appInfo: AppInfo = { appVersion: '0.1.0', platform: 'win32', machine: { kind: 'windows' }, osLocales: ['en-US'], ...options.appInfo }
  return {
    calls,
    getAppInfo: async () => {
      calls.push('getAppInfo')
      return ok(appInfo)
    },
    runScan: async ({ scanId, allowWslStart }) => {
      calls.push(`runScan:${allowWslStart}`)
      for (const p of options.progress ?? []) listeners.forEach((l) => l({ ...p, scanId }))
      const snapshot = options.snapshot ?? { schemaVersion: 1, appVersion: '0.1.0', takenAt: '2026-11-21T00:00:00Z', source: { kind: 'windows' }, facts: {} }
      return ok({ outcome: 'completed', snapshot })
    },
    cancelScan: async () => ok({ cancelled: false }),
    planFix: async () => ok({ available: false, reason: { key: 'unavailable.noScan' } }),
    applyFix: async () => ok({ status: 'plan-changed' }),
    undoFix: async () => ok({ status: 'nothing-to-undo' }),
    fixHistory: async () => ok([]),
    interruptedRuns: async () => ok([]),
    recoverRun: async () => ok({ status: 'not-found' }),
    restartWindows: async () => ok({ status: 'failed' }),
    resumeState: async () => ok(null),
    onFixProgress: () => () => undefined,
    onScanProgress: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
