import type { MachineSource } from '../../shared/ipc/app-info'
import { DEFAULT_SCENARIO_ID, SCENARIOS, findScenario } from '../../shared/scenarios'
import type { ProbeId } from '../../shared/probes/probe-ids'
import type { Scenario } from '../../shared/scenarios/scenario'
import { SimulatedPcHost, type SimulatedPcOptions } from './simulated-pc-host'

/**
 * A simulated PC by scenario id, with the machine description the UI shows ("Demo — simulated PC").
 * Throws with the list of known ids when the id is unknown, so a typo on the command line is clear.
 */
export function createSimulatedMachine(
  scenarioId: string = DEFAULT_SCENARIO_ID,
  options: SimulatedPcOptions = {},
  /** Probes that never answer on this PC (ended by their own time limit): `npm run demo -- --hang events`. */
  hang: readonly ProbeId[] = [],
): { readonly host: SimulatedPcHost; readonly machine: MachineSource } {
  const scenario = findScenario(scenarioId)
  if (scenario === undefined) {
    throw new Error(`Unknown scenario "${scenarioId}". Known scenarios: ${SCENARIOS.map((s) => s.id).join(', ')}`)
  }
  return {
    host: new SimulatedPcHost(hang.length === 0 ? scenario : withHungProbes(scenario, hang), options),
    machine: { kind: 'simulated', scenarioId: scenario.id, title: scenario.title },
  }
}

function withHungProbes(scenario: Scenario, hang: readonly ProbeId[]): Scenario {
  const probeBehaviour = { ...scenario.probeBehaviour }
  for (const id of hang) probeBehaviour[id] = { ...probeBehaviour[id], hang: true }
  return { ...scenario, probeBehaviour }
}
