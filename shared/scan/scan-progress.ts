import { z } from 'zod'
import { PROBE_IDS } from '../probes/probe-ids'
import { MachineSnapshot, UnknownReason } from '../machine/snapshot'

/**
 * The probe's entry, filed under its id (`{ services: { status: 'known', … } }`), so it is checked
 * against that probe's own fact schema; the renderer diagnoses from these while the scan runs.
 */
const ProbeFact = MachineSnapshot.shape.facts

/** Main → renderer: one probe changed state during a scan (for live per-probe progress). */
export const ScanProgress = z.discriminatedUnion('status', [
  z.object({ scanId: z.string(), probeId: z.enum(PROBE_IDS), status: z.literal('queued') }),
  z.object({ scanId: z.string(), probeId: z.enum(PROBE_IDS), status: z.literal('running') }),
  /**
   * Still running well past its usual time: it goes on in the background (on its own session) up
   * to `limitMs`, the findings that do not need it are final, and the Findings step opens.
   */
  z.object({
    scanId: z.string(),
    probeId: z.enum(PROBE_IDS),
    status: z.literal('slow'),
    limitMs: z.number().int().positive(),
  }),
  z.object({
    scanId: z.string(),
    probeId: z.enum(PROBE_IDS),
    status: z.literal('known'),
    durationMs: z.number().nonnegative(),
    fact: ProbeFact,
  }),
  z.object({
    scanId: z.string(),
    probeId: z.enum(PROBE_IDS),
    status: z.literal('unknown'),
    durationMs: z.number().nonnegative(),
    reason: UnknownReason,
    fact: ProbeFact,
  }),
])
export type ScanProgress = z.infer<typeof ScanProgress>
