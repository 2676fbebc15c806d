import type { MachineSnapshot } from '../../../shared/machine/snapshot'
import type { WizardStore } from './wizard-store'

/** Snapshots that came from a file, not from a scan of this PC (by identity: the store holds the same object). */
const opened = new WeakSet<MachineSnapshot>()

/**
 * Shows a snapshot someone saved (a helpdesk opening a user's file) as if it were the finished
 * scan, so the Findings and Report steps read it unchanged. Pasted output belonged to the previous
 * PC and is cleared. Kept out of `wizard-store.ts` because it only sets existing state.
 */
export function openSnapshot(store: WizardStore, snapshot: MachineSnapshot): void {
  opened.add(snapshot)
  store.setState({ scan: { phase: 'finished', outcome: 'completed', durationMs: 0, probes: {}, snapshot }, pastedOutput: '' })
}

/** Whether the scan state shows a snapshot opened from a file (labelled as such in the Report step). */
export function isOpenedSnapshot(snapshot: MachineSnapshot): boolean {
  return opened.has(snapshot)
}
