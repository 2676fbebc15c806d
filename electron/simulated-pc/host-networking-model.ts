import type { FactOf } from '../../shared/probes/facts'
import type { Scenario } from '../../shared/scenarios/scenario'
import { natFailureOf } from './nat-failure-model'
import { hasVirtualizationStack } from './windows-capabilities'

/** Size of the stock `drivers\etc\hosts` of Windows 10/11 (comments only), in bytes (Medium). */
export const STOCK_HOSTS_FILE_BYTES = 824

/** A stable small number from the scenario id, so every run of a scenario gives the same range. */
function idHash(id: string): number {
  let h = 0
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return h
}

/**
 * WSL's saved NAT range (`HKLM\…\Lxss` `NatNetwork`/`NatGatewayIpAddress`, docs/knowledge/wsl-checks.md#nat-network-internals): written once WSL
 * has created its NAT network, so absent when NAT creation has always failed or no WSL2 distro
 * exists. WSL picks a /20 inside 172.16.0.0/12 (docs/knowledge/host-causes.md#address-range-conflicts); the simulation derives it from the id.
 */
function savedNat(scenario: Scenario): { network: string; gateway: string } | null {
  const hasWsl2 = scenario.wsl.kind !== 'absent' && scenario.wsl.distros.some((d) => d.version === 2)
  if (!hasWsl2 || natFailureOf(scenario) !== null) return null
  const h = idHash(scenario.id)
  const second = 16 + (h % 16)
  const third = ((h >>> 4) % 16) * 16
  return { network: `172.${second}.${third}.0/20`, gateway: `172.${second}.${third}.1` }
}

/**
 * What the `host-networking` probe reads (docs/knowledge/host-causes.md#address-range-conflicts, docs/knowledge/host-causes.md#reserved-port-ranges, docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode, docs/knowledge/host-causes.md#hosts-file-too-large, docs/knowledge/wsl-checks.md#nat-network-internals): hosts file
 * size, the PortTracker/FSE pair, WSL's saved NAT range and the TCP port exclusions. With HNS and
 * WinNAT present, Windows reserves dynamic ranges (the two rows here are typical values, Low);
 * without the virtualization stack the list is empty.
 */
export function hostNetworking(scenario: Scenario): FactOf<'host-networking'> {
  const { host, windows } = scenario
  const nat = savedNat(scenario)
  return {
    hostsFileBytes: host.hostsFileBytes ?? STOCK_HOSTS_FILE_BYTES,
    portTrackerEnabledMode: host.portTrackerEnabledMode ?? null,
    fseServiceExists: host.fseServiceExists ?? false,
    natNetwork: nat?.network ?? null,
    natGatewayIpAddress: nat?.gateway ?? null,
    excludedPortRanges: hasVirtualizationStack(windows)
      ? [
          { start: 50000, end: 50059 },
          { start: 56941, end: 57040 },
        ]
      : [],
  }
}
