import { diagnose } from '../diagnosis/diagnose'
import type { Finding } from '../diagnosis/finding'
import type { DiagnosisLanguage } from '../diagnosis/messages/format'
import type { MachineSnapshot } from '../machine/snapshot'
import { reportMarkdown, type ReportOptions, type TriedFix } from './markdown'
import { redactSnapshot, type RedactionSummary, type Replacement } from './redact'

export interface PreparedReport {
  /** The snapshot to share: redacted when asked. */
  readonly snapshot: MachineSnapshot
  readonly findings: readonly Finding[]
  readonly markdown: string
  /** Null when redaction is off. */
  readonly redaction: { readonly summary: RedactionSummary; readonly replacements: readonly Replacement[] } | null
}

/**
 * Everything the Report step shows and exports, in one pure step: redact (or not), diagnose the
 * shared snapshot, write the Markdown. Diagnosing the redacted copy means no finding text can carry
 * a value the redaction hid.
 */
export function prepareReport(
  snapshot: MachineSnapshot,
  options: {
    readonly language: DiagnosisLanguage
    readonly redact: boolean
    readonly pasted?: string
    readonly tried?: readonly TriedFix[]
    readonly appVersion: string
    readonly extraNames?: readonly string[]
    readonly verdicts?: ReportOptions['verdicts']
    readonly before?: ReportOptions['before']
    /** The paste describes the PC before a fix: the findings do not read it (`current-findings.ts`). */
    readonly pastedBeforeFix?: boolean
  },
): PreparedReport {
  const rawPasted = options.pasted?.trim() ?? ''
  const redacted = options.redact ? redactSnapshot(snapshot, { pasted: rawPasted, extraNames: options.extraNames ?? [] }) : null
  const shared = redacted?.value ?? snapshot
  const pasted = redacted ? redacted.pasted : rawPasted
  const findings = diagnose(shared, pasted === '' || options.pastedBeforeFix === true ? undefined : pasted)
  const markdown = reportMarkdown(shared, findings, {
    language: options.language,
    pasted,
    tried: options.tried ?? [],
    appVersion: options.appVersion,
    redacted: options.redact,
    verdicts: options.verdicts ?? [],
    before: options.before ?? null,
    pastedBeforeFix: options.pastedBeforeFix === true,
  })
  return { snapshot: shared, findings, markdown, redaction: redacted ? { summary: redacted.summary, replacements: redacted.replacements } : null }
}
