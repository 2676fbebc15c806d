import type { Evidence } from '../finding'
import type { FixId } from '../fix-ids'
import type { MachineView } from '../machine-view'
import { evidence } from './rule'

/** The Active Directory domain this PC is joined to, or null (not joined, not read, or an older snapshot). */
function joinedDomain(view: MachineView): string | null {
  if (!view.virtualization.known) return null
  const domain = view.virtualization.value.domain
  return domain?.partOfDomain === true ? (domain.name ?? '') : null
}

/**
 * What a rule adds when the value its fix changes may belong to the organisation and the scan could
 * not tell who set it (docs/knowledge/host-network-probes.md#managed-pc): on a PC joined to a domain,
 * Group Policy Preferences, startup scripts and management tools write such values without leaving a
 * trace the scan reads, and write them again later. The one-click fix stays offered (the value may
 * as well have been set by hand or by a tool; the check after it shows whether it lasted); asking IT
 * is added as a further rung.
 */
export function managedPcCaution(view: MachineView): { evidence: Evidence[]; fixes: FixId[] } {
  const domain = joinedDomain(view)
  if (domain === null) return { evidence: [], fixes: [] }
  return {
    evidence: [domain === '' ? evidence('ev.pcInUnnamedDomain', 'virtualization') : evidence('ev.pcInDomain', 'virtualization', { domain })],
    fixes: ['policy-contact-it'],
  }
}
