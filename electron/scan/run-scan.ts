import type { AnyFactEntry, MachineSnapshot } from '../../shared/machine/snapshot'
import { SNAPSHOT_SCHEMA_VERSION } from '../../shared/machine/snapshot'
import { PROBE_IDS, PROBE_TRAITS, type ProbeId } from '../../shared/probes/probe-ids'
import type { ScanProgress } from '../../shared/scan/scan-progress'
import type { PowerShellHost } from '../powershell/host'
import { PROBE_TIMEOUT_MS, PROBE_TYPICAL_MS, SCAN_CONCURRENCY, SPARE_SESSIONS, slowAfterMs } from '../probes/probe-timeouts'
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
  /** How many probes run at once while none is slow (the host needs that many sessions). */
  readonly concurrency?: number
  /** Extra probes that may start while slow ones hold their sessions (the host's spare sessions). */
  readonly spareSessions?: number
  readonly probes?: readonly ProbeId[]
  readonly timeouts?: Partial<Record<ProbeId, number>>
  /** Overrides of when a running probe counts as slow (tests). */
  readonly slowAfter?: Partial<Record<ProbeId, number>>
}

export interface ScanOutcome {
  readonly outcome: 'completed' | 'cancelled'
  readonly snapshot: MachineSnapshot
}

/**
 * Runs the probes with bounded concurrency, streaming per-probe progress (with each fact, so the
 * renderer can diagnose while the scan runs), and builds the snapshot.
 *
 * Longest first, so slow reads overlap the quick ones. A probe still running past its
 * `slowAfterMs` is reported `slow` and stops counting against the concurrency: the next probe
 * starts on a spare session (up to `spareSessions` such), so one hung CIM or wsl.exe call cannot
 * hold the others up; the slow one goes on up to its own limit, then is `unknown: timeout`.
 *
 * Probes that start WSL run only when `allowWslStart` is set; otherwise they are recorded as
 * unknown with reason `no-consent`. Cancelling aborts running probes and skips queued ones.
 */
export async function runScan(deps: ScanDeps, request: ScanRequest): Promise<ScanOutcome> {
  const probes = request.probes ?? PROBE_IDS
  const facts: Partial<Record<ProbeId, AnyFactEntry>> = {}
  const report = (progress: ProgressWithoutScanId) => request.onProgress({ ...progress, scanId: request.scanId })
  const settle = (probeId: ProbeId, fact: AnyFactEntry) => {
    facts[probeId] = fact
    const one = { [probeId]: fact } as MachineSnapshot['facts']
    report(
      fact.status === 'known'
        ? { probeId, status: 'known', durationMs: fact.durationMs, fact: one }
        : { probeId, status: 'unknown', durationMs: fact.durationMs, reason: fact.reason, fact: one },
    )
  }

  const queue: ProbeId[] = []
  for (const probeId of probes) {
    if (PROBE_TRAITS[probeId].startsWsl && !request.allowWslStart) {
      settle(probeId, { status: 'unknown', durationMs: 0, reason: 'no-consent' })
    } else {
      queue.push(probeId)
      report({ probeId, status: 'queued' })
    }
  }
  queue.sort((a, b) => PROBE_TYPICAL_MS[b] - PROBE_TYPICAL_MS[a])

  const concurrency = Math.max(1, request.concurrency ?? SCAN_CONCURRENCY)
  const maxInFlight = concurrency + Math.max(0, request.spareSessions ?? SPARE_SESSIONS)
  let inFlight = 0
  let notSlow = 0
  let finish: () => void = () => undefined
  const finished = new Promise<void>((resolve) => (finish = resolve))

  const pump = () => {
    while (queue.length > 0 && request.signal.aborted) settle(queue.shift()!, { status: 'unknown', durationMs: 0, reason: 'cancelled' })
    while (queue.length > 0 && notSlow < concurrency && inFlight < maxInFlight) start(queue.shift()!)
    if (queue.length === 0 && inFlight === 0) finish()
  }

  const start = (probeId: ProbeId) => {
    inFlight += 1
    notSlow += 1
    let slow = false
    report({ probeId, status: 'running' })
    const timeoutMs = request.timeouts?.[probeId] ?? PROBE_TIMEOUT_MS[probeId]
    const slowTimer = setTimeout(
      () => {
        slow = true
        notSlow -= 1
        report({ probeId, status: 'slow', limitMs: timeoutMs })
        pump()
      },
      request.slowAfter?.[probeId] ?? slowAfterMs(probeId),
    )
    void runProbe(probeId, deps, { timeoutMs, signal: request.signal }).then((fact) => {
      clearTimeout(slowTimer)
      inFlight -= 1
      if (!slow) notSlow -= 1
      settle(probeId, fact)
      pump()
    })
  }

  request.signal.addEventListener('abort', pump, { once: true })
  pump()
  await finished
  request.signal.removeEventListener('abort', pump)

  const snapshot: MachineSnapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    appVersion: deps.appVersion,
    takenAt: deps.now().toISOString(),
    source: deps.source,
    facts: Object.fromEntries(probes.flatMap((id) => (facts[id] ? [[id, facts[id]]] : []))),
  }
  return { outcome: request.signal.aborted ? 'cancelled' : 'completed', snapshot }
}
