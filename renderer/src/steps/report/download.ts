import type { MachineSnapshot } from '../../../../shared/machine/snapshot'

/** `wsl-network-doctor-snapshot-2026-11-21.json`, dated by when the snapshot was taken. */
export function snapshotFileName(snapshot: MachineSnapshot): string {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(snapshot.takenAt)?.[0] ?? new Date().toISOString().slice(0, 10)
  return `wsl-network-doctor-snapshot-${date}.json`
}

/**
 * Saves the snapshot through a download link (Blob URL): no Node, no IPC, and the browser or
 * Electron asks where to save it. Returns the file name offered.
 */
export function downloadSnapshot(snapshot: MachineSnapshot): string {
  const name = snapshotFileName(snapshot)
  const url = URL.createObjectURL(new Blob([JSON.stringify(snapshot, null, 2) + '\n'], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return name
}
