import healthyWin11 from './healthy-win11-24h2.json'
import nat0x80041002 from './nat-0x80041002.json'
import seed22000Mirrored from './seed-22000-mirrored.json'
import { Scenario } from './scenario'

/**
 * Every shipped scenario, validated at load. Imported statically (not read from disk) so Vite,
 * Vitest, tsx and Playwright all load the same files the same way.
 */
export const SCENARIOS: readonly Scenario[] = [healthyWin11, seed22000Mirrored, nat0x80041002].map((raw) =>
  Scenario.parse(raw),
)

export const DEFAULT_SCENARIO_ID = 'seed-22000-mirrored'

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id)
}
