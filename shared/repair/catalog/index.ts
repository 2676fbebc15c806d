import type { FixId } from '../../diagnosis/fix-ids'
import type { FixDefinition } from '../fix-definition'
import { systemFixes } from './system-fixes'
import { wslconfigFixes } from './wslconfig-fixes'

/** Every fix the app can apply. Fix ids not here are guidance only. */
export const FIX_CATALOG: readonly FixDefinition[] = [...wslconfigFixes, ...systemFixes]

export function findFix(id: FixId | string): FixDefinition | undefined {
  return FIX_CATALOG.find((fix) => fix.id === id)
}
