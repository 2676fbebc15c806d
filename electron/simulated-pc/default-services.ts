import type { ServiceState } from '../../shared/probes/facts/services'
import { SERVICE_NAMES } from '../../shared/probes/facts/services'
import type { Scenario } from '../../shared/scenarios/scenario'
import {
  featureEnabled,
  hasHyperVRole,
  hasVfpext,
  hasVirtualizationStack,
} from './windows-capabilities'

type Service = Omit<ServiceState, 'name'>

const absent: Service = { exists: false, startType: null, delayedAutoStart: false, triggerStart: false, status: null }

/**
 * The services a PC of this build, edition and feature set has, before the scenario's differences
 * (wsl-networking.md D.5): trigger-start services are Manual + TriggerInfo; HNS and vmcompute run
 * while a WSL VM runs; SharedAccess (ICS) is Manual (Trigger Start) by default.
 */
export function servicesOf(scenario: Scenario): ServiceState[] {
  const { windows, wsl } = scenario
  const vmRunning = wsl.distros.some((d) => d.running && d.version === 2)
  const stack = hasVirtualizationStack(windows)
  const defaults: Record<(typeof SERVICE_NAMES)[number], Service> = {
    WSLService:
      wsl.kind === 'store'
        ? { exists: true, startType: 'automatic', delayedAutoStart: false, triggerStart: false, status: 'Running' }
        : absent,
    LxssManager: featureEnabled(windows, 'Microsoft-Windows-Subsystem-Linux')
      ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: false, status: wsl.kind === 'inbox' ? 'Running' : 'Stopped' }
      : absent,
    hns: stack
      ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: true, status: vmRunning ? 'Running' : 'Stopped' }
      : absent,
    vmcompute: stack
      ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: true, status: vmRunning ? 'Running' : 'Stopped' }
      : absent,
    SharedAccess: { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: true, status: vmRunning ? 'Running' : 'Stopped' },
    mpssvc: { exists: true, startType: 'automatic', delayedAutoStart: false, triggerStart: false, status: 'Running' },
    vmms: hasHyperVRole(windows)
      ? { exists: true, startType: 'automatic', delayedAutoStart: false, triggerStart: false, status: 'Running' }
      : absent,
    vfpext: hasVfpext(windows)
      ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: false, status: vmRunning ? 'Running' : 'Stopped' }
      : absent,
    vmsmp: stack
      ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: false, status: 'Running' }
      : absent,
    nvagent:
      Number.parseInt(windows.currentBuild, 10) >= 22621
        ? { exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: true, status: 'Stopped' }
        : absent,
    GlobalSecureAccessTunnelingService: absent,
  }
  return SERVICE_NAMES.map((name) => {
    const override = scenario.services[name]
    const base = defaults[name]
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
