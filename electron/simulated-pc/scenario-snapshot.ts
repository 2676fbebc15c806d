import type { AnyFactEntry, MachineSnapshot } from '../../shared/machine/snapshot'
import { SNAPSHOT_SCHEMA_VERSION } from '../../shared/machine/snapshot'
import { PROBE_IDS, PROBE_TRAITS } from '../../shared/probes/probe-ids'
import { SCENARIOS, findScenario } from '../../shared/scenarios'
import type { Scenario } from '../../shared/scenarios/scenario'
import { probeResponse } from './probe-responses'

/**
 * Scenario → snapshot: what a full scan (WSL start allowed unless `allowWslStart: false`) would
 * record on this simulated PC. The same answers the simulated host gives, without latencies, so
 * the diagnose CLI and rule tests can read any scenario as if it had been scanned.
 */
export function snapshotOfScenario(
  scenario: Scenario,
  options: { readonly appVersion: string; readonly allowWslStart?: boolean; readonly takenAt?: Date },
): MachineSnapshot {
  const facts: Record<string, AnyFactEntry> = {}
  for (const id of PROBE_IDS) {
    const behaviour = scenario.probeBehaviour[id]
    const recorded = scenario.recordedFacts?.[id]
    // A recorded fact (a real snapshot turned scenario) is replayed as it was, unless it only says
    // something about that scan (cancelled, no consent) rather than about the PC.
    if (recorded && !(recorded.status === 'unknown' && (recorded.reason === 'cancelled' || recorded.reason === 'no-consent'))) {
      facts[id] = recorded
      continue
    }
    if (PROBE_TRAITS[id].startsWsl && options.allowWslStart === false) facts[id] = { status: 'unknown', durationMs: 0, reason: 'no-consent' }
    else if (behaviour?.hang) facts[id] = { status: 'unknown', durationMs: 0, reason: 'timeout' }
    else if (behaviour?.garbage !== undefined) facts[id] = { status: 'unknown', durationMs: 0, reason: 'bad-output' }
    else facts[id] = { status: 'known', durationMs: behaviour?.latencyMs ?? 0, data: probeResponse(id, scenario) } as AnyFactEntry
  }
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    appVersion: options.appVersion,
    takenAt: (options.takenAt ?? new Date()).toISOString(),
    source: { kind: 'simulated', scenarioId: scenario.id },
    facts,
  }
}

/** By scenario id, with the list of known ids when it is unknown. */
export function scenarioSnapshot(id: string, appVersion: string): { ok: true; snapshot: MachineSnapshot } | { ok: false; message: string } {
  const scenario = findScenario(id)
  if (scenario === undefined) return { ok: false, message: `Unknown scenario "${id}". Known scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}` }
  return { ok: true, snapshot: snapshotOfScenario(scenario, { appVersion }) }
}
