import { WslconfigFileFact } from '../../shared/probes/facts/wslconfig-file'
import { runScan, type ScanDeps } from '../scan/run-scan'

/**
 * The `.wslconfig` bytes now, read as the user by the wslconfig-file probe (the same read the scan
 * does), so an undo can tell "still what our fix wrote" from "edited since".
 */
export async function currentFileBase64(scan: ScanDeps): Promise<{ kind: 'known'; base64: string | null } | { kind: 'unknown'; detail: string }> {
  const { snapshot } = await runScan(scan, {
    scanId: 'undo-guard',
    allowWslStart: false,
    probes: ['wslconfig-file'],
    signal: new AbortController().signal,
    onProgress: () => undefined,
  })
  const entry = snapshot.facts['wslconfig-file']
  if (entry?.status !== 'known') return { kind: 'unknown', detail: entry?.status === 'unknown' ? entry.reason : 'not read' }
  const parsed = WslconfigFileFact.safeParse(entry.data)
  if (!parsed.success) return { kind: 'unknown', detail: 'unreadable fact' }
  return { kind: 'known', base64: parsed.data.exists ? parsed.data.contentBase64 : null }
}
