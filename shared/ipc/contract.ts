import { z } from 'zod'
import { MachineSnapshot } from '../machine/snapshot'
import { ScanProgress } from '../scan/scan-progress'
import { AppInfo } from './app-info'

/** Scan ids are made by the renderer (so it can cancel before the scan returns); never paths or text. */
const ScanId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/)

/**
 * The single IPC contract: channel → input schema → output schema.
 *
 * Main validates every input against it (and every output, so a handler bug cannot leak odd data);
 * the renderer's bridge type is derived from it, so the real and test bridges cannot drift.
 * Only ids and small options cross: scripts never do (engineering.md §2 item 20, §4).
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
} as const
export type EventChannel = keyof typeof events
export type EventPayload<E extends EventChannel> = z.infer<(typeof events)[E]>
