import type { PolicyStartType, ServiceStartPolicy, ServiceState } from '../../shared/probes/facts/services'
import { SERVICE_NAMES } from '../../shared/probes/facts/services'
import type { Scenario } from '../../shared/scenarios/scenario'
import { featureEnabled, hasHyperVRole, hasVfpext, hasVirtualizationStack } from './windows-capabilities'

type Service = Omit<ServiceState, 'name'>

const absent: Service = { exists: false, startType: null, delayedAutoStart: false, triggerStart: false, status: null }

/**
 * The services a PC of this build, edition and feature set has, before the scenario's differences
 * (docs/knowledge/probes.md#services): trigger-start services are Manual + TriggerInfo; HNS and vmcompute run
 * while a WSL VM runs; SharedAccess (ICS) is Manual (Trigger Start) by default.
 */
export function servicesOf(scenario: Scenario): ServiceState[] {
  const { windows, wsl } = scenario
  const vmRunning = wsl.distros.some((d) => d.running && d.version === 2)
  const stack = hasVirtualizationStack(windows)
  const defaults: Record<(typeof SERVICE_NAMES)[number], Service> = {
    WSLService: wsl.kind === 'store' ? { exists: true, startType: 'automatic', delayedAutoStart: false, triggerStart: false, status: 'Running' } : absent,
    LxssManager: featureEnabled(windows, 'Microsoft-Windows-Subsystem-Linux')
      ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: false, status: wsl.kind === 'inbox' ? 'Running' : 'Stopped' }
      : absent,
    hns: stack ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: true, status: vmRunning ? 'Running' : 'Stopped' } : absent,
    vmcompute: stack ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: true, status: vmRunning ? 'Running' : 'Stopped' } : absent,
    SharedAccess: { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: true, status: vmRunning ? 'Running' : 'Stopped' },
    mpssvc: { exists: true, startType: 'automatic', delayedAutoStart: false, triggerStart: false, status: 'Running' },
    vmms: hasHyperVRole(windows) ? { exists: true, startType: 'automatic', delayedAutoStart: false, triggerStart: false, status: 'Running' } : absent,
    vfpext: hasVfpext(windows)
      ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: false, status: vmRunning ? 'Running' : 'Stopped' }
      : absent,
    vmsmp: stack ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: false, status: 'Running' } : absent,
    nvagent:
      Number.parseInt(windows.currentBuild, 10) >= 22621
        ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: true, status: 'Stopped' }
        : absent,
    GlobalSecureAccessTunnelingService: absent,
    // DNS Client: Automatic (Start 2, StevenBlack/hosts#2039) and running on every client edition.
    Dnscache: { exists: true, startType: 'automatic', delayedAutoStart: false, triggerStart: true, status: 'Running' },
  }
  const policyStart = scenario.groupPolicy?.serviceStartTypes ?? {}
  return SERVICE_NAMES.map((name) => {
    const override = scenario.services[name]
    const base = policyApplied(defaults[name], policyStart[name])
    if (override === undefined) return { name, ...base }
    const exists = override.exists ?? base.exists
    if (!exists) return { name, ...absent }
    return {
      name,
      exists,
      startType: override.startType ?? base.startType ?? 'manual',
      delayedAutoStart: base.delayedAutoStart,
      triggerStart: base.triggerStart,
      status: override.status ?? base.status ?? 'Stopped',
    }
  })
}

/**
 * A GPO's System Services setting writes the service's Start value at each policy refresh, so the
 * registry shows the policy's start type (a disabled service is then stopped too).
 */
function policyApplied(base: Service, policy: PolicyStartType | undefined): Service {
  if (policy === undefined || !base.exists) return base
  return { ...base, startType: policy, status: policy === 'disabled' ? 'Stopped' : base.status }
}

/** RSoP's record of those settings, as the services probe reads it (shared/probes/facts/services.ts). */
export function serviceStartPolicyOf(scenario: Scenario): ServiceStartPolicy {
  const policy = scenario.groupPolicy
  if (policy !== undefined && !policy.rsopReadable) {
    return { status: 'unreadable', reason: 'access-denied', detail: 'Access denied' }
  }
  const settings = SERVICE_NAMES.flatMap((name) => {
    const startType = policy?.serviceStartTypes[name]
    return startType === undefined ? [] : [{ service: name, startType, gpoId: SIMULATED_GPO_ID }]
  })
  return { status: 'read', settings }
}

/** The GPO the simulated PC's settings come from (RSOP_PolicySetting.GPOID form). */
export const SIMULATED_GPO_ID = 'CN={31B2F340-016D-11D2-945F-00C04FB984F9},CN=Policies,CN=System,DC=contoso,DC=com'
