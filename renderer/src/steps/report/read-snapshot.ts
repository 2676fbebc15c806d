import { MachineSnapshot, SNAPSHOT_SCHEMA_VERSION } from '../../../../shared/machine/snapshot'

/** Why a file is not a snapshot this app can open; each has its own message. */
export type SnapshotFileError =
  | { readonly kind: 'not-json' }
  | { readonly kind: 'not-snapshot' }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'read' }

export type SnapshotFileResult = { readonly ok: true; readonly snapshot: MachineSnapshot } | { readonly ok: false; readonly error: SnapshotFileError }

/** Snapshots are a few hundred KiB at most (`.wslconfig` is capped at 1 MiB, base64). */
export const MAX_SNAPSHOT_BYTES = 8 * 1024 * 1024

/**
 * File text → snapshot, validated with the same schema the app writes, so an opened file can never
 * put something the rules do not expect into the store. A newer format gets its own message.
 */
export function parseSnapshotText(text: string): SnapshotFileResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, error: { kind: 'not-json' } }
  }
  const parsed = MachineSnapshot.safeParse(json)
  if (parsed.success) return { ok: true, snapshot: parsed.data }
  const version = typeof json === 'object' && json !== null && 'schemaVersion' in json ? json.schemaVersion : undefined
  if (typeof version === 'number' && version > SNAPSHOT_SCHEMA_VERSION) return { ok: false, error: { kind: 'newer', version } }
  return { ok: false, error: { kind: 'not-snapshot' } }
}

/** Reads a chosen file with FileReader (no Node in the renderer) and parses it. */
export function readSnapshotFile(file: Blob): Promise<SnapshotFileResult> {
  if (file.size > MAX_SNAPSHOT_BYTES) return Promise.resolve({ ok: false, error: { kind: 'too-large' } })
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(typeof reader.result === 'string' ? parseSnapshotText(reader.result) : { ok: false, error: { kind: 'read' } })
    reader.onerror = () => resolve({ ok: false, error: { kind: 'read' } })
    reader.readAsText(file)
  })
}
