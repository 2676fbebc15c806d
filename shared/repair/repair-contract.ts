import { z } from 'zod'
import { FINDING_IDS } from '../diagnosis/finding-ids'
import { FIX_IDS } from '../diagnosis/fix-ids'
import { MachineSnapshot } from '../machine/snapshot'
import { FixPlanSchema } from './fix-plan'

/** The user's choices for a fix; distro names are checked against the scan in the plan. */
export const FixOptionsSchema = z.strictObject({
  distro: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[^\u0000-\u001f]+$/)
    .optional(),
  skipRestorePoint: z.boolean().optional(),
})

const MessageRef = z.object({ key: z.string(), args: z.record(z.string(), z.union([z.string(), z.number()])).optional() })

export const FixPlanResponse = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), plan: FixPlanSchema, digest: z.string() }),
  z.object({ available: z.literal(false), reason: MessageRef }),
])

export const StepReportSchema = z.object({
  index: z.number().int().nonnegative(),
  status: z.enum(['pending', 'running', 'done', 'failed', 'not-run']),
  detail: z.string().nullable(),
})

/** Findings before and after a fix, from re-running the probes the fix names. */
export const Verification = z.object({
  before: z.array(z.enum(FINDING_IDS)),
  after: z.array(z.enum(FINDING_IDS)),
  /** The findings this fix addresses that are gone now. */
  resolved: z.array(z.enum(FINDING_IDS)),
  /** The findings this fix addresses that are still there: offer the next rung. */
  remaining: z.array(z.enum(FINDING_IDS)),
  /** Findings that were not there before the fix. */
  appeared: z.array(z.enum(FINDING_IDS)),
})
export type Verification = z.infer<typeof Verification>

export const ApplyResponse = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('completed'),
    entryId: z.string(),
    rebootRequired: z.boolean(),
    nextPhase: z.number().int().nullable(),
    steps: z.array(StepReportSchema),
    verification: Verification.nullable(),
    /**
     * The scan with the re-run probes merged in (null when nothing was re-run): the renderer shows
     * it on Findings, Verify and the report, so none of them goes stale after a fix.
     */
    snapshot: MachineSnapshot.nullable(),
  }),
  z.object({ status: z.literal('declined'), steps: z.array(StepReportSchema) }),
  z.object({ status: z.literal('elevation-failed'), entryId: z.string(), detail: z.string(), steps: z.array(StepReportSchema) }),
  z.object({ status: z.literal('failed'), entryId: z.string(), failedStep: z.number().int(), detail: z.string(), steps: z.array(StepReportSchema) }),
  /** The PC changed since the plan was shown (or there was no scan): scan and confirm again. */
  z.object({ status: z.literal('plan-changed') }),
  /** Another apply, undo or recovery is running: nothing was started. */
  z.object({ status: z.literal('busy') }),
])
export type ApplyResponse = z.infer<typeof ApplyResponse>

export const UndoResponse = z.discriminatedUnion('status', [
  z.object({ status: z.literal('undone'), verification: Verification.nullable() }),
  z.object({ status: z.literal('declined') }),
  z.object({ status: z.literal('failed'), detail: z.string() }),
  z.object({ status: z.literal('nothing-to-undo') }),
  z.object({ status: z.literal('busy') }),
  /**
   * The file is no longer what our fix wrote (someone edited it since): nothing was restored.
   * The three versions, as base64 of their bytes (null: no file), for the user to choose from.
   */
  z.object({
    status: z.literal('file-changed'),
    path: z.string(),
    beforeBase64: z.string().nullable(),
    oursBase64: z.string().nullable(),
    currentBase64: z.string().nullable(),
  }),
  /** A recorded value is not one the fix scripts may write: the journal was altered; nothing ran. */
  z.object({ status: z.literal('refused'), detail: z.string() }),
])

/** A step of an interrupted run, as the journal knows it (`running`: it may have run). */
export const InterruptedStep = z.object({
  describe: MessageRef,
  status: z.enum(['pending', 'running', 'done', 'failed', 'not-run']),
})

/** A run the journal shows as never finished (the app, PowerShell or Windows stopped mid-fix). */
export const InterruptedRun = z.object({
  entryId: z.string(),
  fixId: z.enum(FIX_IDS),
  startedAt: z.string(),
  steps: z.array(InterruptedStep),
  undoable: z.boolean(),
})
export type InterruptedRun = z.infer<typeof InterruptedRun>

export const RecoverAction = z.enum(['finish', 'undo', 'keep'])
export type RecoverAction = z.infer<typeof RecoverAction>

export const RecoverResponse = z.discriminatedUnion('status', [
  /** Kept as is, or closed so the fix can be planned and run again on the fresh scan. */
  z.object({ status: z.literal('closed'), action: z.enum(['finish', 'keep']) }),
  z.object({ status: z.literal('undo'), undo: UndoResponse }),
  z.object({ status: z.literal('not-found') }),
  z.object({ status: z.literal('busy') }),
])

export const HistoryEntry = z.object({
  id: z.string(),
  fixId: z.enum(FIX_IDS),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  undoable: z.boolean(),
  undoneAt: z.string().nullable(),
})

/** Saved before a restart; read back when the app starts again (RunOnce `--resume`). */
export const ResumeState = z.object({
  version: z.literal(1),
  fixId: z.enum(FIX_IDS),
  options: FixOptionsSchema,
  /** The phase to run after the restart, or null when only verification is left. */
  nextPhase: z.number().int().nullable(),
  bootTimeBefore: z.string().nullable(),
  /** The findings before the fix, to show before/after once the PC is back. */
  findingsBefore: z.array(z.enum(FINDING_IDS)),
  savedAt: z.string(),
  /** Set when the app found the PC really restarted (boot time changed). */
  rebooted: z.boolean().optional(),
  /** The consent to start WSL given before the restart: kept, so the journey goes on as agreed. */
  allowWslStart: z.boolean().optional(),
  /** How many parts the fix has ("part 1 of 2 done"). */
  parts: z.number().int().positive().optional(),
})
export type ResumeState = z.infer<typeof ResumeState>

export const FixProgress = z.object({
  fixId: z.enum(FIX_IDS),
  phase: z.number().int().nonnegative(),
  index: z.number().int().nonnegative(),
  status: z.enum(['pending', 'running', 'done', 'failed', 'not-run']),
  detail: z.string().nullable(),
})
