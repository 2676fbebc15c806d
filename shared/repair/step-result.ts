import { z } from 'zod'
import { FIXABLE_SERVICES, RESTORABLE_REGISTRY_VALUES } from './fix-scripts'

/**
 * How to take one applied step back, recorded in the journal before/after it runs. Only what the
 * app can undo exactly is recorded; everything else is described to the user instead.
 */
export const UndoRecord = z.discriminatedUnion('kind', [
  /** Put a file back byte for byte (`previousBase64` null: the file did not exist → delete it). */
  z.object({
    kind: z.literal('restore-file'),
    path: z.string(),
    previousBase64: z.string().nullable(),
    backupPath: z.string().nullable(),
    /** What our fix wrote: an undo restores the file only while it still holds exactly these bytes. */
    writtenBase64: z.string().nullable().optional(),
  }),
  /** Put a registry DWORD back (one of the values the fix scripts may remove). */
  z.object({
    kind: z.literal('restore-registry-value'),
    value: z.enum(RESTORABLE_REGISTRY_VALUES),
    previous: z.number().int(),
  }),
  /** Put a service's start type back. */
  z.object({
    kind: z.literal('restore-service-start'),
    name: z.enum(FIXABLE_SERVICES),
    startType: z.enum(['boot', 'system', 'automatic', 'manual', 'disabled']),
  }),
])
export type UndoRecord = z.infer<typeof UndoRecord>

/** What every fix script returns as its envelope data. */
export const StepResult = z.object({
  /** False when the PC already was as the step wanted (nothing written). */
  changed: z.boolean(),
  /** Windows needs a restart for the change to take effect (e.g. DISM exit 3010). */
  rebootRequired: z.boolean(),
  undo: UndoRecord.nullable(),
  /** Short technical detail: exit codes, paths (shown under "details"). */
  detail: z.string().nullable(),
})
export type StepResult = z.infer<typeof StepResult>

/** The elevated batch's data: one entry per step that ran, in order; it stops at the first failure. */
export const BatchResult = z.object({
  steps: z.array(
    z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), index: z.number().int(), result: StepResult }),
      z.object({ ok: z.literal(false), index: z.number().int(), error: z.string() }),
    ]),
  ),
})
export type BatchResult = z.infer<typeof BatchResult>
