import type { AnyFactEntry, MachineSnapshot } from '../../shared/machine/snapshot'
import { SNAPSHOT_SCHEMA_VERSION } from '../../shared/machine/snapshot'
import { PROBE_IDS, PROBE_TRAITS, type ProbeId } from '../../shared/probes/probe-ids'
import type { ScanProgress } from '../../shared/scan/scan-progress'
import type { PowerShellHost } from '../powershell/host'
import { PROBE_TIMEOUT_MS } from '../probes/probe-timeouts'
import type { ScriptCatalog } from '../probes/script-catalog'
import { runProbe } from './run-probe'
import type { DistributiveOmit } from '../../shared/util/distributive-omit'

type ProgressWithoutScanId = DistributiveOmit<ScanProgress, 'scanId'>

export interface ScanDeps {
  readonly host: PowerShellHost
  readonly catalog: ScriptCatalog
  readonly appVersion: string
  readonly source: MachineSnapshot['source']
  readonly now: () => Date
}

export interface ScanRequest {
  readonly scanId: string
  readonly allowWslStart: boolean
  readonly signal: AbortSignal
  readonly onProgress: (progress: ScanProgress) => void
  /** How many probes may run at once; the real host serialises inside one session anyway. */
  readonly concurrency?: number
  readonly probes?: readonly ProbeId[]
  readonly timeouts?: Partial<Record<ProbeId, number>>
}

export interface ScanOutcome {
  readonly outcome: 'completed' | 'cancelled'
  readonly snapshot: MachineSnapshot
}

/**
 * Runs the probes with bounded concurrency, streaming per-probe progress, and builds the snapshot.
 *
 * Probes that start WSL run only when `allowWslStart` is set; otherwise they are recorded as
 * unknown with reason `no-consent`. Cancelling aborts running probes and skips queued ones.
 */
export async function runScan(deps: ScanDeps, request: ScanRequest): Promise<ScanOutcome> {
  const probes = request.probes ?? PROBE_IDS
  const facts: Partial<Record<ProbeId, AnyFactEntry>> = {}
  const report = (progress: ProgressWithoutScanId) => request.onProgress({ ...progress, scanId: request.scanId })

  const queue: ProbeId[] = []
  for (const probeId of probes) {
    if (PROBE_TRAITS[probeId].startsWsl && !request.allowWslStart) {
      facts[probeId] = { status: 'unknown', durationMs: 0, reason: 'no-consent' }
      report({ probeId, status: 'unknown', durationMs: 0, reason: 'no-consent' })
    } else {
      queue.push(probeId)
      report({ probeId, status: 'queued' })
    }
  }

  const worker = async () => {
    for (let probeId = queue.shift(); probeId !== undefined; probeId = queue.shift()) {
      if (request.signal.aborted) {
        facts[probeId] = { status: 'unknown', durationMs: 0, reason: 'cancelled' }
        report({ probeId, status: 'unknown', durationMs: 0, reason: 'cancelled' })
        continue
      }
      report({ probeId, status: 'running' })
      const timeoutMs = request.timeouts?.[probeId] ?? PROBE_TIMEOUT_MS[probeId]
      const fact = await runProbe(probeId, deps, { timeoutMs, signal: request.signal })
      facts[probeId] = fact
      report(
        fact.status === 'known'
          ? { probeId, status: 'known', durationMs: fact.durationMs }
          : { probeId, status: 'unknown', durationMs: fact.durationMs, reason: fact.reason },
      )
    }
  }
  // Longest first (timeouts track cost: wsl-startup boots a VM), so the slow probes overlap the rest.
  queue.sort((a, b) => PROBE_TIMEOUT_MS[b] - PROBE_TIMEOUT_MS[a])
  const workers = Math.max(1, Math.min(request.concurrency ?? 3, queue.length))
  await Promise.all(Array.from({ length: workers }, worker))

  const snapshot: MachineSnapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    appVersion: deps.appVersion,
    takenAt: deps.now().toISOString(),
    source: deps.source,
    facts: facts as MachineSnapshot['facts'],
  }
  return { outcome: request.signal.aborted ? 'cancelled' : 'completed', snapshot }
}
