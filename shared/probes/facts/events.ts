import { z } from 'zod'

/**
 * Recent events from the logs that record WSL networking failures (docs/knowledge/probes.md#events).
 * Channels that do not exist (VMMS-Admin without the Hyper-V role) are `available: false`, not
 * errors. Messages are in the OS language and can contain user and computer names: rules read ids
 * and codes; the report redacts messages.
 */
export const EVENT_LOGS = [
  'Application',
  'Microsoft-Windows-Host-Network-Service-Admin',
  'Microsoft-Windows-Host-Network-Service-Operational',
  'Microsoft-Windows-Hyper-V-Compute-Admin',
  'Microsoft-Windows-Hyper-V-VmSwitch-Operational',
  'Microsoft-Windows-Hyper-V-VMMS-Admin',
  'System',
] as const

export const EventRecord = z.object({
  provider: z.string(),
  /**
   * The formatted message; for a provider without message resources (WSL's own source registers
   * none, so its warnings have no message) the event's data values, one per line.
   */
  message: z.string(),
  id: z.number().int(),
  level: z.number().int().nullable(),
  timeCreated: z.string(),
})
export type EventRecord = z.infer<typeof EventRecord>

export const EventLogRead = z.object({
  log: z.string(),
  available: z.boolean(),
  error: z.string().nullable(),
  events: z.array(EventRecord),
})

export const EventsFact = z.object({
  sinceDays: z.number().int().positive(),
  logs: z.array(EventLogRead),
})
export type EventsFact = z.infer<typeof EventsFact>
