import type { FactOf } from '../../shared/probes/facts'
import { REQUIRED_EXPORTS } from '../../shared/probes/facts/mirrored-readiness'
import type { Scenario } from '../../shared/scenarios/scenario'
import { hasAutoProxyApis, hasDnsTunnelingApis, hasHyperVFirewall, hasMirroredNetworkingApis } from './windows-capabilities'

/** Every required export name of one DLL, all present or all absent (GetProcAddress per name). */
function exportMap(names: readonly string[], present: boolean): Record<string, boolean> {
  return Object.fromEntries(names.map((name) => [name, present]))
}

/**
 * What the `mirrored-readiness` probe reads (docs/knowledge/probes.md#mirrored-readiness, docs/knowledge/wsl-checks.md#mirrored-checks): the DLL exports WSL
 * looks up, the Hyper-V firewall WMI classes, `HyperVFirewallDisable` and `DisabledComponents`.
 *
 * The exports and WMI classes follow the build (22621.2359+, 22631, 26100+, client or server: docs/knowledge/wsl-checks.md#windows-builds,
 * docs/knowledge/wsl-checks.md#mirrored-checks); the firewall profile count is 3 (Domain, Private, Public) on a healthy PC and 0 when the
 * scenario says the class is broken (docs/knowledge/wsl-checks.md#mirrored-checks check 4). The count of 3 is an assumption (Low): WSL only
 * needs ≥ 1. A missing class is reported as absent, not as an error, as `Get-CimClass -ErrorAction
 * SilentlyContinue` would leave it.
 */
export function mirroredReadiness(scenario: Scenario): FactOf<'mirrored-readiness'> {
  const { windows, host } = scenario
  const classExists = hasHyperVFirewall(windows)
  return {
    exports: {
      computeNetwork: exportMap(REQUIRED_EXPORTS.computeNetwork, hasMirroredNetworkingApis(windows)),
      dnsapi: exportMap(REQUIRED_EXPORTS.dnsapi, hasDnsTunnelingApis(windows)),
      winhttp: exportMap(REQUIRED_EXPORTS.winhttp, hasAutoProxyApis(windows)),
    },
    exportsError: null,
    hyperVFirewall: {
      vmCreatorClassExists: classExists,
      profileCount: classExists ? (host.hyperVFirewallBroken === true ? 0 : 3) : null,
      error: null,
    },
    hyperVFirewallDisable: host.hyperVFirewallDisabled ? 1 : null,
    ipv6DisabledComponents: host.ipv6DisabledComponents,
  }
}
