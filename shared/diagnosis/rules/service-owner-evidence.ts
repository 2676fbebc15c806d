import type { Evidence, Unknown } from '../finding'
import type { FixId } from '../fix-ids'
import type { MachineView } from '../machine-view'
import { serviceStartOwner } from '../service-start-owner'
import { managedPcCaution } from './managed-pc-caution'
import { evidence, unknown } from './rule'

/**
 * What a rule that found `name` disabled says about who disabled it (docs/knowledge/host-network-probes.md#who-set-a-start-type):
 * a Group Policy that keeps it disabled (then IT owns the fix: policy-contact-it), no System Services
 * policy naming it (a tool or a hand edit, the usual case in the threads), or "can't tell".
 */
export function disabledServiceOwner(view: MachineView, name: string): { evidence: Evidence[]; unknowns: Unknown[]; fixes: FixId[] } {
  const owner = serviceStartOwner(view, name)
  switch (owner.kind) {
    case 'group-policy':
      return owner.startType === 'disabled'
        ? { evidence: [evidence('ev.servicePolicyDisables', 'services', { service: name, gpo: owner.gpo ?? '?' })], unknowns: [], fixes: ['policy-contact-it'] }
        : { evidence: [], unknowns: [], fixes: [] }
    case 'not-group-policy': {
      // No System Services policy names it; a domain's Preferences or scripts still may (managed-pc-caution.ts).
      const caution = managedPcCaution(view)
      return { evidence: [evidence('ev.serviceNotByGroupPolicy', 'services', { service: name }), ...caution.evidence], unknowns: [], fixes: caution.fixes }
    }
    case 'unknown': {
      const caution = managedPcCaution(view)
      return { evidence: caution.evidence, unknowns: [unknown('un.servicePolicyUnknown', { service: name, reason: owner.reason })], fixes: caution.fixes }
    }
  }
}
