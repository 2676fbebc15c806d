import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ProbeId } from '../../shared/probes/probe-ids'
import type { Dispatch } from '../ipc/dispatcher'
import { createDispatcher } from '../ipc/dispatcher'
import { createHandlers } from '../ipc/create-handlers'
import { simulatedRepairRuntime } from './simulated-repair-runtime'
import { isTrustedSender, type IpcSender } from '../ipc/sender'
import { createFsScriptCatalog } from '../probes/fs-script-catalog'
import type { SimulatedPcHost } from './simulated-pc-host'
import { createSimulatedMachine } from './simulated-machine'

const repoRoot = join(__dirname, '..', '..')

export interface SimulatedRuntime {
  readonly dispatch: Dispatch
  readonly host: SimulatedPcHost
}

/**
 * The real handler layer on a simulated PC, outside Electron: what the browser demo and the
 * Playwright `web` project bind the page's bridge to. Scripts come from the source tree, so a
 * missing `.ps1` fails here as it would in the app. Without `trustedOrigins` every sender is trusted
 * (the demo server's own route is the only caller).
 */
export function createSimulatedRuntime(options: {
  readonly scenarioId?: string
  readonly latencyScale?: number
  readonly locales?: readonly string[]
  /** When set, only main frames of these origins may call (as the app requires `app://doctor`). */
  readonly trustedOrigins?: readonly string[]
  /** Probes that hang on this simulated PC (until their own time limit). */
  readonly hang?: readonly ProbeId[]
  /** Probes at once (default 2, so the demo's progress is visible; the app uses SCAN_CONCURRENCY). */
  readonly scanConcurrency?: number
}): SimulatedRuntime {
  const { host, machine } = createSimulatedMachine(options.scenarioId, { latencyScale: options.latencyScale ?? 1 }, options.hang ?? [])
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
  const handlers = createHandlers({
    host,
    repair: simulatedRepairRuntime(host),
    catalog: createFsScriptCatalog(join(repoRoot, 'electron')),
    appInfo: { appVersion: pkg.version, platform: process.platform, machine, osLocales: [...(options.locales ?? [])] },
    scanConcurrency: options.scanConcurrency ?? 2,
  })
  const trusted = options.trustedOrigins
  const isTrusted = trusted === undefined ? () => true : (sender: IpcSender) => isTrustedSender(sender, trusted)
  return { dispatch: createDispatcher(handlers, isTrusted), host }
}
