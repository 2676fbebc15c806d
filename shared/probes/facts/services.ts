import { z } from 'zod'

/**
 * Services and drivers WSL networking depends on (wsl-networking.md D.5, C.4).
 *
 * Read from `HKLM:\SYSTEM\CurrentControlSet\Services\<name>` (exists, `Start`, `TriggerInfo`) and
 * `Get-Service` / `Win32_SystemDriver` for the running state: all readable without admin.
 * `vfpext` and `vmsmp` are drivers; WSL's own "is VMP installed" test is: HNS and vmcompute exist,
 * and (build < 22621 or vfpext exists) (C.4).
 */
export const SERVICE_NAMES = [
  'WSLService',
  'LxssManager',
  'hns',
  'vmcompute',
  'SharedAccess',
  'mpssvc',
  'vmms',
  'vfpext',
  'vmsmp',
  'nvagent',
  'GlobalSecureAccessTunnelingService',
] as const
export type ServiceName = (typeof SERVICE_NAMES)[number]

export const StartType = z.enum(['boot', 'system', 'automatic', 'manual', 'disabled'])
export type StartType = z.infer<typeof StartType>

export const ServiceState = z.object({
  name: z.string(),
  exists: z.boolean(),
  startType: StartType.nullable(),
  delayedAutoStart: z.boolean(),
  triggerStart: z.boolean(),
  /** `Running`, `Stopped`, `StartPending`… as Windows names it; null when not installed or unreadable. */
  status: z.string().nullable(),
})
export type ServiceState = z.infer<typeof ServiceState>

export const ServicesFact = z.object({ services: z.array(ServiceState) })
export type ServicesFact = z.infer<typeof ServicesFact>

/** Registry `Start` DWORD → start type (0 boot, 1 system, 2 automatic, 3 manual/demand, 4 disabled). */
export function startTypeFromRegistry(start: number | null): StartType | null {
  switch (start) {
    case 0:
      return 'boot'
    case 1:
      return 'system'
    case 2:
      return 'automatic'
    case 3:
      return 'manual'
    case 4:
      return 'disabled'
    default:
      return null
  }
}
