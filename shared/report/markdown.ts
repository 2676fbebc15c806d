import type { Finding } from '../diagnosis/finding'
import type { FindingId } from '../diagnosis/finding-ids'
import type { FixId } from '../diagnosis/fix-ids'
import { scanSummary } from '../diagnosis/scan-summary'
import { readNetworkCheck } from '../probes/network-check/network-check-results'
import type { VerifyVerdict } from '../repair/verify-verdict'
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
  /** Verify's verdict after each fix, in order (the latest after a fix's end is shown with it). */
  readonly verdicts?: readonly { readonly fixId: FixId; readonly verdict: VerifyVerdict['kind']; readonly at: string }[]
  /** The PC before the first fix of the session. */
  readonly before?: { readonly takenAt: string; readonly findings: readonly FindingId[] } | null
  /** The paste describes the PC before a fix: shown, labelled, and not read by the findings. */
  readonly pastedBeforeFix?: boolean
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
  out.push(`### ${t.networking}`, '', ...networkingLines(snapshot, t, f), '')
  out.push(`### ${t.findings}`, '')
  if (findings.length === 0) out.push(t.noFindings, '')
  findings.forEach((finding, index) => out.push(...findingSection(finding, index, t, f)))
  out.push(`### ${t.passedChecks}`, '', ...passedLines(snapshot, findings, t, f), '')
  if (pasted !== '') out.push(`### ${options.pastedBeforeFix ? t.pastedBeforeFix : t.pasted}`, '', mdFence(pasted), '')
  out.push(`### ${t.tried}`, '', ...triedLines(options.tried ?? [], options.verdicts ?? [], t, f), '')
  if (options.before) out.push(`### ${t.before}`, '', beforeLine(options.before, t, f), '')
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
    const line = (u: Finding['unknowns'][number]) =>
      f(u.key, { ...u.args, reason: typeof u.args['reason'] === 'string' ? f(`reason.${u.args['reason']}`) : '' })
    out.push(`**${t.unknowns}**`, '', ...finding.unknowns.map((u) => `- ${mdInline(line(u))}`), '')
  }
  if (finding.fixes.length > 0) {
    out.push(
      `**${t.fixes}**`,
      '',
      ...finding.fixes.map((fix, i) => `${i + 1}. **${mdInline(f(`fix.${fix}.title`))}**${t.colon}${mdInline(f(`fix.${fix}.how`))}`),
      '',
    )
  }
  return out
}

function triedLines(tried: readonly TriedFix[], verdicts: NonNullable<ReportOptions['verdicts']>, t: ReportText, f: Format): string[] {
  if (tried.length === 0) return [t.triedNone]
  return tried.map((entry) => {
    const when = entry.finishedAt ? fill(t.triedApplied, { when: utcMinute(entry.finishedAt) }) : t.triedUnfinished
    const undone = entry.undoneAt ? `${t.comma}${fill(t.triedUndone, { when: utcMinute(entry.undoneAt) })}` : ''
    // Verify's latest verdict for this fix goes with its latest run (history and the log use different clocks).
    const latestRun = tried.filter((e) => e.fixId === entry.fixId).reduce((a, b) => (b.startedAt > a.startedAt ? b : a))
    const verdict = latestRun === entry ? [...verdicts].reverse().find((v) => v.fixId === entry.fixId) : undefined
    const said = verdict ? `${t.comma}${t.verdict[verdict.verdict]}` : ''
    return `- ${mdInline(f(`fix.${entry.fixId}.title`))} (\`${entry.fixId}\`)${t.colon}${when}${undone}${said}`
  })
}

function beforeLine(before: NonNullable<ReportOptions['before']>, t: ReportText, f: Format): string {
  const titles = before.findings.map((id) => `${mdInline(f(`finding.${id}.title`))} (\`${id}\`)`)
  return fill(t.beforeLine, { when: utcMinute(before.takenAt), findings: titles.length > 0 ? titles.join(t.comma) : t.beforeNone })
}

/** The inside-WSL networking check as a table (docs/knowledge/wsl-network-check.md), or why there is none. */
function networkingLines(snapshot: MachineSnapshot, t: ReportText, f: Format): string[] {
  const entry = snapshot.facts['wsl-network-check']
  if (entry === undefined || (entry.status === 'unknown' && entry.reason === 'no-consent')) return [t.networkingNotChecked]
  if (entry.status === 'unknown') return [fill(t.networkingNotRun, { reason: mdInline(f(`reason.${entry.reason}`)) })]
  const reading = readNetworkCheck(entry.data)
  if (reading.kind === 'not-run') return [fill(t.networkingNotRun, { reason: `\`${reading.reason}\`` })]
  return [
    `| ${t.check} | ${t.result} | ${t.details} |`,
    '|---|---|---|',
    ...reading.checks.map((c) => `| ${t.checks[c.id]} | ${t.outcome[c.outcome]} | ${mdInline(c.evidence.slice(0, 120)).replace(/\|/g, '\\|')} |`),
  ]
}

/** Checks that read their facts with nothing wrong resting on them (what a helpdesk wants to rule out). */
function passedLines(snapshot: MachineSnapshot, findings: readonly Finding[], t: ReportText, f: Format): string[] {
  const { outcomes } = scanSummary(snapshot, findings)
  const passed = PROBE_IDS.filter((id) => outcomes[id] === 'passed')
  return passed.length === 0 ? [t.passedNone] : passed.map((id) => `- ✓ ${mdInline(f(`probe.${id}`))}`)
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
