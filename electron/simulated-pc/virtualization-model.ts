import type { FactOf } from '../../shared/probes/facts'
import { FEATURE_NAMES, type FeatureState } from '../../shared/probes/facts/virtualization'
import type { Scenario } from '../../shared/scenarios/scenario'
import { hasHyperVRole, hasVirtualizationStack, hypervisorRuns, isHomeEdition } from './windows-capabilities'

type Windows = Scenario['windows']

/**
 * `Win32_OptionalFeature.InstallState` of one feature (docs/knowledge/probes.md#virtualization): the scenario's value when it names the
 * feature, else derived — the Hyper-V sub-features follow `Microsoft-Hyper-V-All`, and Home editions
 * have no Hyper-V role or Windows Sandbox at all (docs/knowledge/wsl-checks.md#minimum-windows-for-wsl-2, docs/knowledge/probes.md#virtualization), which the simulation reports as Absent.
 */
function featureState(windows: Windows, name: (typeof FEATURE_NAMES)[number]): FeatureState {
  const stated = windows.features[name]
  if (stated !== undefined) return stated
  const home = isHomeEdition(windows)
  switch (name) {
    case 'Microsoft-Hyper-V':
    case 'Microsoft-Hyper-V-Management-PowerShell':
      return home ? 'Absent' : hasHyperVRole(windows) ? 'Enabled' : 'Disabled'
    case 'Containers-DisposableClientVM':
      return home ? 'Absent' : 'Disabled'
    default:
      return home && name === 'Microsoft-Hyper-V-All' ? 'Absent' : 'Disabled'
  }
}

/**
 * What the `virtualization` probe reads (docs/knowledge/probes.md#virtualization).
 *
 * - `hypervisorPresent` follows the features, firmware and launch type (docs/knowledge/host-causes.md#virtualization-off).
 * - `firmwareVirtualization`/`slat` read False while a hypervisor runs (docs/knowledge/probes.md#virtualization, Medium), so they carry
 *   the scenario's firmware state only when none runs.
 * - `hypervisorLaunchType` needs admin (`bcdedit`, docs/knowledge/probes.md#virtualization); scans run unelevated, so it is null.
 * - `hyperVModule`: the role with its PowerShell feature, never on Home (docs/knowledge/probes.md#virtualization); `hnsModule`: the
 *   HostNetworkingService module ships with HNS, i.e. with VMP or the role (docs/knowledge/wsl-checks.md#nat-network-internals, Medium).
 * - Model/manufacturer: a Hyper-V guest reports "Virtual Machine"/"Microsoft Corporation"; bare metal
 *   gets an ordinary OEM model (the value is not diagnostic).
 */
export function virtualizationFact(scenario: Scenario): FactOf<'virtualization'> {
  const { windows, host } = scenario
  const running = hypervisorRuns(scenario)
  const features = Object.fromEntries(FEATURE_NAMES.map((name) => [name, featureState(windows, name)]))
  const vm = host.isVirtualMachine === true
  return {
    features,
    hypervisorPresent: running,
    firmwareVirtualization: running ? false : (host.firmwareVirtualization ?? true),
    slat: running ? false : !vm,
    hypervisorLaunchType: null,
    model: vm ? 'Virtual Machine' : 'ThinkPad T14 Gen 3',
    manufacturer: vm ? 'Microsoft Corporation' : 'LENOVO',
    hyperVModule: hasHyperVRole(windows) && features['Microsoft-Hyper-V-Management-PowerShell'] === 'Enabled',
    hnsModule: hasVirtualizationStack(windows),
    domain: { partOfDomain: host.domain !== undefined, name: host.domain ?? null },
  }
}
