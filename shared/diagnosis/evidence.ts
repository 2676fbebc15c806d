import { z } from 'zod'
import type { MachineSnapshot } from '../machine/snapshot'
import { SNAPSHOT_SCHEMA_VERSION } from '../machine/snapshot'
import { encodeBase64 } from '../util/base64'
import { encodeUtf8 } from '../wslconfig/utf8'
import { parseWslVersionOutput } from '../wsl-output/parse-wsl-version'
import { pastedServices, pastedVerVersion } from './pasted-outputs'
import { readPastedOutputs } from './pasted-outputs-read'
import type { PastedServiceRow } from './pasted-outputs-sc-reg'
import { homeEditionFromOsName } from './pasted-outputs-systeminfo'
import type { ServiceState } from '../probes/facts/services'

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
/** A `label: version` line as `wsl --version` prints it (`WSL 版本： 2.3.26.0`, `Kernel version: 6.6.87.2-1`). */
const LABELLED_VERSION = /^\s*\S.*?[:：]\s*\d+(?:\.\d+)+\S*\s*$/u

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
  const pasted = [evidence.wslOutputText, evidence.notes].filter((t): t is string => t !== undefined && t.trim() !== '').join('\n')
  // `wsl --version` pasted inside the output or the user's words (any of WSL's languages): its
  // lines carry the WSL and Windows versions, which version-dependent rules need (issue 15 #4).
  const versionBlock = pasted !== '' && (evidence.wslVersionText === undefined || evidence.windowsVersion === undefined) ? pastedVersionBlock(pasted) : null
  // Command outputs a helper asked for (wsl --status, systeminfo, sc/reg query, netsh winsock…).
  const outputs = pasted !== '' ? readPastedOutputs(pasted) : null
  const systemInfo = outputs?.systemInfo ?? null
  // systeminfo prints no UBR, so `cmd /c ver` (which does) is preferred when both were pasted.
  const systemInfoVersion = systemInfo?.build != null ? `10.0.${systemInfo.build}` : null
  const windowsText =
    evidence.windowsVersion ?? versionBlock?.windowsVersion ?? (pasted !== '' ? pastedVerVersion(pasted) : null) ?? systemInfoVersion ?? undefined
  const windows = windowsText ? WINDOWS_VERSION.exec(windowsText) : null
  if (windows?.[1]) {
    const edition = evidence.windowsEdition?.trim() || homeEditionFromOsName(systemInfo?.osName ?? null)
    const osName = systemInfo?.osName ?? null
    facts['windows-version'] = {
      status: 'known',
      durationMs: 0,
      data: {
        currentBuild: windows[1],
        ubr: windows[2] === undefined ? null : Number.parseInt(windows[2], 10),
        displayVersion: null,
        editionId: edition,
        // Server editions name themselves (ServerStandard, "Windows Server 2025 …"); otherwise unknown.
        installationType:
          edition === null ? (osName === null ? null : /server/i.test(osName) ? 'Server' : 'Client') : /server/i.test(edition) ? 'Server' : 'Client',
        productName: osName,
        uiCulture: null,
      },
    }
  }
  const wslVersionText = evidence.wslVersionText ?? versionBlock?.text
  if (wslVersionText !== undefined && wslVersionText.trim() !== '') {
    const bare = BARE_WSL_VERSION.exec(wslVersionText)
    const parsed = parseWslVersionOutput(wslVersionText)
    const version = bare?.[1] ?? parsed?.wslVersion ?? null
    facts['wsl-install'] = {
      status: 'known',
      durationMs: 0,
      data: {
        wslExePresent: true,
        msiVersion: version,
        appxVersion: null,
        versionOutput: textOutput(wslVersionText, version === null ? -1 : 0),
        listOutput: null,
        defaultDistributionId: null,
        // `wsl --status` pasted with it: the default version it printed (null when not pasted).
        defaultVersion: outputs?.wslStatus?.defaultVersion ?? null,
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
  // `Get-Service … | Format-Table Name, Status, StartType`, as ask.services requests it.
  // `sc query` / `sc qc` / `reg query …\Services\X /v Start` add the services they name (Get-Service first).
  const services = pasted !== '' ? withScAndReg(pastedServices(pasted), outputs?.services ?? []) : []
  if (services.length > 0) facts['services'] = { status: 'known', durationMs: 0, data: { services } }
  // `netsh winsock show catalog`: the provider paths and chain lengths the winsock-catalog probe reads.
  const winsock = outputs?.winsock ?? null
  if (winsock !== null) {
    facts['winsock-catalog'] = {
      status: 'known',
      durationMs: 0,
      data: { entries: winsock.map((e) => ({ catalog: 'protocol64' as const, providerPath: e.providerPath, chainLength: e.chainLength })) },
    }
  }
  // `Get-NetFirewallProfile | Format-List`: the profiles as pasted, and what Group Policy sets when
  // the RSOP store was pasted too (without it the owner stays unknown, as for an older snapshot).
  const firewall = outputs?.firewall ?? null
  if (firewall !== null && firewall.enforced.length > 0) {
    facts['firewall-profiles'] = {
      status: 'known',
      durationMs: 0,
      data: {
        profiles: [...firewall.enforced],
        ...(firewall.groupPolicy !== null ? { groupPolicy: { status: 'read' as const, profiles: [...firewall.groupPolicy] } } : {}),
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
  return pasted !== '' ? { snapshot, pastedOutput: pasted } : { snapshot }
}

/** Services from sc/reg rows that Get-Service did not list; a row's unknown parts stay null. */
function withScAndReg(fromGetService: ServiceState[], rows: readonly PastedServiceRow[]): ServiceState[] {
  const named = new Set(fromGetService.map((s) => s.name))
  const added = rows
    .filter((row) => !named.has(row.name))
    .map((row): ServiceState => ({ name: row.name, exists: true, startType: row.startType, delayedAutoStart: false, triggerStart: false, status: row.status }))
  return [...fromGetService, ...added]
}

/**
 * The `wsl --version` lines inside a larger paste, when their labels are WSL's own (any language):
 * the block's text (for the wsl-install fact) and the Windows version it names. Null when the paste
 * has no such line — a version-shaped number in prose is not enough.
 */
function pastedVersionBlock(text: string): { readonly text: string; readonly windowsVersion: string | null } | null {
  const rows = text.split(/\r?\n/).filter((line) => LABELLED_VERSION.test(line))
  // At least one row must be WSL's own "WSL version" label; the others follow wsl --version's order.
  if (!rows.some((row) => parseWslVersionOutput(row) !== null)) return null
  const parsed = parseWslVersionOutput(rows.join('\n'))
  return parsed === null ? null : { text: rows.join('\n'), windowsVersion: parsed.windowsVersion }
}
