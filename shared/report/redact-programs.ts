import type { MachineSnapshot } from '../machine/snapshot'
import { productOfProgram } from '../probes/known-products'

/**
 * The snapshot with the installed programs list cut down to the known products
 * (docs/knowledge/installed-products.md#the-installed-products-probe): the rest of a user's
 * programs says nothing about WSL and is not the helpdesk's business. The rules read only known
 * products, so the findings stay the same; names and versions of the kept entries stay exact.
 */
export function keepKnownProgramsOnly(snapshot: MachineSnapshot): MachineSnapshot {
  const entry = snapshot.facts['installed-products']
  if (entry?.status !== 'known') return snapshot
  const programs = entry.data.programs.filter((p) => productOfProgram(p.displayName) !== null)
  return { ...snapshot, facts: { ...snapshot.facts, 'installed-products': { ...entry, data: { ...entry.data, programs } } } }
}

/** The kept entries' versions: `4.10.05111` or `8.1.2.3` must not read as an address. */
export function programVersions(snapshot: MachineSnapshot): string[] {
  const entry = snapshot.facts['installed-products']
  if (entry?.status !== 'known') return []
  return entry.data.programs.flatMap((p) => (p.displayVersion === null ? [] : [p.displayVersion]))
}
