import type { FactOf } from '../../shared/probes/facts'
import type { ProbeId } from '../../shared/probes/probe-ids'
import type { Scenario } from '../../shared/scenarios/scenario'
import { assertNever } from '../../shared/util/assert-never'
import { serviceStartPolicyOf, servicesOf } from './default-services'
import { eventsFact } from './events-model'
import { firewallProfiles } from './firewall-profiles-model'
import { hypervFirewall } from './hyperv-firewall-model'
import { hostNetworking } from './host-networking-model'
import { hostDns } from './host-dns-model'
import { mirroredReadiness } from './mirrored-readiness-model'
import { nativeOutput, wslStartStreams } from './native-output'
import { networkAdapters } from './network-adapters-model'
import { proxySettings } from './proxy-settings-model'
import { virtualizationFact } from './virtualization-model'
import { winsockCatalog } from './winsock-catalog-model'
import { installedProducts } from './installed-products-model'
import { wslListOutput, wslOutputEncoding, wslVersionOutput } from './wsl-cli-model'
import { simulateWslStart } from './wsl-startup-model'
import { wslNetworkCheck } from './wsl-network-check-model'
import { wslconfigBytes, wslconfigPath } from './wslconfig-bytes'

/**
 * What each probe script would return on the scenario's PC: the `data` of its JSON envelope,
 * field for field as the `.ps1` builds it. Pure: the same state always gives the same answer.
 *
 * A fact recorded on a real PC (`recordedFacts`, known) is returned verbatim, so a scenario made
 * from a snapshot answers exactly what that PC answered, here and in `snapshotOfScenario`.
 */
export function probeResponse(probeId: ProbeId, scenario: Scenario): FactOf<ProbeId> {
  const recorded = scenario.recordedFacts?.[probeId]
  if (recorded?.status === 'known') return structuredClone(recorded.data)
  switch (probeId) {
    case 'windows-version':
      return windowsVersion(scenario)
    case 'wsl-install':
      return wslInstall(scenario)
    case 'wslconfig-file':
      return wslconfigFile(scenario)
    case 'services':
      return { services: servicesOf(scenario), startPolicy: serviceStartPolicyOf(scenario) }
    case 'mirrored-readiness':
      return mirroredReadiness(scenario)
    case 'virtualization':
      return virtualizationFact(scenario)
    case 'events':
      return eventsFact(scenario)
    case 'network-adapters':
      return networkAdapters(scenario)
    case 'proxy-settings':
      return proxySettings(scenario)
    case 'winsock-catalog':
      return winsockCatalog(scenario)
    case 'installed-products':
      return installedProducts(scenario)
    case 'firewall-profiles':
      return firewallProfiles(scenario)
    case 'hyperv-firewall':
      return hypervFirewall(scenario)
    case 'host-networking':
      return hostNetworking(scenario)
    case 'host-dns':
      return hostDns(scenario)
    case 'wsl-startup':
      return wslStartup(scenario)
    case 'wsl-network-check':
      return wslNetworkCheck(scenario)
    default:
      return assertNever(probeId, 'probe id')
  }
}

function windowsVersion({ windows }: Scenario): FactOf<'windows-version'> {
  return {
    currentBuild: windows.currentBuild,
    ubr: windows.ubr,
    displayVersion: windows.displayVersion,
    editionId: windows.editionId,
    installationType: windows.installationType,
    productName: windows.productName,
    uiCulture: windows.uiCulture,
  }
}

function distroId(index: number): string {
  return `{${(index + 1).toString(16).padStart(8, '0')}-5f2c-4c1d-9a51-7c7a3b0e${(0x1000 + index).toString(16)}}`
}

function wslInstall(scenario: Scenario): FactOf<'wsl-install'> {
  const { wsl } = scenario
  const present = wsl.kind !== 'absent'
  const encoding = wslOutputEncoding(scenario)
  const defaultIndex = wsl.distros.findIndex((d) => d.default)
  return {
    wslExePresent: present,
    msiVersion: wsl.kind === 'store' ? wsl.version : null,
    appxVersion: wsl.kind === 'store' ? wsl.version : null,
    versionOutput: present ? nativeOutput(wslVersionOutput(scenario), encoding) : null,
    listOutput: present ? nativeOutput(wslListOutput(scenario), encoding) : null,
    defaultDistributionId: defaultIndex >= 0 ? distroId(defaultIndex) : null,
    defaultVersion: wsl.defaultVersion,
    registryDistros: wsl.distros.map((d, index) => ({
      id: distroId(index),
      name: d.name,
      version: d.version,
      flags: d.version === 2 ? 15 : 7,
      state: 1,
    })),
  }
}

function wslconfigFile(scenario: Scenario): FactOf<'wslconfig-file'> {
  const bytes = scenario.wslconfig ? wslconfigBytes(scenario.wslconfig) : null
  return {
    path: wslconfigPath(scenario),
    exists: bytes !== null,
    sizeBytes: bytes?.length ?? null,
    contentBase64: bytes ? Buffer.from(bytes).toString('base64') : null,
    lastWriteTimeUtc: bytes ? '2026-11-20T09:14:03.0000000Z' : null,
    lookalikeFiles: scenario.lookalikeFiles,
    policy: scenario.policy,
  }
}

function wslStartup(scenario: Scenario): FactOf<'wsl-startup'> {
  const encoding = wslOutputEncoding(scenario)
  const list = nativeOutput(wslListOutput(scenario), encoding)
  const start = simulateWslStart(scenario)
  // wsl.exe prints `wsl: ` warnings on stderr and its fatal error on stdout; `true` prints nothing.
  const startOutput = nativeOutput({ ...wslStartStreams(start.lines), exitCode: start.exitCode }, encoding)
  const modeOutput = start.mode === null ? null : networkingModeOutput(scenario, start.mode)
  return { listBeforeStart: list, startOutput, networkingModeOutput: modeOutput }
}

/**
 * `wsl -e wslinfo --networking-mode` (docs/knowledge/probes.md#wsl-startup): the mode, UTF-8 from Linux. The inbox WSL's init has no
 * `wslinfo` (it shipped with the Store package), so exec fails in init; the exact init text is not
 * in the KB (Low).
 */
function networkingModeOutput(scenario: Scenario, mode: string): FactOf<'wsl-startup'>['networkingModeOutput'] {
  if (scenario.wsl.kind === 'inbox') {
    return nativeOutput({ stderr: '<3>WSL (9) ERROR: CreateProcessEntryCommon:370: execvpe wslinfo failed 2\n', exitCode: 1 }, 'utf8')
  }
  return nativeOutput({ stdout: `${mode}\n`, exitCode: 0 }, 'utf8')
}
