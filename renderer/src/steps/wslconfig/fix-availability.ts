import type { Finding } from '../../../../shared/diagnosis/finding'
import type { MachineView } from '../../../../shared/diagnosis/machine-view'
import { findFix } from '../../../../shared/repair/catalog'

/**
 * Whether "Fix these lines" can open a real plan: a finding recommends `wslconfig-fix-key` and the
 * catalog can compute the correction (a did-you-mean spelling or a key in the wrong section).
 * The same check the main process runs before planning, so the button never leads to a dead end.
 */
export function fixKeyAvailable(view: MachineView, findings: readonly Finding[]): boolean {
  const fix = findFix('wslconfig-fix-key')
  if (fix === undefined || !findings.some((f) => f.fixes.includes('wslconfig-fix-key'))) return false
  return fix.unavailable(view, {}) === null
}
