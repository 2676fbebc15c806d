import { configuredMode } from '../diagnosis/derived'
import type { Known, MachineView } from '../diagnosis/machine-view'
import { formatDiagnosis, type DiagnosisLanguage } from '../diagnosis/messages/format'
import { windowsTerm, type WindowsTermKind } from '../i18n/windows-terms'
import type { MachineSnapshot } from '../machine/snapshot'
import { mdCode, mdInline } from './markdown-escape'
import { REPORT_TEXT, fill } from './markdown-text'

/**
 * The "what is this PC" table at the top of a report, in the order the WSL bug template asks for
 * it: Windows version, edition and display version; WSL and kernel versions; distributions; the
 * networking mode asked for and the one in use. Unknown facts say why they are unknown.
 */
export function versionsTable(view: MachineView, snapshot: MachineSnapshot, language: DiagnosisLanguage): string[] {
  const t = REPORT_TEXT[language]
  const unknown = <T>(value: Known<T>): string => (value.known ? t.unknown : `${t.unknown} (${formatDiagnosis(language, `reason.${value.reason}`)})`)
  // Values are plain text, escaped when the table is written; `code` values are shown as code.
  const rows: [string, string | { readonly code: string; readonly rest: string }][] = []
  // Windows' name in the reader's language, with the identifier as read for a helpdesk ("专业版 (Professional)").
  const term = (kind: WindowsTermKind, raw: string | null | undefined): string | null => {
    if (raw === null || raw === undefined) return null
    const name = windowsTerm(language, kind, raw)
    return name.toLowerCase() === raw.toLowerCase() ? name : `${name} (${raw})`
  }

  const w = view.windows
  rows.push([
    t.windows,
    w.known
      ? [
          w.value.isServer ? null : `Windows ${w.value.build >= 22000 ? 11 : 10}`,
          w.value.version,
          term('edition', w.value.edition),
          w.value.displayVersion,
          w.value.isServer ? t.server : null,
        ]
          .filter((x) => x)
          .join(' · ')
      : unknown(w),
  ])
  if (w.known && w.value.uiCulture) rows.push([t.uiLanguage, w.value.uiCulture])

  const wsl = view.wsl
  if (wsl.known) {
    rows.push([t.wsl, wsl.value.kind === 'absent' ? t.wslAbsent : (wsl.value.version ?? t.wslInbox)])
    rows.push([t.kernel, wsl.value.kernelVersion ?? t.unknown])
    const distros = wsl.value.distros
    rows.push([
      t.distros,
      distros === null
        ? t.unknown
        : distros.length === 0
          ? t.noDistros
          : distros
              .map((d) => `${d.name} (WSL ${d.version}, ${windowsTerm(language, 'distroState', d.state)}${d.isDefault ? `, ${t.defaultDistro}` : ''})`)
              .join('; '),
    ])
  } else {
    rows.push([t.wsl, unknown(wsl)])
  }

  const config = view.config
  const asked = configuredMode(view)
  const rawAsked = config.known && config.value !== null ? config.value.parse.values['wsl2.networkingMode'] : undefined
  rows.push([
    t.modeAsked,
    !config.known ? unknown(config) : config.value === null || !config.value.exists ? t.noConfig : (term('networkingMode', asked ?? rawAsked) ?? t.modeDefault),
  ])
  if (config.known && config.value !== null) {
    const c = config.value
    const size = c.bytes ? fill(t.bytes, { n: String(c.bytes.length) }) : null
    const rest = c.exists ? [size, c.encoding].filter((x) => x).join(' · ') : t.configMissing
    rows.push([t.configFile, c.path ? { code: c.path, rest } : rest])
  }
  const output = view.output
  rows.push([t.modeInUse, output.known ? (term('networkingMode', output.value.effectiveMode) ?? t.unknown) : unknown(output)])

  const source = snapshot.source
  const from = source.kind === 'simulated' ? fill(t.source.simulated, { id: source.scenarioId }) : t.source[source.kind]
  rows.push([t.snapshot, `${snapshot.takenAt} · ${from}`])

  return [
    `| ${t.item} | ${t.value} |`,
    '|---|---|',
    ...rows.map(([k, v]) => `| ${mdInline(k)} | ${typeof v === 'string' ? mdInline(v) : `${mdCode(v.code)} · ${mdInline(v.rest)}`} |`),
  ]
}
