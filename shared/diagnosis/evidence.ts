import { z } from 'zod'
import type { MachineSnapshot } from '../machine/snapshot'
import { SNAPSHOT_SCHEMA_VERSION } from '../machine/snapshot'
import { encodeBase64 } from '../util/base64'
import { encodeUtf8 } from '../wslconfig/utf8'
import { parseWslVersionOutput } from '../wsl-output/parse-wsl-version'

/**
 * What a user pasted into a forum post or helpdesk ticket. Every field is optional; text fields
 * are raw, in whatever language the user's Windows printed them. `notes` is the user's own words
 * (or a whole issue body): it is read like pasted output (WSL's messages, Windows' texts, codes) and
 * for what a triager would recognise (`pasted-facts.ts`), each shown as "You said …".
 */
export const UserEvidence = z.object({
  windowsVersion: z.string().optional(),
  windowsEdition: z.string().optional(),
  wslVersionText: z.string().optional(),
  wslconfigText: z.string().optional(),
  wslOutputText: z.string().optional(),
  notes: z.string().optional(),
})
export type UserEvidence = z.infer<typeof UserEvidence>

const WINDOWS_VERSION = /10\.0\.(\d{5})(?:\.(\d+))?/
const BARE_WSL_VERSION = /^\s*v?(\d+\.\d+\.\d+(?:\.\d+)?)\s*$/

function textOutput(text: string, exitCode: number | null) {
  return { exitCode, timedOut: false, stdoutBase64: encodeBase64(encodeUtf8(text)), stderrBase64: '' }
}

/**
 * Maps pasted evidence onto a partial snapshot: each field becomes the fact a probe would have
 * read; everything else stays absent (never run), so rules treat it as unknown rather than fine.
 * The pasted WSL output is returned separately: it is what WSL said, not a probe result.
 */
export function snapshotFromEvidence(evidence: UserEvidence, now: Date, appVersion: string): { snapshot: MachineSnapshot; pastedOutput?: string } {
  const facts: MachineSnapshot['facts'] = {}
  const windows = evidence.windowsVersion ? WINDOWS_VERSION.exec(evidence.windowsVersion) : null
  if (windows?.[1]) {
    const edition = evidence.windowsEdition?.trim() || null
    facts['windows-version'] = {
      status: 'known',
      durationMs: 0,
      data: {
        currentBuild: windows[1],
        ubr: windows[2] === undefined ? null : Number.parseInt(windows[2], 10),
        displayVersion: null,
        editionId: edition,
        // Server editions name themselves (ServerStandard, "Windows Server 2025 …"); otherwise unknown.
        installationType: edition === null ? null : /server/i.test(edition) ? 'Server' : 'Client',
        productName: null,
        uiCulture: null,
      },
    }
  }
  if (evidence.wslVersionText !== undefined && evidence.wslVersionText.trim() !== '') {
    const bare = BARE_WSL_VERSION.exec(evidence.wslVersionText)
    const parsed = parseWslVersionOutput(evidence.wslVersionText)
    const version = bare?.[1] ?? parsed?.wslVersion ?? null
    facts['wsl-install'] = {
      status: 'known',
      durationMs: 0,
      data: {
        wslExePresent: true,
        msiVersion: version,
        appxVersion: null,
        versionOutput: textOutput(evidence.wslVersionText, version === null ? -1 : 0),
        listOutput: null,
        defaultDistributionId: null,
        defaultVersion: null,
        registryDistros: [],
      },
    }
  }
  if (evidence.wslconfigText !== undefined) {
    const bytes = encodeUtf8(evidence.wslconfigText)
    facts['wslconfig-file'] = {
      status: 'known',
      durationMs: 0,
      data: {
        path: '%UserProfile%\\.wslconfig',
        exists: true,
        sizeBytes: bytes.length,
        contentBase64: encodeBase64(bytes),
        lastWriteTimeUtc: null,
        lookalikeFiles: [],
        policy: null,
      },
    }
  }
  const snapshot: MachineSnapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    appVersion,
    takenAt: now.toISOString(),
    source: { kind: 'evidence' },
    facts,
  }
  const pasted = [evidence.wslOutputText, evidence.notes].filter((t): t is string => t !== undefined && t.trim() !== '').join('\n')
  return pasted !== '' ? { snapshot, pastedOutput: pasted } : { snapshot }
}
