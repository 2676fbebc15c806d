import type { FixId } from '../diagnosis/fix-ids'
import type { RepairMessageKey } from './messages/en'
import type { ExternalLinkId } from '../security/external-links'

/**
 * What a fix changes for the user beyond its steps, said on its confirm screen: switching the
 * networking mode gives up (or gains) what the other mode does, with Microsoft's page to read
 * more (docs/knowledge/windows-terms.md#networking-modes). One registry; FixConfirm shows it.
 */
export interface ConfirmNote {
  readonly key: RepairMessageKey
  readonly link?: ExternalLinkId
}

export const CONFIRM_NOTES: Partial<Readonly<Record<FixId, readonly ConfirmNote[]>>> = {
  'wslconfig-set-nat': [{ key: 'confirm.natLoses', link: 'doc-wsl-mirrored' }],
  'wslconfig-set-mirrored': [{ key: 'confirm.mirroredGains', link: 'doc-wsl-mirrored' }],
  'wslconfig-set-none': [{ key: 'confirm.noNetwork' }],
}

export function confirmNotes(fixId: FixId): readonly ConfirmNote[] {
  return CONFIRM_NOTES[fixId] ?? []
}
