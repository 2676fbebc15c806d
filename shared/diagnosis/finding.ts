import type { ProbeId } from '../probes/probe-ids'
import type { FindingId } from './finding-ids'
import type { FixId } from './fix-ids'

/** error: WSL networking does not work; warning: it works worse than asked; info: worth knowing. */
export type Severity = 'error' | 'warning' | 'info'

/** How sure the rule is, following the knowledge base's own confidence for the facts it rests on. */
export type Confidence = 'high' | 'medium' | 'low'

export type MessageArgs = Readonly<Record<string, string | number>>

/** One fact a finding rests on, shown to the user ("your build is 22000.2836; …"). */
export interface Evidence {
  /** Message key in `shared/diagnosis/messages`. */
  readonly key: string
  readonly args: MessageArgs
  /** Where the fact came from: a probe, or text the user pasted. */
  readonly source: ProbeId | 'pasted'
}

/** Something the rule could not check, and what would settle it. */
export interface Unknown {
  readonly key: string
  readonly args: MessageArgs
}

export interface Finding {
  readonly id: FindingId
  readonly severity: Severity
  readonly confidence: Confidence
  readonly evidence: readonly Evidence[]
  readonly unknowns: readonly Unknown[]
  /** What WSL itself printed that this finding explains, verbatim (any language). */
  readonly wslSaid: readonly string[]
  /** Recommended fixes, smallest blast radius first (docs/knowledge/fixes.md#the-fix-ladder). */
  readonly fixes: readonly FixId[]
  /** Arguments for the finding's title/explanation texts. */
  readonly args: MessageArgs
}
