import { z } from 'zod'
import { FINDING_IDS } from '../diagnosis/finding-ids'
import { FIX_IDS } from '../diagnosis/fix-ids'
import { PROBE_IDS } from '../probes/probe-ids'
import { FIX_SCRIPT_IDS } from './fix-scripts'

/**
 * A fix plan, as data: everything the confirm screen shows and `fix:apply` then runs — nothing
 * else runs. Plans are computed in the main process from the latest scan; the renderer only sends
 * the fix id and the user's choices, and gets the plan back to show it (validated on the way out).
 */
/** Encodings a `.wslconfig` diff can name (`utf16le-no-bom`: what the re-encode fix converts from). */
export const FILE_ENCODINGS = ['utf8', 'utf8-bom', 'utf16le-bom', 'utf16le-no-bom'] as const

const MessageRef = z.object({ key: z.string(), args: z.record(z.string(), z.union([z.string(), z.number()])) })

/** JSON data a step's script receives as `$WndInput` (base64 JSON; never spliced into text). */
export const StepInput = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
export type StepInput = z.infer<typeof StepInput>

/** One thing a fix does, shown to the user before it runs. */
export const PlannedStep = z.object({
  script: z.enum(FIX_SCRIPT_IDS as [string, ...string[]]),
  elevated: z.boolean(),
  input: StepInput,
  /** What the user sees in the confirm list (a repair message key + args). */
  describe: MessageRef,
  /** The equivalent command, for people who want to know exactly what runs. Display only. */
  command: z.string(),
})
export type PlannedStep = Omit<z.infer<typeof PlannedStep>, 'script'> & { readonly script: (typeof FIX_SCRIPT_IDS)[number] }

/** Steps run in phases: a phase that needs a restart ends with one; the next resumes after it. */
export const FixPhase = z.object({ steps: z.array(PlannedStep), rebootAfter: z.boolean() })
export type FixPhase = { readonly steps: readonly PlannedStep[]; readonly rebootAfter: boolean }

/** Other software a fix can disturb (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#commands-we-never-run). */
export const AFFECTS = ['docker-desktop', 'vscode-remote', 'hyperv-vms', 'windows-sandbox', 'lsp-vpn-software', 'static-ip-dns', 'vmware'] as const
export type Affect = (typeof AFFECTS)[number]

export const Reversibility = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('undoable') }), // the app can undo it (journal)
  z.object({ kind: z.literal('self-healing'), key: z.string() }), // nothing to undo: Windows/WSL recreate it
  z.object({ kind: z.literal('manual'), key: z.string() }), // undo by hand (or System Restore)
  z.object({ kind: z.literal('none') }),
])
export type Reversibility = z.infer<typeof Reversibility>

export const FixPlanSchema = z.object({
  fixId: z.enum(FIX_IDS),
  addresses: z.array(z.enum(FINDING_IDS)),
  phases: z.array(FixPhase),
  needsAdmin: z.boolean(),
  reboots: z.number().int().nonnegative(),
  stopsDistros: z.boolean(),
  /** Distributions that will be stopped (running ones, when known). */
  runningDistros: z.array(z.string()),
  affects: z.array(z.enum(AFFECTS)),
  reversibility: Reversibility,
  /** A restore point is created first (admin fixes that are not trivially reversible, docs/knowledge/fixes.md#restore-points). */
  restorePoint: z.boolean(),
  /**
   * For `.wslconfig` edits: the file before and after, for a diff — the texts its bytes really hold.
   * The encodings are named when a fix changes them (same text, other bytes).
   */
  fileChange: z
    .object({
      path: z.string(),
      before: z.string(),
      after: z.string(),
      encodingBefore: z.enum(FILE_ENCODINGS).optional(),
      encodingAfter: z.enum(FILE_ENCODINGS).optional(),
    })
    .optional(),
  verifyProbes: z.array(z.enum(PROBE_IDS)),
})
export type FixPlan = Omit<z.infer<typeof FixPlanSchema>, 'phases'> & { readonly phases: readonly FixPhase[] }

/** All steps in order. */
export function allSteps(plan: FixPlan): PlannedStep[] {
  return plan.phases.flatMap((phase) => [...phase.steps])
}

/**
 * A short fingerprint of a plan (FNV-1a over its JSON): `fix:apply` recomputes the plan and
 * refuses to run when it differs from the one the user confirmed (the PC changed meanwhile).
 */
export function planDigest(plan: FixPlan): string {
  let hash = 0x811c9dc5
  const text = JSON.stringify(plan)
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}
