import { z } from 'zod'
import { MachineSnapshot } from '../machine/snapshot'
import { ScanProgress } from '../scan/scan-progress'
import { FIX_IDS } from '../diagnosis/fix-ids'
import {
  ApplyResponse,
  FixOptionsSchema,
  FixPlanResponse,
  FixProgress,
  HistoryEntry,
  InterruptedRun,
  RecoverAction,
  RecoverResponse,
  ResumeState,
  UndoResponse,
} from '../repair/repair-contract'
import { AppInfo } from './app-info'

/** Scan ids are made by the renderer (so it can cancel before the scan returns); never paths or text. */
const ScanId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/)

/**
 * The single IPC contract: channel → input schema → output schema.
 *
 * Main validates every input against it (and every output, so a handler bug cannot leak odd data);
 * the renderer's bridge type is derived from it, so the real and test bridges cannot drift.
 * Only ids and small options cross: scripts never do (docs/security.md#data-not-code).
 */
export const contract = {
  'app:get-info': {
    input: z.undefined(),
    output: AppInfo,
  },
  'scan:run': {
    input: z.strictObject({ scanId: ScanId, allowWslStart: z.boolean() }),
    output: z.discriminatedUnion('outcome', [
      z.object({ outcome: z.literal('completed'), snapshot: MachineSnapshot }),
      z.object({ outcome: z.literal('cancelled'), snapshot: MachineSnapshot }),
    ]),
  },
  'scan:cancel': {
    input: z.strictObject({ scanId: ScanId }),
    output: z.object({ cancelled: z.boolean() }),
  },
  /** The plan of one fix for the PC as last scanned: what would run, and its side effects. */
  'fix:plan': {
    input: z.strictObject({ fixId: z.enum(FIX_IDS), options: FixOptionsSchema, phase: z.number().int().min(0).max(4).optional() }),
    output: FixPlanResponse,
  },
  /** Runs one phase of a fix, if the plan still matches the digest the user confirmed. */
  'fix:apply': {
    input: z.strictObject({
      fixId: z.enum(FIX_IDS),
      options: FixOptionsSchema,
      phase: z.number().int().min(0).max(4),
      digest: z.string().regex(/^[0-9a-f]{8}$/),
    }),
    output: ApplyResponse,
  },
  'fix:undo': {
    input: z.strictObject({
      entryId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
      /**
       * The user saw the three versions (after a `file-changed` answer) and chose to restore the one
       * before our fix over the current file: the file must still hold exactly these bytes (null: no file).
       */
      overwrite: z
        .strictObject({
          currentBase64: z
            .string()
            .max(1_500_000)
            .regex(/^[A-Za-z0-9+/]*={0,2}$/)
            .nullable(),
        })
        .optional(),
    }),
    output: UndoResponse,
  },
  'fix:history': {
    input: z.undefined(),
    output: z.array(HistoryEntry),
  },
  /** Runs the journal shows as never finished (checked when the app starts). */
  'fix:interrupted': {
    input: z.undefined(),
    output: z.array(InterruptedRun),
  },
  /** Settles one unfinished run: finish (plan it again), undo what was done, or keep it. */
  'fix:recover': {
    input: z.strictObject({ entryId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/), action: RecoverAction }),
    output: RecoverResponse,
  },
  /** Saves the resume state, registers the app to reopen after sign-in, and restarts Windows. */
  'system:restart': {
    input: z.strictObject({ fixId: z.enum(FIX_IDS), options: FixOptionsSchema, nextPhase: z.number().int().min(0).max(4).nullable() }),
    output: z.object({ status: z.enum(['restarting', 'failed']), detail: z.string().optional() }),
  },
  /** A fix waiting to continue after a restart, or null. */
  'session:resume': {
    input: z.undefined(),
    output: ResumeState.nullable(),
  },
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type Input<C extends Channel> = z.infer<Contract[C]['input']>
export type Output<C extends Channel> = z.infer<Contract[C]['output']>

export const CHANNELS = Object.keys(contract) as Channel[]

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value)
}

/** Main → renderer events, by channel. */
export const events = {
  'scan:progress': ScanProgress,
  'fix:progress': FixProgress,
} as const
export type EventChannel = keyof typeof events
export type EventPayload<E extends EventChannel> = z.infer<(typeof events)[E]>
