import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'
import { hasHyperVRole, hasVirtualizationStack } from './windows-capabilities'
import { hyperVFirewallUsable } from './wsl-feature-warnings'
import { simulateWslStart } from './wsl-startup-model'
import { wslconfigValues } from './wslconfig-bytes'

type Adapter = FactOf<'network-adapters'>['adapters'][number]

const HYPERV_NIC = 'Hyper-V Virtual Ethernet Adapter'

/** The PC's own adapters: a laptop's Wi-Fi (up) and Ethernet (unplugged), or a VM's synthetic NIC. */
export function physicalAdapters(scenario: Scenario): Adapter[] {
  if (scenario.host.isVirtualMachine === true) {
    return [{ name: 'Ethernet', interfaceDescription: 'Microsoft Hyper-V Network Adapter', status: 'Up', hidden: false }]
  }
  return [
    { name: 'Wi-Fi', interfaceDescription: 'Intel(R) Wi-Fi 6E AX211 160MHz', status: 'Up', hidden: false },
    { name: 'Ethernet', interfaceDescription: 'Intel(R) Ethernet Connection (16) I219-LM', status: 'Disconnected', hidden: false },
  ]
}

/**
 * WSL's host vNIC exists only while the WSL2 VM runs in NAT mode (docs/knowledge/probes.md#wsl-startup, docs/knowledge/wsl-checks.md#nat-network-internals): `vEthernet (WSL)`, or
 * `vEthernet (WSL (Hyper-V firewall))` when the Hyper-V firewall is in use (`firewall` not false on a
 * Windows that supports it). Mirrored, VirtioProxy/Consomme and None have no such adapter.
 */
function wslAdapter(scenario: Scenario): Adapter | null {
  const vmRunning = scenario.wsl.distros.some((d) => d.running && d.version === 2)
  if (!vmRunning || simulateWslStart(scenario).mode !== 'nat') return null
  const firewall = hyperVFirewallUsable(scenario) && wslconfigValues(scenario)['wsl2.firewall'] !== 'false'
  const name = firewall ? 'vEthernet (WSL (Hyper-V firewall))' : 'vEthernet (WSL)'
  return { name, interfaceDescription: HYPERV_NIC, status: 'Up', hidden: false }
}

/**
 * What the `network-adapters` probe reads (docs/knowledge/probes.md#network-adapters, docs/knowledge/host-causes.md#vpn-clients, docs/knowledge/host-causes.md#vmware-leftovers, docs/knowledge/host-causes.md#phantom-adapters):
 * `Get-NetAdapter -IncludeHidden` (stock adapters, hidden WAN miniports, the Hyper-V Default Switch
 * with the role, WSL's vNIC while NAT runs, and the scenario's extra adapters such as a VPN),
 * `Get-NetAdapterBinding -ComponentID vmware_bridge, vms_pp` on the physical adapters (vms_pp is
 * installed but unbound wherever the vmswitch exists; vmware_bridge only as a VMware leftover),
 * the VMware CLSID and the phantom-adapter count.
 */
export function networkAdapters(scenario: Scenario): FactOf<'network-adapters'> {
  const { windows, network } = scenario
  const physical = physicalAdapters(scenario)
  const adapters: Adapter[] = [...physical]
  if (hasHyperVRole(windows)) {
    adapters.push({ name: 'vEthernet (Default Switch)', interfaceDescription: HYPERV_NIC, status: 'Up', hidden: false })
  }
  const wsl = wslAdapter(scenario)
  if (wsl !== null) adapters.push(wsl)
  for (const extra of network?.adapters ?? []) {
    adapters.push({ name: extra.name, interfaceDescription: extra.interfaceDescription, status: extra.status, hidden: extra.hidden ?? false })
  }
  adapters.push(
    { name: 'Local Area Connection* 3', interfaceDescription: 'WAN Miniport (IP)', status: 'Up', hidden: true },
    { name: 'Local Area Connection* 8', interfaceDescription: 'WAN Miniport (IPv6)', status: 'Up', hidden: true },
  )
  const bindings: FactOf<'network-adapters'>['bindings'] = []
  for (const adapter of physical) {
    if (hasVirtualizationStack(windows)) bindings.push({ adapter: adapter.name, componentId: 'vms_pp', enabled: false })
    if (network?.vmwareBridgeBound === true) bindings.push({ adapter: adapter.name, componentId: 'vmware_bridge', enabled: true })
  }
  return {
    adapters,
    bindings,
    vmwareClsidPresent: network?.vmwareClsidPresent ?? false,
    phantomAdapterCount: network?.phantomAdapterCount ?? 0,
  }
}
