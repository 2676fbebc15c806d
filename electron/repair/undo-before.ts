import type { MachineSnapshot } from '../../shared/machine/snapshot'
import type { ProbeId } from '../../shared/probes/probe-ids'
import type { FixPlan, PlannedStep } from '../../shared/repair/fix-plan'
import type { FixScriptId } from '../../shared/repair/fix-scripts'
import type { UndoRecord } from '../../shared/repair/step-result'
import { HostNetworkingFact } from '../../shared/probes/facts/host-networking'
import { MirroredReadinessFact } from '../../shared/probes/facts/mirrored-readiness'
import { ServicesFact } from '../../shared/probes/facts/services'
import type { z } from 'zod'
import { runScan, type ScanDeps } from '../scan/run-scan'

/** Reads, before a phase runs, each step's undo record (null: not readable without admin / no undo). */
export type UndoReader = (steps: readonly PlannedStep[]) => Promise<readonly (UndoRecord | null)[]>

/**
 * What the plan itself knows: a `.wslconfig` write replaces the bytes the scan read (its
 * `expectedBase64`, which the script checks again before writing) with its `contentBase64`.
 */
export function undoBeforeFromPlan(plan: FixPlan, steps: readonly PlannedStep[]): (UndoRecord | null)[] {
  return steps.map((s) => {
    if (s.script !== 'wslconfig-write' || !plan.fileChange) return null
    const previous = s.input['expectedBase64']
    const written = s.input['contentBase64']
    return {
      kind: 'restore-file',
      path: plan.fileChange.path,
      previousBase64: typeof previous === 'string' ? previous : null,
      backupPath: null,
      writtenBase64: typeof written === 'string' ? written : null,
    }
  })
}

/** The unelevated probe that reads what each script changes (all of these read HKLM without admin). */
const READ_BY: Partial<Record<FixScriptId, ProbeId>> = {
  'service-start-type': 'services',
  'remove-ipv6-disabled-components': 'mirrored-readiness',
  'remove-hyperv-firewall-disable': 'mirrored-readiness',
  'remove-port-tracker': 'host-networking',
}

/**
 * An UndoReader that re-runs, as the user, the probes that read what the steps will change
 * (services: `HKLM:\SYSTEM\CurrentControlSet\Services\<name>\Start`; the three DWORDs the remove-*
 * scripts delete), right before the phase: the previous value is in the journal before the
 * elevated side touches it. A value the probe could not read stays null (the step's own record,
 * read by the elevated side before it writes, arrives with its result).
 */
export function probeUndoReader(scan: ScanDeps): UndoReader {
  return async (steps) => {
    const probes = [...new Set(steps.map((s) => READ_BY[s.script]).filter((p): p is ProbeId => p !== undefined))]
    if (probes.length === 0) return steps.map(() => null)
    const { snapshot } = await runScan(scan, {
      scanId: 'undo-before',
      allowWslStart: false,
      probes,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    })
    return steps.map((s) => undoFromSnapshot(s, snapshot))
  }
}

export function undoFromSnapshot(s: PlannedStep, snapshot: MachineSnapshot): UndoRecord | null {
  const known = <T extends z.ZodTypeAny>(probe: keyof MachineSnapshot['facts'], schema: T): z.infer<T> | null => {
    const entry = snapshot.facts[probe]
    const parsed = entry?.status === 'known' ? schema.safeParse(entry.data) : null
    return parsed?.success ? parsed.data : null
  }
  switch (s.script) {
    case 'service-start-type': {
      const name = s.input['name']
      if (name !== 'WSLService' && name !== 'SharedAccess') return null
      const startType = known('services', ServicesFact)?.services.find((svc) => svc.name === name)?.startType ?? null
      return startType === null ? null : { kind: 'restore-service-start', name, startType }
    }
    case 'remove-ipv6-disabled-components': {
      const previous = known('mirrored-readiness', MirroredReadinessFact)?.ipv6DisabledComponents ?? null
      return previous === null ? null : { kind: 'restore-registry-value', value: 'ipv6-disabled-components', previous }
    }
    case 'remove-hyperv-firewall-disable': {
      const previous = known('mirrored-readiness', MirroredReadinessFact)?.hyperVFirewallDisable ?? null
      return previous === null ? null : { kind: 'restore-registry-value', value: 'hyperv-firewall-disable', previous }
    }
    case 'remove-port-tracker': {
      const previous = known('host-networking', HostNetworkingFact)?.portTrackerEnabledMode ?? null
      return previous === null ? null : { kind: 'restore-registry-value', value: 'port-tracker-enabled-mode', previous }
    }
    default:
      return null
  }
}
