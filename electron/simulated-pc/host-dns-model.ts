import type { FactOf } from '../../shared/probes/facts'
import type { Port53Endpoint } from '../../shared/probes/facts/host-dns'
import type { Scenario } from '../../shared/scenarios/scenario'
import { networkAdapters, physicalAdapters } from './network-adapters-model'

type Fact = FactOf<'host-dns'>

/**
 * The LAN side every simulated PC shares, as microsoft/WSL#4277's route table printed it: the
 * default route via the home router 192.168.0.1 (also its DNS server) with total metric 45
 * (RouteMetric 0 + InterfaceMetric 45), and a full-tunnel VPN's on-link default route with total
 * metric 2 (InterfaceMetric 1 as AnyConnect sets it, jacob-pro/wsl2-dns-agent#3). Medium: one PC's values.
 */
const LAN_GATEWAY = '192.168.0.1'
const LAN_INTERFACE_METRIC = 45
const VPN_INTERFACE_METRIC = 1

/** How the probe classes a socket's address (host-dns.ps1 does the same): every address, loopback, or one address. */
export function udpBindScope(address: string): 'all' | 'loopback' | 'one' {
  if (address === '0.0.0.0' || address === '::') return 'all'
  if (address.startsWith('127.') || address === '::1') return 'loopback'
  return 'one'
}

/** The scenario's port-53 sockets as the probe reads them (none by default: no DNS server on the host). */
export function port53Endpoints(scenario: Scenario): Port53Endpoint[] {
  return (scenario.network?.hostDns?.port53Listeners ?? []).map((l) => ({
    localAddress: l.localAddress,
    scope: udpBindScope(l.localAddress),
    owningProcess: l.processId,
    processName: l.processName,
  }))
}

/** Routes of an interface besides the catch-all ones: its subnet and its own address (multicast and broadcast are not counted). */
const ROUTES_PER_INTERFACE = 2

/**
 * What the `host-dns` probe reads on the simulated PC (docs/knowledge/host-network-probes.md#host-dns):
 * the adapters of the `network-adapters` model with interface indexes in list order (physical ones
 * are hardware interfaces), the LAN's DNS server and default route on the first connected physical
 * adapter, and the scenario's VPN: its NRPT rules, its adapter's DNS servers and, for a full tunnel,
 * its default route, and the scenario's sockets on UDP port 53. Every Windows 10/11 build has the
 * DnsClient, NetTCPIP and NetAdapter modules. Windows' own DNS proxy on the NAT gateway address
 * (svchost, while WSL runs) is not simulated: the rules do not count it (shared/probes/port53-holders.ts).
 */
export function hostDns(scenario: Scenario): Fact {
  const listed = networkAdapters(scenario).adapters
  const physical = new Set(physicalAdapters(scenario).map((a) => a.name))
  const adapters = listed.map((a, i) => ({
    interfaceIndex: i + 2,
    name: a.name,
    interfaceDescription: a.interfaceDescription,
    hardwareInterface: physical.has(a.name),
  }))
  const up = (name: string) => listed.some((a) => a.name === name && a.status === 'Up')
  const indexOf = (name: string) => adapters.find((a) => a.name === name)?.interfaceIndex ?? 0
  const connected = listed.filter((a) => a.status === 'Up' && !a.hidden)
  const lan = connected.find((a) => physical.has(a.name)) ?? null
  const dns = scenario.network?.hostDns ?? {}

  const interfaces: Extract<Fact['dnsServers'], { available: true }>['interfaces'] = []
  if (lan !== null) interfaces.push({ interfaceAlias: lan.name, interfaceIndex: indexOf(lan.name), addressFamily: 'IPv4', serverAddresses: [LAN_GATEWAY] })
  for (const vpn of dns.vpnDnsServers ?? []) {
    if (up(vpn.adapter))
      interfaces.push({ interfaceAlias: vpn.adapter, interfaceIndex: indexOf(vpn.adapter), addressFamily: 'IPv4', serverAddresses: [...vpn.servers] })
  }

  const catchAll: Extract<Fact['routes'], { available: true }>['catchAll'] = []
  if (lan !== null) {
    catchAll.push({
      kind: 'default',
      destinationPrefix: '0.0.0.0/0',
      nextHop: LAN_GATEWAY,
      interfaceAlias: lan.name,
      interfaceIndex: indexOf(lan.name),
      routeMetric: 0,
      interfaceMetric: LAN_INTERFACE_METRIC,
    })
  }
  const tunnel = dns.fullTunnelAdapter
  if (tunnel !== undefined && up(tunnel)) {
    catchAll.push({
      kind: 'default',
      destinationPrefix: '0.0.0.0/0',
      nextHop: '0.0.0.0',
      interfaceAlias: tunnel,
      interfaceIndex: indexOf(tunnel),
      routeMetric: 1,
      interfaceMetric: VPN_INTERFACE_METRIC,
    })
  }

  return {
    nrpt: {
      available: true,
      rules: (dns.nrpt ?? []).map((r) => ({
        namespaces: [...r.namespaces],
        nameServers: [...r.nameServers],
        directAccessEnabled: r.directAccessDnsServers !== undefined && r.directAccessDnsServers.length > 0 ? true : null,
        directAccessDnsServers: [...(r.directAccessDnsServers ?? [])],
      })),
    },
    dnsServers: { available: true, interfaces },
    routes: {
      available: true,
      catchAll,
      counts: connected.map((a) => ({ interfaceAlias: a.name, interfaceIndex: indexOf(a.name), count: ROUTES_PER_INTERFACE })),
    },
    interfaces: { available: true, adapters },
    port53: { available: true, endpoints: port53Endpoints(scenario) },
  }
}
