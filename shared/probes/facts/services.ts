import { z } from 'zod'

/**
 * Services and drivers WSL networking depends on (docs/knowledge/probes.md#services, docs/knowledge/error-codes.md#hresult-table).
 *
 * Read from `HKLM:\SYSTEM\CurrentControlSet\Services\<name>` (exists, `Start`, `TriggerInfo`) and
 * `Get-Service` / `Win32_SystemDriver` for the running state: all readable without admin.
 * `vfpext` and `vmsmp` are drivers; WSL's own "is VMP installed" test is: HNS and vmcompute exist,
 * and (build < 22621 or vfpext exists) (docs/knowledge/error-codes.md#hresult-table).
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
  // DNS Client: disabled, WSL 2 fails in ConfigureNetworking with 0x80070426 (docs/knowledge/host-network-probes.md#dns-client).
  'Dnscache',
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

/** Start types a Group Policy "System Services" setting can give (RSOP_SystemService.StartupMode 2, 3, 4). */
export const PolicyStartType = z.enum(['automatic', 'manual', 'disabled'])
export type PolicyStartType = z.infer<typeof PolicyStartType>

/**
 * Which Group Policy sets a probed service's start type (docs/knowledge/host-network-probes.md#who-set-a-start-type):
 * the winning (precedence 1) `RSOP_SystemService` instances in `root\rsop\computer` for the probed
 * names. `read` with no setting = no GPO's System Services policy names the service (as RSoP logged it);
 * `unreadable` = can't tell (WMI refused, e.g. access denied to a standard user, or no RSoP namespace).
 */
export const ServiceStartPolicy = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('read'),
    settings: z.array(z.object({ service: z.string(), startType: PolicyStartType, gpoId: z.string().nullable() })),
  }),
  z.object({
    status: z.literal('unreadable'),
    reason: z.enum(['access-denied', 'no-rsop-namespace', 'failed']),
    detail: z.string(),
  }),
])
export type ServiceStartPolicy = z.infer<typeof ServiceStartPolicy>

export const ServicesFact = z.object({
  services: z.array(ServiceState),
  /** Absent in snapshots taken before the probe read it. */
  startPolicy: ServiceStartPolicy.optional(),
})
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
