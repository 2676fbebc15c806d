import type { PolicyStartType } from '../probes/facts/services'
import type { MachineView } from './machine-view'

/**
 * Who pins a service's start type, as far as the scan can tell
 * (docs/knowledge/host-network-probes.md#who-set-a-start-type):
 * - `group-policy`: the winning Group Policy "System Services" setting for it. Windows re-applies
 *   security policy at every refresh (at the latest every 16 hours, KB 277543), so a change made by
 *   hand or by this app is set back: the fix is the organisation's to make.
 * - `not-group-policy`: RSoP was read and no GPO's System Services setting names it. Group Policy
 *   Preferences, scripts and tools are not recorded there, so this is not "nobody set it".
 * - `unknown`: services unknown, a snapshot older than this read, or RSoP unreadable (a standard
 *   user may be refused `root\rsop\computer`).
 */
export type ServiceStartOwner =
  | { readonly kind: 'group-policy'; readonly startType: PolicyStartType; readonly gpo: string | null }
  | { readonly kind: 'not-group-policy' }
  | { readonly kind: 'unknown'; readonly reason: string }

export function serviceStartOwner(view: MachineView, name: string): ServiceStartOwner {
  const policy = view.servicePolicy
  if (!policy.known) return { kind: 'unknown', reason: policy.reason }
  if (policy.value === null) return { kind: 'unknown', reason: 'not-recorded' }
  switch (policy.value.status) {
    case 'unreadable':
      return { kind: 'unknown', reason: policy.value.reason }
    case 'read': {
      const setting = policy.value.settings.find((s) => s.service.toLowerCase() === name.toLowerCase())
      if (setting === undefined) return { kind: 'not-group-policy' }
      return { kind: 'group-policy', startType: setting.startType, gpo: gpoName(setting.gpoId) }
    }
  }
}

/** A Group Policy keeps this service disabled: offering to re-enable it would be undone. */
export function policyKeepsDisabled(view: MachineView, name: string): boolean {
  const owner = serviceStartOwner(view, name)
  return owner.kind === 'group-policy' && owner.startType === 'disabled'
}

/** `CN={GUID},CN=Policies,…` (RSOP_PolicySetting.GPOID) → `{GUID}`, what gpresult and GPMC show. */
function gpoName(gpoId: string | null): string | null {
  if (gpoId === null) return null
  return /\{[0-9a-f-]{36}\}/i.exec(gpoId)?.[0] ?? gpoId
}
