/**
 * TEST SUPPORT for the host-dns probe: a shipped scenario stated as the DnsClient, NetTCPIP and
 * NetAdapter cmdletizations show it (AddressFamily as the raw uint16, interfaces without DNS
 * servers listed with an empty ServerAddresses, every interface's multicast and broadcast routes,
 * the loopback's routes, each counted route as one route object), so the real script's filtering
 * and counting is what is tested.
 */
import type { Scenario } from '../../../shared/scenarios/scenario'
import { hostDns, port53Endpoints } from '../../simulated-pc/host-dns-model'
import type { FakeRule, FakeWindows } from './pwsh-harness'

/**
 * `Get-NetUDPEndpoint -LocalPort 53` on the scenario's sockets. With none, the cmdletization's
 * ObjectNotFound error, as Windows raises it when a filtered query matches nothing (recorded for
 * Get-NetTCPConnection, the same cmdletization: see __recorded__/host-dns/port53-free.json).
 */
export function port53Rules(scenario: Scenario): { udp: FakeRule[]; processes: FakeRule[] } {
  const endpoints = port53Endpoints(scenario)
  const udp: FakeRule[] =
    endpoints.length === 0
      ? [
          {
            match: { LocalPort: '53' },
            throw: { errorId: 'CmdletizationQuery_NotFound_LocalPort,Get-NetUDPEndpoint', message: NOT_FOUND, category: 'ObjectNotFound' },
          },
        ]
      : [
          {
            match: { LocalPort: '53' },
            result: endpoints.map((e) => ({ LocalAddress: e.localAddress, LocalPort: { $int32: 53 }, OwningProcess: { $uint32: e.owningProcess ?? 0 } })),
          },
        ]
  const processes: FakeRule[] = endpoints.map((e) =>
    e.processName === null
      ? {
          match: { Id: String(e.owningProcess) },
          throw: {
            errorId: 'NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand',
            message: `Cannot find a process with the process identifier ${e.owningProcess}.`,
            category: 'ObjectNotFound',
          },
        }
      : { match: { Id: String(e.owningProcess) }, result: { Id: { $int32: e.owningProcess ?? 0 }, ProcessName: e.processName } },
  )
  return { udp, processes }
}

const NOT_FOUND = "No MSFT_NetUDPEndpoint objects found with property 'LocalPort' equal to '53'.  Verify the value of the property and retry."

const SOURCE = 'shared/scenarios/*.json through electron/simulated-pc/host-dns-model.ts, stated as the cmdlets print it'
const CMDLETS: readonly (readonly [string, string])[] = [
  ['Get-DnsClientNrptPolicy', 'DnsClient'],
  ['Get-DnsClientServerAddress', 'DnsClient'],
  ['Get-NetRoute', 'NetTCPIP'],
  ['Get-NetAdapter', 'NetAdapter'],
  ['Get-NetUDPEndpoint', 'NetTCPIP'],
]
const FAMILY = { IPv4: 2, IPv6: 23 } as const

function available<T extends { available: boolean }>(part: T): Extract<T, { available: true }> {
  if (!part.available) throw new Error('the simulated PC always has the host-dns cmdlets')
  return part as Extract<T, { available: true }>
}

export function hostDnsFake(scenario: Scenario): FakeWindows {
  const fact = hostDns(scenario)
  const nrpt = available(fact.nrpt)
  const dns = available(fact.dnsServers)
  const routes = available(fact.routes)
  const adapters = available(fact.interfaces).adapters
  const port53 = port53Rules(scenario)
  const route = (prefix: string, nextHop: string, alias: string, index: number, metric: number | null, ifMetric: number | null) => ({
    DestinationPrefix: prefix,
    NextHop: nextHop,
    InterfaceAlias: alias,
    InterfaceIndex: index,
    RouteMetric: metric === null ? null : { $int32: metric },
    InterfaceMetric: ifMetric === null ? null : { $int32: ifMetric },
  })
  const counted = routes.counts.flatMap((c) => [
    ...Array.from({ length: c.count }, (_, k) => route(`10.${c.interfaceIndex}.${k}.0/24`, '0.0.0.0', c.interfaceAlias, c.interfaceIndex, 256, 25)),
    route('224.0.0.0/4', '0.0.0.0', c.interfaceAlias, c.interfaceIndex, 256, 25),
    route('255.255.255.255/32', '0.0.0.0', c.interfaceAlias, c.interfaceIndex, 256, 25),
    route('ff00::/8', '::', c.interfaceAlias, c.interfaceIndex, 256, 25),
  ])
  return {
    source: SOURCE,
    commands: {
      'Get-Command': { rules: CMDLETS.map(([name, module]) => ({ match: { Name: name }, result: { Name: name, Source: module } })) },
      'Get-DnsClientNrptPolicy': {
        rules: [
          {
            match: { Effective: 'True' },
            result: nrpt.rules.map((r) => ({
              Namespace: r.namespaces.length === 1 ? r.namespaces[0] : r.namespaces,
              NameServers: r.nameServers.length === 0 ? null : r.nameServers,
              DirectAccessEnabled: r.directAccessEnabled,
              DirectAccessDnsServers: r.directAccessDnsServers.length === 0 ? null : r.directAccessDnsServers,
              DirectAccessProxyType: 'UseDefault',
              DirectAccessQueryIPsecRequired: false,
            })),
          },
        ],
      },
      'Get-DnsClientServerAddress': {
        rules: [
          {
            result: [
              ...dns.interfaces.map((i) => ({
                InterfaceAlias: i.interfaceAlias,
                InterfaceIndex: i.interfaceIndex,
                AddressFamily: { $int32: FAMILY[i.addressFamily] },
                ServerAddresses: i.serverAddresses,
              })),
              ...adapters.map((a) => ({
                InterfaceAlias: a.name,
                InterfaceIndex: a.interfaceIndex,
                AddressFamily: { $int32: FAMILY.IPv6 },
                ServerAddresses: [],
              })),
            ],
          },
        ],
      },
      'Get-NetRoute': {
        rules: [
          {
            match: { PolicyStore: 'ActiveStore' },
            result: [
              ...routes.catchAll.map((r) => route(r.destinationPrefix, r.nextHop, r.interfaceAlias, r.interfaceIndex, r.routeMetric, r.interfaceMetric)),
              ...counted,
              route('127.0.0.0/8', '0.0.0.0', 'Loopback Pseudo-Interface 1', 1, 256, 75),
              route('::1/128', '::', 'Loopback Pseudo-Interface 1', 1, 256, 75),
            ],
          },
        ],
      },
      'Get-NetAdapter': {
        rules: [
          {
            match: { IncludeHidden: 'True' },
            result: adapters.map((a) => ({
              Name: a.name,
              InterfaceDescription: a.interfaceDescription,
              InterfaceIndex: a.interfaceIndex,
              Status: 'Up',
              HardwareInterface: a.hardwareInterface,
            })),
          },
        ],
      },
      'Get-NetUDPEndpoint': { rules: port53.udp },
      'Get-Process': { rules: port53.processes },
    },
  }
}
