import type { ProbeId } from '../../probes/probe-ids'
import type { Confidence, Evidence, Finding, MessageArgs, Severity, Unknown } from '../finding'
import type { FindingId } from '../finding-ids'
import { rankFixes, type FixId } from '../fix-ids'
import type { Known, MachineView } from '../machine-view'
import type { EvidenceKey, UnknownKey } from '../messages/keys'

/** What a rule checks: reads the machine view, returns the findings it proves (usually zero or one). */
export type RuleCheck = (view: MachineView) => Finding[]

/**
 * A rule and the facts it reads. While a scan runs, a finding whose rule still waits for one of
 * `needs` is shown as "still checking", never as final, and a rule that found nothing yet does not
 * make its area pass (rule-needs.test.ts checks each list against what the rule really reads).
 */
export interface Rule {
  readonly needs: readonly ProbeId[]
  readonly check: RuleCheck
}

export function rule(needs: readonly ProbeId[], check: RuleCheck): Rule {
  return { needs, check }
}

export function evidence(key: EvidenceKey, source: ProbeId | 'pasted', args: MessageArgs = {}): Evidence {
  return { key, source, args }
}

export function unknown(key: UnknownKey, args: MessageArgs = {}): Unknown {
  return { key, args }
}

/** The "unknown" entry for a fact that could not be read, naming the probe and the next check. */
export function unknownFact(fact: Known<unknown>, probe: ProbeId, next: UnknownKey): Unknown[] {
  return fact.known ? [] : [{ key: next, args: { probe, reason: fact.reason } }]
}

export function finding(parts: {
  readonly id: FindingId
  readonly severity: Severity
  readonly confidence: Confidence
  readonly evidence: readonly Evidence[]
  readonly fixes: readonly FixId[]
  readonly unknowns?: readonly Unknown[]
  readonly wslSaid?: readonly string[]
  readonly args?: MessageArgs
}): Finding {
  return {
    id: parts.id,
    severity: parts.severity,
    confidence: parts.confidence,
    evidence: parts.evidence,
    unknowns: parts.unknowns ?? [],
    wslSaid: [...new Set(parts.wslSaid ?? [])],
    fixes: rankFixes(parts.fixes),
    args: parts.args ?? {},
  }
}

/** The source to cite for WSL output: a scan's startup probe, or text the user pasted. */
export function outputSource(view: MachineView): ProbeId | 'pasted' {
  return view.output.known && view.output.value.source === 'pasted' ? 'pasted' : 'wsl-startup'
}
