import type { FindingId } from '../diagnosis/finding-ids'
import type { FixId } from '../diagnosis/fix-ids'
import type { ProbeId } from '../probes/probe-ids'
import type { FixScriptId } from './fix-scripts'

/** JSON data a step's script receives as `$WndInput` (base64 JSON; never spliced into text). */
export type StepInput = Readonly<Record<string, string | number | boolean | null>>

/** One thing a fix does, shown to the user before it runs. */
export interface PlannedStep {
  readonly script: FixScriptId
  readonly elevated: boolean
  readonly input: StepInput
  /** What the user sees in the confirm list: a message key of `shared/repair/messages` + args. */
  readonly describe: { readonly key: string; readonly args: Readonly<Record<string, string | number>> }
  /** The equivalent command, for people who want to know exactly what runs. Display only. */
  readonly command: string
}

/** Steps run in phases: a phase that needs a restart ends with one; the next phase resumes after it. */
export interface FixPhase {
  readonly steps: readonly PlannedStep[]
  readonly rebootAfter: boolean
}

/** Other software a fix can disturb (E.1, E.2). */
export type Affect = 'docker-desktop' | 'vscode-remote' | 'hyperv-vms' | 'windows-sandbox' | 'lsp-vpn-software' | 'static-ip-dns' | 'vmware'

export type Reversibility =
  | { readonly kind: 'undoable' } // the app can undo it (journal)
  | { readonly kind: 'self-healing'; readonly key: string } // nothing to undo: Windows/WSL recreate it
  | { readonly kind: 'manual'; readonly key: string } // undo by hand (or System Restore)
  | { readonly kind: 'none' }

/**
 * Everything the confirm screen shows and `fix:apply` then runs: nothing else runs. The plan is
 * computed in the main process from the latest scan; the renderer only sends the fix id.
 */
export interface FixPlan {
  readonly fixId: FixId
  readonly addresses: readonly FindingId[]
  readonly phases: readonly FixPhase[]
  readonly needsAdmin: boolean
  readonly reboots: number
  /** Distributions that will be stopped (running ones, when known); empty when none stop. */
  readonly stopsDistros: boolean
  readonly runningDistros: readonly string[]
  readonly affects: readonly Affect[]
  readonly reversibility: Reversibility
  /** A restore point is created first (admin fixes that are not trivially reversible, E.6). */
  readonly restorePoint: boolean
  /** For `.wslconfig` edits: the file before and after, for a diff. */
  readonly fileChange?: { readonly path: string; readonly before: string; readonly after: string }
  readonly verifyProbes: readonly ProbeId[]
}

/** All steps in order. */
export function allSteps(plan: FixPlan): PlannedStep[] {
  return plan.phases.flatMap((phase) => [...phase.steps])
}
