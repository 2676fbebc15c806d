import type { AnyFactEntry, MachineSnapshot, UnknownReason } from '../../../shared/machine/snapshot'
import { decodeNativeOutput, wslUtf8For, type NativeProducer } from '../../../shared/probes/decode-native-output'
import { wslPrintedText } from '../../../shared/probes/wsl-printed'
import { formatWindowsVersion } from '../../../shared/probes/facts/windows-version'
import { windowsTermArgs } from '../../../shared/i18n/windows-terms'
import { parseWslList } from '../../../shared/wsl-output/parse-wsl-list'
import type { MessageKey, MessageVars } from '../i18n/i18n'
import type { ProbeId } from '../../../shared/probes/probe-ids'

/** A detail line: program output as printed, or a line in the user's language. */
export type DetailLine = string | { readonly key: MessageKey; readonly vars: MessageVars }
type TextValue = { readonly kind: 'text'; readonly key: MessageKey; readonly vars?: MessageVars; readonly detail?: readonly DetailLine[] }

/** One line of the "what we learned" list: a translated label and value, or why it is unknown. */
export interface SummaryItem {
  readonly id: string
  readonly label: MessageKey
  /** The probe the line reads. */
  readonly probe: ProbeId
  readonly value: TextValue | { readonly kind: 'unknown'; readonly reason: UnknownReason } | { readonly kind: 'not-run' }
}

/** A known fact becomes text; an unknown one keeps its reason; a probe not run says so. */
function describe<E extends AnyFactEntry>(entry: E | undefined, toText: (data: Extract<E, { status: 'known' }>['data']) => TextValue): SummaryItem['value'] {
  if (entry === undefined) return { kind: 'not-run' }
  if (entry.status === 'unknown') return { kind: 'unknown', reason: entry.reason }
  return toText((entry as Extract<E, { status: 'known' }>).data)
}

/**
 * Turns a snapshot into display items. Facts are shown as facts: an unknown probe stays unknown
 * (with its reason), never "passed".
 */
export function summarizeMachine(snapshot: MachineSnapshot): SummaryItem[] {
  const { facts } = snapshot
  const install = facts['wsl-install']
  const wslExe: NativeProducer = { kind: 'wsl-exe', wslUtf8: wslUtf8For(install?.status === 'known' ? install.data : null) }
  return [
    {
      id: 'windows',
      probe: 'windows-version',
      label: 'findings.windows',
      value: describe(facts['windows-version'], (data) => ({
        kind: 'text',
        key: 'findings.windows.value',
        vars: {
          generation: Number.parseInt(data.currentBuild, 10) >= 22000 ? '11' : '10',
          version: formatWindowsVersion(data),
          release: data.displayVersion ?? '?',
          // Windows' own name for the edition in each language ("Pro" / "专业版"), not the EditionID.
          ...windowsTermArgs('edition', 'edition', data.editionId ?? '?'),
        },
      })),
    },
    {
      id: 'wsl',
      probe: 'wsl-install',
      label: 'findings.wsl',
      value: describe(facts['wsl-install'], (data) => {
        const version = data.msiVersion ?? data.appxVersion
        const key: MessageKey = !data.wslExePresent ? 'findings.wsl.absent' : version ? 'findings.wsl.store' : 'findings.wsl.inbox'
        const list = data.listOutput ? decodeNativeOutput(data.listOutput.stdoutBase64, wslExe) : null
        return { kind: 'text', key, vars: { version: version ?? '' }, ...(list ? { detail: distroLines(list) } : {}) }
      }),
    },
    {
      id: 'wslconfig',
      probe: 'wslconfig-file',
      label: 'findings.wslconfig',
      value: describe(facts['wslconfig-file'], (data) =>
        data.exists
          ? { kind: 'text', key: 'findings.wslconfig.present', vars: { path: data.path, bytes: data.sizeBytes ?? 0 } }
          : { kind: 'text', key: 'findings.wslconfig.absent' },
      ),
    },
    {
      id: 'services',
      probe: 'services',
      label: 'findings.services',
      value: describe(facts.services, (data) => ({
        kind: 'text',
        key: 'findings.services.value',
        vars: {
          present: data.services.filter((s) => s.exists).length,
          total: data.services.length,
          disabled: data.services.filter((s) => s.startType === 'disabled').length,
        },
      })),
    },
    {
      id: 'startup',
      probe: 'wsl-startup',
      label: 'findings.startup',
      value: describe(facts['wsl-startup'], (data): TextValue => {
        const { startOutput, networkingModeOutput } = data
        const printed = nonEmptyLines(wslPrintedText(startOutput, wslExe))
        const mode = networkingModeOutput ? decodeNativeOutput(networkingModeOutput.stdoutBase64, { kind: 'linux-command' })?.trim() : null
        if (startOutput.exitCode !== 0) return { kind: 'text', key: 'findings.startup.failed', vars: { code: String(startOutput.exitCode) }, detail: printed }
        if (mode) return { kind: 'text', key: 'findings.startup.mode', vars: windowsTermArgs('mode', 'networkingMode', mode), detail: printed }
        return { kind: 'text', key: 'findings.startup.silent', detail: printed }
      }),
    },
  ]
}

/**
 * The distributions of `wsl --list --verbose`, one line each in the user's language (WSL prints
 * the states in English on every Windows); output that is not that table stays as printed.
 */
function distroLines(text: string): DetailLine[] {
  const list = parseWslList(text)
  if (list === null || list.distros.length === 0) return nonEmptyLines(text)
  return list.distros.map((distro) => ({
    key: distro.isDefault ? 'findings.wsl.distroDefault' : 'findings.wsl.distro',
    vars: { name: distro.name, version: distro.version, ...windowsTermArgs('state', 'distroState', distro.state) },
  }))
}

function nonEmptyLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '')
}
