import type { Finding } from '../diagnosis/finding'
import type { FixId } from '../diagnosis/fix-ids'
import { buildMachineView } from '../diagnosis/machine-view'
import { formatDiagnosis, type DiagnosisLanguage } from '../diagnosis/messages/format'
import type { MachineSnapshot } from '../machine/snapshot'
import { PROBE_IDS } from '../probes/probe-ids'
import { mdFence, mdInline } from './markdown-escape'
import { REPORT_TEXT, fill, type ReportText } from './markdown-text'
import { versionsTable } from './versions-table'

/** A fix applied by the app (an entry of its history), for "what was tried". */
export interface TriedFix {
  readonly fixId: FixId
  readonly startedAt: string
  readonly finishedAt: string | null
  readonly undoneAt: string | null
}

export interface ReportOptions {
  readonly language: DiagnosisLanguage
  /** WSL output the user pasted (already redacted when the report is). */
  readonly pasted?: string
  readonly tried?: readonly TriedFix[]
  readonly appVersion: string
  /** Says in the footer that personal information was hidden. */
  readonly redacted?: boolean
}

/**
 * A report to paste into a GitHub issue: what the PC is, the findings most serious first with
 * their evidence and what WSL printed (in fences, so nothing is reformatted), what was tried,
 * what could not be checked, and which app and snapshot format produced it. Pure: the same
 * snapshot and findings always give the same text, which the fixture tests pin.
 */
export function reportMarkdown(snapshot: MachineSnapshot, findings: readonly Finding[], options: ReportOptions): string {
  const { language } = options
  const t = REPORT_TEXT[language]
  const f = (key: string, args?: Finding['args']) => formatDiagnosis(language, key, args)
  const pasted = options.pasted?.trim() ?? ''
  const view = buildMachineView(snapshot, pasted === '' ? undefined : pasted)
  const top = findings[0]
  const out: string[] = []
  out.push(`## ${t.title}${t.colon}${top ? mdInline(f(`finding.${top.id}.title`, top.args)) : t.noProblems}`, '')
  out.push(`### ${t.versions}`, '', ...versionsTable(view, snapshot, language), '')
  out.push(`### ${t.findings}`, '')
  if (findings.length === 0) out.push(t.noFindings, '')
  findings.forEach((finding, index) => out.push(...findingSection(finding, index, t, f)))
  if (pasted !== '') out.push(`### ${t.pasted}`, '', mdFence(pasted), '')
  out.push(`### ${t.tried}`, '', ...triedLines(options.tried ?? [], t, f), '')
  out.push(`### ${t.notChecked}`, '', ...notCheckedLines(snapshot, t, f), '')
  const footer = fill(t.footer, { app: 'WSL Network Doctor', version: options.appVersion, schema: String(snapshot.schemaVersion) })
  out.push('---', `<sub>${mdInline(footer)}${options.redacted ? ` · ${t.redacted}` : ''}</sub>`)
  return out.join('\n') + '\n'
}

type Format = (key: string, args?: Finding['args']) => string

function findingSection(finding: Finding, index: number, t: ReportText, f: Format): string[] {
  const out = [`#### ${index + 1}. ${mdInline(f(`finding.${finding.id}.title`, finding.args))}`, '']
  out.push(`**${f(`severity.${finding.severity}`)} · ${f(`confidence.${finding.confidence}`)}** · \`${finding.id}\``, '')
  out.push(mdInline(f(`finding.${finding.id}.summary`, finding.args)), '')
  if (finding.evidence.length > 0) {
    out.push(`**${t.evidence}**`, '', ...finding.evidence.map((e) => `- ${mdInline(f(e.key, e.args))}`), '')
  }
  if (finding.wslSaid.length > 0) out.push(`**${t.wslSaid}**`, '', mdFence(finding.wslSaid.join('\n')), '')
  if (finding.unknowns.length > 0) {
    const line = (u: Finding['unknowns'][number]) => f(u.key, { ...u.args, reason: typeof u.args['reason'] === 'string' ? f(`reason.${u.args['reason']}`) : '' })
    out.push(`**${t.unknowns}**`, '', ...finding.unknowns.map((u) => `- ${mdInline(line(u))}`), '')
  }
  if (finding.fixes.length > 0) {
    out.push(`**${t.fixes}**`, '', ...finding.fixes.map((fix, i) => `${i + 1}. **${mdInline(f(`fix.${fix}.title`))}**${t.colon}${mdInline(f(`fix.${fix}.how`))}`), '')
  }
  return out
}

function triedLines(tried: readonly TriedFix[], t: ReportText, f: Format): string[] {
  if (tried.length === 0) return [t.triedNone]
  return tried.map((entry) => {
    const when = entry.finishedAt ? fill(t.triedApplied, { when: utcMinute(entry.finishedAt) }) : t.triedUnfinished
    const undone = entry.undoneAt ? `${t.comma}${fill(t.triedUndone, { when: utcMinute(entry.undoneAt) })}` : ''
    return `- ${mdInline(f(`fix.${entry.fixId}.title`))} (\`${entry.fixId}\`)${t.colon}${when}${undone}`
  })
}

function notCheckedLines(snapshot: MachineSnapshot, t: ReportText, f: Format): string[] {
  const unread = PROBE_IDS.filter((id) => snapshot.facts[id]?.status !== 'known')
  if (unread.length === 0) return [t.allChecked]
  return unread.map((id) => {
    const entry = snapshot.facts[id]
    const reason = entry?.status === 'unknown' ? f(`reason.${entry.reason}`) : f('reason.not-run')
    const detail = entry?.status === 'unknown' && entry.detail ? ` (${entry.detail})` : ''
    return `- ${mdInline(f(`probe.${id}`))}${t.colon}${mdInline(reason + detail)}`
  })
}

/** `2026-11-21 10:05 UTC`: readable, and the same on every reader's PC. */
function utcMinute(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
