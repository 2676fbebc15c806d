import type { AppInfo } from '../../shared/ipc/app-info'
import type { PowerShellHost } from '../powershell/host'
import type { ScriptCatalog } from '../probes/script-catalog'
import { runScan, type ScanDeps } from '../scan/run-scan'
import type { Handlers } from './handler-types'
import { createRepairHandlers, type RepairRuntime, type SessionState } from './repair-handlers'

export interface HandlerDeps {
  readonly host: PowerShellHost
  readonly catalog: ScriptCatalog
  readonly appInfo: AppInfo
  readonly repair: RepairRuntime
  readonly now?: () => Date
  /** Probes running at once; the demo and tests may lower it to make progress visible. */
  readonly scanConcurrency?: number
}

/**
 * The main process's handlers, one per contract channel, independent of Electron: the same object
 * serves `ipcMain` in the app, the demo server, and the page bridge in Playwright.
 */
export function createHandlers(deps: HandlerDeps): Handlers {
  const scans = new Map<string, AbortController>()
  const session: SessionState = { snapshot: null, allowWslStart: false }
  const scanDeps: ScanDeps = {
    host: deps.host,
    catalog: deps.catalog,
    appVersion: deps.appInfo.appVersion,
    source: deps.appInfo.machine.kind === 'windows' ? { kind: 'windows' } : { kind: 'simulated', scenarioId: deps.appInfo.machine.scenarioId },
    now: deps.now ?? (() => new Date()),
  }
  return {
    'app:get-info': async () => deps.appInfo,

    'scan:run': async ({ scanId, allowWslStart }, context) => {
      if (scans.has(scanId)) throw new Error(`scan ${scanId} is already running`)
      const controller = new AbortController()
      scans.set(scanId, controller)
      try {
        const outcome = await runScan(scanDeps, {
          scanId,
          allowWslStart,
          signal: controller.signal,
          onProgress: (progress) => context.emit('scan:progress', progress),
          ...(deps.scanConcurrency === undefined ? {} : { concurrency: deps.scanConcurrency }),
        })
        // Fixes are planned from the latest complete scan only.
        if (outcome.outcome === 'completed') {
          session.snapshot = outcome.snapshot
          session.allowWslStart = allowWslStart
        }
        return outcome
      } finally {
        scans.delete(scanId)
      }
    },

    'scan:cancel': async ({ scanId }) => {
      const controller = scans.get(scanId)
      if (controller === undefined) return { cancelled: false }
      controller.abort()
      return { cancelled: true }
    },

    ...createRepairHandlers(scanDeps, session, deps.repair),
  }
}
