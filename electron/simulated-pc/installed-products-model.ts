import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'

/**
 * What the `installed-products` probe reads (docs/knowledge/installed-products.md#what-is-read):
 * the three Uninstall keys, all present and readable, holding the programs the scenario names.
 * Windows' and OEMs' own entries are left out: they say nothing to the rules, and a made-up
 * stock list would be invented Windows output. Per key in the order the script reads them.
 */
export function installedProducts(scenario: Scenario): FactOf<'installed-products'> {
  const programs = (scenario.network?.installedPrograms ?? []).map((p) => ({
    hive: p.hive ?? 'machine',
    displayName: p.displayName,
    publisher: p.publisher ?? null,
    displayVersion: p.displayVersion ?? null,
  }))
  const order = ['machine', 'machine32', 'user'] as const
  return {
    keys: order.map((hive) => ({ hive, status: 'read' as const })),
    programs: order.flatMap((hive) => programs.filter((p) => p.hive === hive)),
    truncated: false,
  }
}
