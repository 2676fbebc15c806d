import type { MachineSnapshot, UnknownReason } from '../../../shared/machine/snapshot'
import { decodeNativeOutput } from '../../../shared/probes/decode-native-output'
import { formatWindowsVersion } from '../../../shared/probes/facts/windows-version'
import type { MessageKey, MessageVars } from '../i18n/i18n'

/** One line of the "what we learned" list: a translated label and value, or why it is unknown. */
export interface SummaryItem {
  readonly id: string
  readonly label: MessageKey
  readonly value:
    | { readonly kind: 'text'; readonly key: MessageKey; readonly vars?: MessageVars; readonly detail?: readonly string[] }
    | { readonly kind: 'unknown'; readonly reason: UnknownReason }
    | { readonly kind: 'not-run' }
}

/**
 * Turns a snapshot into display items. Facts are shown as facts: an unknown probe stays unknown
 * (with its reason), never "passed".
 */
export function summarizeMachine(snapshot: MachineSnapshot): SummaryItem[] {
  const { facts } = snapshot
  const items: SummaryItem[] = []

  const windows = facts['windows-version']
  items.push({
    id: 'windows',
    label: 'findings.windows',
    value: !windows
      ? { kind: 'not-run' }
      : windows.status === 'unknown'
        ? { kind: 'unknown', reason: windows.reason }
        : {
            kind: 'text',
            key: 'findings.windows.value',
            vars: {
              generation: Number.parseInt(windows.data.currentBuild, 10) >= 22000 ? '11' : '10',
              version: formatWindowsVersion(windows.data),
              release: windows.data.displayVersion ?? '?',
              edition: windows.data.editionId ?? '?',
            },
          },
  })

  const wsl = facts['wsl-install']
  if (!wsl) items.push({ id: 'wsl', label: 'findings.wsl', value: { kind: 'not-run' } })
  else if (wsl.status === 'unknown') items.push({ id: 'wsl', label: 'findings.wsl', value: { kind: 'unknown', reason: wsl.reason } })
  else {
    const version = wsl.data.msiVersion ?? wsl.data.appxVersion
    const key: MessageKey = !wsl.data.wslExePresent ? 'findings.wsl.absent' : version ? 'findings.wsl.store' : 'findings.wsl.inbox'
    const list = wsl.data.listOutput ? decodeNativeOutput(wsl.data.listOutput.stdoutBase64) : null
    items.push({
      id: 'wsl',
      label: 'findings.wsl',
      value: { kind: 'text', key, vars: { version: version ?? '' }, ...(list ? { detail: nonEmptyLines(list) } : {}) },
    })
  }

  const config = facts['wslconfig-file']
  items.push({
    id: 'wslconfig',
    label: 'findings.wslconfig',
    value: !config
      ? { kind: 'not-run' }
      : config.status === 'unknown'
        ? { kind: 'unknown', reason: config.reason }
        : config.data.exists
          ? { kind: 'text', key: 'findings.wslconfig.present', vars: { path: config.data.path, bytes: config.data.sizeBytes ?? 0 } }
          : { kind: 'text', key: 'findings.wslconfig.absent' },
  })

  const services = facts.services
  items.push({
    id: 'services',
    label: 'findings.services',
    value: !services
      ? { kind: 'not-run' }
      : services.status === 'unknown'
        ? { kind: 'unknown', reason: services.reason }
        : {
            kind: 'text',
            key: 'findings.services.value',
            vars: {
              present: services.data.services.filter((s) => s.exists).length,
              total: services.data.services.length,
              disabled: services.data.services.filter((s) => s.startType === 'disabled').length,
            },
          },
  })

  const startup = facts['wsl-startup']
  if (!startup) items.push({ id: 'startup', label: 'findings.startup', value: { kind: 'not-run' } })
  else if (startup.status === 'unknown') {
    items.push({ id: 'startup', label: 'findings.startup', value: { kind: 'unknown', reason: startup.reason } })
  } else {
    const printed = nonEmptyLines(
      [startup.data.startOutput.stdoutBase64, startup.data.startOutput.stderrBase64].map((b) => decodeNativeOutput(b) ?? '').join('\n'),
    )
    const mode = startup.data.networkingModeOutput ? decodeNativeOutput(startup.data.networkingModeOutput.stdoutBase64)?.trim() : null
    const exitCode = startup.data.startOutput.exitCode
    const value: SummaryItem['value'] =
      exitCode !== 0
        ? { kind: 'text', key: 'findings.startup.failed', vars: { code: String(exitCode) }, detail: printed }
        : mode
          ? { kind: 'text', key: 'findings.startup.mode', vars: { mode }, detail: printed }
          : { kind: 'text', key: 'findings.startup.silent', detail: printed }
    items.push({ id: 'startup', label: 'findings.startup', value })
  }
  return items
}

function nonEmptyLines(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== '')
}
