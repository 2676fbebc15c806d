import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'
import { hasHyperVFirewall } from './windows-capabilities'

/**
 * What `hyperv-firewall` reads on the simulated PC (docs/knowledge/host-network-probes.md#hyper-v-firewall):
 * no cmdlets where the build has no Hyper-V firewall; otherwise the defaults users and Microsoft's
 * docs show for WSL's creator (Enabled True, inbound Block, outbound Allow, loopback and host policy
 * merge True; microsoft/WSL#11693) with the scenario's differences and Block rules.
 */
export function hypervFirewall(scenario: Scenario): FactOf<'hyperv-firewall'> {
  if (!hasHyperVFirewall(scenario.windows)) return { supported: false, setting: null, blockRules: [] }
  const o = scenario.network?.hyperVFirewall ?? {}
  return {
    supported: true,
    setting: {
      enabled: o.enabled ?? true,
      defaultInboundAction: o.defaultInboundAction ?? 'Block',
      defaultOutboundAction: o.defaultOutboundAction ?? 'Allow',
      loopbackEnabled: true,
      allowHostPolicyMerge: true,
    },
    blockRules: (o.blockRules ?? []).map((r) => ({
      name: r.name,
      displayName: r.displayName,
      direction: r.direction,
      vmCreatorId: r.vmCreatorId,
      protocol: 'Any',
      localPorts: 'Any',
      remoteAddresses: 'Any',
      remotePorts: r.remotePorts ?? 'Any',
      source: r.source ?? 'Local',
    })),
  }
}
