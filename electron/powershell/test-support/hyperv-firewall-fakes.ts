/**
 * TEST SUPPORT for the hyperv-firewall probe: a shipped scenario stated as the NetSecurity
 * cmdletization shows it (GpoBoolean and Action enum names, rule scopes as `Any` lists, the WSL
 * setting missing = CmdletizationQuery_NotFound), so the real script's mapping is what is tested.
 */
import { WSL_VM_CREATOR_ID } from '../../../shared/probes/facts/hyperv-firewall'
import type { Scenario } from '../../../shared/scenarios/scenario'
import { hypervFirewall } from '../../simulated-pc/hyperv-firewall-model'
import type { FakeWindows } from './pwsh-harness'

const SOURCE = 'shared/scenarios/*.json through electron/simulated-pc/hyperv-firewall-model.ts, stated as the cmdlets print it'
const gpo = (value: boolean | null) => (value === null ? 'NotConfigured' : value ? 'True' : 'False')
const list = (scope: string) => scope.split(',')

export function hypervFirewallFake(scenario: Scenario): FakeWindows {
  const fact = hypervFirewall(scenario)
  const getCommand = {
    rules: [
      { match: { Name: 'Get-NetFirewallHyperVVMSetting' }, result: fact.supported ? { Name: 'Get-NetFirewallHyperVVMSetting', Source: 'NetSecurity' } : [] },
    ],
  }
  if (!fact.supported) return { source: SOURCE, commands: { 'Get-Command': getCommand } }
  const s = fact.setting
  return {
    source: SOURCE,
    commands: {
      'Get-Command': getCommand,
      'Get-NetFirewallHyperVVMSetting': {
        rules: [
          s === null
            ? {
                match: { PolicyStore: 'ActiveStore' },
                throw: {
                  errorId: 'CmdletizationQuery_NotFound_Name,Get-NetFirewallHyperVVMSetting',
                  message: `No MSFT_NetFirewallHyperVVMSetting objects found with property 'Name' equal to '${WSL_VM_CREATOR_ID}'.`,
                  category: 'ObjectNotFound',
                },
              }
            : {
                match: { PolicyStore: 'ActiveStore', Name: WSL_VM_CREATOR_ID },
                result: {
                  Name: WSL_VM_CREATOR_ID,
                  Enabled: gpo(s.enabled),
                  DefaultInboundAction: s.defaultInboundAction ?? 'NotConfigured',
                  DefaultOutboundAction: s.defaultOutboundAction ?? 'NotConfigured',
                  LoopbackEnabled: gpo(s.loopbackEnabled),
                  AllowHostPolicyMerge: gpo(s.allowHostPolicyMerge),
                },
              },
        ],
      },
      'Get-NetFirewallHyperVRule': {
        rules: [
          {
            match: { PolicyStore: 'ActiveStore' },
            result: fact.blockRules.map((r) => ({
              Name: r.name,
              DisplayName: r.displayName,
              Direction: r.direction,
              VMCreatorId: r.vmCreatorId,
              Protocol: r.protocol,
              LocalAddresses: ['Any'],
              LocalPorts: list(r.localPorts),
              RemoteAddresses: list(r.remoteAddresses),
              RemotePorts: list(r.remotePorts),
              Action: 'Block',
              Enabled: 'True',
              EnforcementStatus: 'OK',
              PolicyStoreSourceType: r.source ?? '',
            })),
          },
        ],
      },
    },
  }
}
