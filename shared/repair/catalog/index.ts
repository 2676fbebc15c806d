import type { FixDefinition } from '../fix-definition'
import { systemFixes } from './system-fixes'
import { wslconfigFixes } from './wslconfig-fixes'

/** Every fix the app can apply. Fix ids not here are guidance only. */
export const FIX_CATALOG: readonly FixDefinition[] = [...wslconfigFixes, ...systemFixes]

/** The catalog entry for an id: any `FixId`, or an id from outside (a guidance-only id finds none). */
export function findFix(id: string): FixDefinition | undefined {
  return FIX_CATALOG.find((fix) => fix.id === id)
}
