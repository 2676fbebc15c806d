import { z } from 'zod'
import { PROBE_IDS } from '../probes/probe-ids'
import { UnknownReason } from '../machine/snapshot'

/** Main → renderer: one probe changed state during a scan (for live per-probe progress). */
export const ScanProgress = z.discriminatedUnion('status', [
  z.object({ scanId: z.string(), probeId: z.enum(PROBE_IDS), status: z.literal('queued') }),
  z.object({ scanId: z.string(), probeId: z.enum(PROBE_IDS), status: z.literal('running') }),
  z.object({
    scanId: z.string(),
    probeId: z.enum(PROBE_IDS),
    status: z.literal('known'),
    durationMs: z.number().nonnegative(),
  }),
  z.object({
    scanId: z.string(),
    probeId: z.enum(PROBE_IDS),
    status: z.literal('unknown'),
    durationMs: z.number().nonnegative(),
    reason: UnknownReason,
  }),
])
export type ScanProgress = z.infer<typeof ScanProgress>
export type ProbeStatus = ScanProgress['status']
