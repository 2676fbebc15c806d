import type { MachineSnapshot } from '../machine/snapshot'
import { PROBE_IDS } from '../probes/probe-ids'
import { decidingCheck } from './deciding-check'
import type { Finding } from './finding'
import { verdictOf } from './finding-kind'
import { formatDiagnosis, type DiagnosisLanguage } from './messages/format'

const HEADINGS = {
  en: {
    none: 'No problems found in what could be checked.',
    evidence: 'Evidence',
    wslSaid: 'WSL said',
    unknowns: 'Not known / check next',
    fixes: 'Recommended fixes, lightest first',
    notChecked: 'Not checked',
    id: 'id',
  },
  'zh-CN': {
    none: '在可检查的范围内没有发现问题。',
    evidence: '证据',
    wslSaid: 'WSL 的输出',
    unknowns: '未知 / 下一步检查',
    fixes: '建议的修复（从轻到重）',
    notChecked: '未检查',
    id: 'id',
  },
} as const

/**
 * Findings as plain text for a terminal or a ticket, in English or Chinese: title with severity
 * and confidence, summary, evidence, what WSL said, what is unknown, and the fix ladder. Ends with
 * the probes that were not run or could not be read, so partial evidence never reads as "all fine".
 */
export function formatFindingsText(findings: readonly Finding[], snapshot: MachineSnapshot, language: DiagnosisLanguage): string {
  const h = HEADINGS[language]
  const f = (key: string, args?: Finding['args']) => formatDiagnosis(language, key, args)
  const out: string[] = []
  // Pasted evidence is a reported failure; with no cause proven the answer is "not enough to
  // decide" and what to ask for (a scan: which check to run) — never the top symptom as a guess.
  const pasted = snapshot.source.kind === 'evidence'
  const verdict = verdictOf(findings, pasted)
  const check = decidingCheck(verdict, pasted ? 'paste' : 'scan')
  if (verdict.kind === 'undecided') {
    out.push(f('verdict.undecided'))
    if (check?.kind === 'ask') out.push(f('verdict.ask', { ask: f(check.ask) }))
    if (check?.kind === 'run') out.push(f('verdict.runCheck', { probe: f(`probe.${check.probe}`) }))
    if (check?.kind === 'look') out.push(f(check.unknown.key, check.unknown.args))
    out.push('')
  } else if (findings.length === 0) out.push(h.none, '')
  findings.forEach((finding, index) => {
    out.push(
      `${index + 1}. [${f(`severity.${finding.severity}`)} · ${f(`confidence.${finding.confidence}`)}] ${f(`finding.${finding.id}.title`, finding.args)}  (${h.id}: ${finding.id})`,
    )
    out.push(`   ${f(`finding.${finding.id}.summary`, finding.args)}`)
    if (finding.evidence.length > 0) {
      out.push(`   ${h.evidence}:`)
      for (const e of finding.evidence) out.push(`   - ${f(e.key, e.args)}`)
    }
    if (finding.wslSaid.length > 0) {
      out.push(`   ${h.wslSaid}:`)
      for (const line of finding.wslSaid) out.push(...line.split('\n').map((l) => `   > ${l}`))
    }
    if (finding.unknowns.length > 0) {
      out.push(`   ${h.unknowns}:`)
      for (const u of finding.unknowns) out.push(`   - ${f(u.key, { ...u.args, reason: u.args['reason'] ? f(`reason.${u.args['reason']}`) : '' })}`)
    }
    out.push(`   ${h.fixes}:`)
    finding.fixes.forEach((fix, i) => out.push(`   ${i + 1}) ${f(`fix.${fix}.title`)} — ${f(`fix.${fix}.how`)}`))
    out.push('')
  })
  const unread = PROBE_IDS.filter((id) => snapshot.facts[id]?.status !== 'known')
  if (unread.length > 0) {
    out.push(`${h.notChecked}:`)
    for (const id of unread) {
      const entry = snapshot.facts[id]
      const reason = entry?.status === 'unknown' ? f(`reason.${entry.reason}`) : f('reason.not-run')
      out.push(`- ${f(`probe.${id}`)}: ${reason}`)
    }
  }
  return out.join('\n')
}

/** The stable machine-readable form: ids, severity, confidence and fix ids, most relevant first. */
export function findingsJson(findings: readonly Finding[]): { findings: { id: string; severity: string; confidence: string; fixes: string[] }[] } {
  return { findings: findings.map((x) => ({ id: x.id, severity: x.severity, confidence: x.confidence, fixes: [...x.fixes] })) }
}
