import type { FindingId } from '../diagnosis/finding-ids'
import type { FixId } from '../diagnosis/fix-ids'
import type { MachineView } from '../diagnosis/machine-view'
import type { ProbeId } from '../probes/probe-ids'
import type { Affect, FixPhase, FixPlan, Reversibility } from './fix-plan'
import { restorePointStep } from './steps'

/** Choices a user makes on the confirm screen; validated at the IPC boundary. */
export interface FixOptions {
  /** WSL1 fallback: which distribution (must be one the scan listed). */
  readonly distro?: string
  /** Apply an admin fix without the restore point when System Protection is off (docs/knowledge/fixes.md#restore-points). */
  readonly skipRestorePoint?: boolean
}

/** Why a fix cannot be offered on this PC (a message key in `shared/repair/messages`). */
export type Unavailable = { readonly key: string; readonly args?: Readonly<Record<string, string | number>> }

/** The parts of a plan a fix decides; `buildPlan` derives the rest (admin, reboots, distros). */
export interface PlanParts {
  readonly phases: readonly FixPhase[]
  readonly reversibility: Reversibility
  readonly affects?: readonly Affect[]
  readonly verifyProbes: readonly ProbeId[]
  readonly fileChange?: FixPlan['fileChange']
}

/**
 * One fix the app can really apply. A fix that is not implemented is not in the catalog at all:
 * the findings then show it as guidance only (issue "Repair": "each one real, or absent").
 */
export interface FixDefinition {
  readonly id: FixId
  readonly addresses: readonly FindingId[]
  readonly unavailable: (view: MachineView, options: FixOptions) => Unavailable | null
  readonly plan: (view: MachineView, options: FixOptions) => PlanParts
}

/** Completes a plan: admin and reboot counts from its steps, distros that stop, restore point. */
export function buildPlan(definition: FixDefinition, view: MachineView, options: FixOptions): FixPlan {
  const parts = definition.plan(view, options)
  const steps = parts.phases.flatMap((p) => [...p.steps])
  const needsAdmin = steps.some((s) => s.elevated)
  const stops = steps.some(
    (s) => s.script === 'wsl-shutdown' || s.script === 'wsl-update' || s.script === 'wsl-set-version' || s.script === 'delete-wsl-hns-network',
  )
  const running = view.wsl.known ? (view.wsl.value.distros ?? []).filter((d) => d.state === 'Running').map((d) => d.name) : []
  // docs/knowledge/fixes.md#restore-points: a restore point before admin changes the app cannot undo itself.
  const restorePoint = needsAdmin && (parts.reversibility.kind === 'manual' || parts.reversibility.kind === 'none') && options.skipRestorePoint !== true
  const phases = restorePoint ? withRestorePoint(parts.phases, definition.id) : parts.phases
  return {
    fixId: definition.id,
    addresses: [...definition.addresses],
    phases,
    needsAdmin,
    reboots: parts.phases.filter((p) => p.rebootAfter).length,
    stopsDistros: stops,
    runningDistros: stops ? running : [],
    affects: [...(parts.affects ?? [])],
    reversibility: parts.reversibility,
    restorePoint,
    ...(parts.fileChange ? { fileChange: parts.fileChange } : {}),
    verifyProbes: [...parts.verifyProbes],
  }
}

/** The restore point goes first among the elevated steps of the first phase (one UAC prompt). */
function withRestorePoint(phases: readonly FixPhase[], fixId: string): FixPhase[] {
  const [first, ...rest] = phases
  if (first === undefined) return []
  const index = first.steps.findIndex((s) => s.elevated)
  const steps = [...first.steps]
  steps.splice(index < 0 ? 0 : index, 0, restorePointStep(`WSL Network Doctor: before ${fixId}`))
  return [{ ...first, steps }, ...rest]
}
