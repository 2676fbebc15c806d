import type { FactOf } from '../../shared/probes/facts'
import { FEATURE_NAMES, type FeatureState } from '../../shared/probes/facts/virtualization'
import type { Scenario } from '../../shared/scenarios/scenario'
import { hasHyperVRole, hasVirtualizationStack, hypervisorRuns, isHomeEdition } from './windows-capabilities'

type Windows = Scenario['windows']

/**
 * `Win32_OptionalFeature.InstallState` of one feature (D.4): the scenario's value when it names the
 * feature, else derived — the Hyper-V sub-features follow `Microsoft-Hyper-V-All`, and Home editions
 * have no Hyper-V role or Windows Sandbox at all (A.9, D.11), which the simulation reports as Absent.
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
 * What the `virtualization` probe reads (D.4, D.10, D.11).
 *
 * - `hypervisorPresent` follows the features, firmware and launch type (F.18).
 * - `firmwareVirtualization`/`slat` read False while a hypervisor runs (D.10, Medium), so they carry
 *   the scenario's firmware state only when none runs.
 * - `hypervisorLaunchType` needs admin (`bcdedit`, D.10); scans run unelevated, so it is null.
 * - `hyperVModule`: the role with its PowerShell feature, never on Home (D.11); `hnsModule`: the
 *   HostNetworkingService module ships with HNS, i.e. with VMP or the role (D.7, Medium).
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
    firmwareVirtualization: running ? false : host.firmwareVirtualization ?? true,
    slat: running ? false : !vm,
    hypervisorLaunchType: null,
    model: vm ? 'Virtual Machine' : 'ThinkPad T14 Gen 3',
    manufacturer: vm ? 'Microsoft Corporation' : 'LENOVO',
    hyperVModule: hasHyperVRole(windows) && features['Microsoft-Hyper-V-Management-PowerShell'] === 'Enabled',
    hnsModule: hasVirtualizationStack(windows),
  }
}
