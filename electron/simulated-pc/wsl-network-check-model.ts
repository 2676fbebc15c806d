import type { FactOf } from '../../shared/probes/facts'
import { isVpnAdapter } from '../../shared/probes/known-products'
import { enforcedFirewallProfile } from './firewall-profiles-model'
import { WSL_VM_CREATOR_ID } from '../../shared/probes/facts/hyperv-firewall'
import {
  HEALTHY_MIRRORED,
  HEALTHY_NAT,
  NO_NETWORK,
  WSL_GENERATED_RESOLV_HEADER,
  networkCheckFact,
  type InsideWslState,
} from '../../shared/probes/network-check/network-check-text'
import type { Scenario } from '../../shared/scenarios/scenario'
import { isAtLeast } from '../../shared/util/version'
import { parseWslConfig } from '../../shared/wslconfig/parse'
import { servicesOf } from './default-services'
import { nativeOutput, wslStartStreams } from './native-output'
import { networkAdapters } from './network-adapters-model'
import { hasDnsTunnelingApis } from './windows-capabilities'
import { hyperVFirewallUsable } from './wsl-feature-warnings'
import { wslOutputEncoding } from './wsl-cli-model'
import { simulateWslStart, type EffectiveMode } from './wsl-startup-model'
import { wslconfigBytes } from './wslconfig-bytes'

/**
 * What the networking check prints inside the default distro of a simulated PC, derived from the
 * same state as every other probe (so a fix that changes the state changes this answer too):
 *
 * - WSL does not start → wsl.exe's own failure, nothing from Linux; no distro → its "no installed
 *   distributions" text.
 * - The mode WSL really ends up in (`simulateWslStart`): mirrored → the host NIC mirrored as eth0
 *   plus loopback0, localhost both ways; NAT/VirtioProxy/Consomme → eth0 on the NAT subnet,
 *   localhost only Windows → Linux and only with localhostForwarding (docs/knowledge/host-causes.md#localhost-forwarding);
 *   None (Server 2025's mirrored fallback, docs/knowledge/wsl-checks.md#mirrored-checks) → only `lo`: nothing reaches out.
 * - DNS (docs/knowledge/host-causes.md#dns-blocked-by-the-firewall): tunneling on (WSL 2.2.1+ default, needs the Win11 22H2 APIs, off while Global
 *   Secure Access runs; docs/knowledge/wsl-checks.md#dns-tunneling) resolves through 10.255.255.254; otherwise NAT sends DNS to the
 *   gateway through SharedAccess, which the Public profile's "block all incoming" or an
 *   enterprise AllowLocalFirewallRules=False breaks.
 * - A VPN adapter that is up (docs/knowledge/host-causes.md#vpn-clients): in NAT it takes the routes (AnyConnect), so TCP and HTTPS
 *   fail while DNS may still answer; mirrored mode copes.
 * - `insideWsl` overrides what the Windows state cannot tell: a TLS-intercepting issuer, a
 *   hand-written resolv.conf and its server, /etc/wsl.conf.
 */
export function wslNetworkCheck(scenario: Scenario): FactOf<'wsl-network-check'> {
  const start = simulateWslStart(scenario)
  const encoding = wslOutputEncoding(scenario)
  if (start.exitCode !== 0 || start.mode === null) {
    return wslFailed(nativeOutput({ ...wslStartStreams(start.lines), exitCode: start.exitCode }, encoding))
  }
  if (!scenario.wsl.distros.some((d) => d.default)) {
    return wslFailed(
      nativeOutput(
        {
          stdout:
            "Windows Subsystem for Linux has no installed distributions.\nYou can resolve this by installing a distribution with the instructions below:\n\nUse 'wsl.exe --list --online' to list available distributions\nand 'wsl.exe --install <Distro>' to install.\n",
          exitCode: -1,
        },
        encoding,
      ),
    )
  }
  const fact = networkCheckFact(insideState(scenario, start.mode))
  // Startup warnings (`wsl: …`) go to stderr when this run boots the VM, before Linux prints.
  const warnings = wslStartStreams(start.lines).stderr
  return warnings === '' ? fact : { ...fact, run: { ...fact.run, stderrBase64: nativeOutput({ stderr: warnings, exitCode: 0 }, encoding).stderrBase64 } }
}

function wslFailed(run: FactOf<'wsl-network-check'>['run']): FactOf<'wsl-network-check'> {
  return { distro: null, windowsListener: { port: 50123, connectionSeen: false }, linuxListenerPort: 50124, windowsToLinux: { status: 'failed' }, run }
}

/** The inside view for the mode WSL runs in. Exported for the model's tests. */
export function insideState(scenario: Scenario, mode: EffectiveMode): InsideWslState {
  const values = scenario.wslconfig === null ? {} : parseWslConfig(wslconfigBytes(scenario.wslconfig)).values
  const inside = scenario.insideWsl ?? {}
  const vpnUp = vpnAdapterUp(scenario)
  const base: InsideWslState = mode === 'mirrored' ? HEALTHY_MIRRORED : HEALTHY_NAT
  // Mirrored with IPv6 off in the registry: a WSL older than its IPv6 check starts anyway and Linux
  // gets only lo (microsoft/WSL#11002, #11090; docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry).
  const mirroredWithoutIpv6 = mode === 'mirrored' && scenario.host.ipv6DisabledComponents === 0xff
  if (mode === 'none' || mirroredWithoutIpv6) {
    return { ...base, mode, ...NO_NETWORK }
  }
  const nat = mode !== 'mirrored' && mode !== 'wsl1'
  const tunneling = dnsTunnelingOn(scenario, values)
  // NAT without tunneling: DNS goes to the gateway's SharedAccess proxy through an inbound rule (docs/knowledge/host-causes.md#dns-blocked-by-the-firewall).
  const outboundBlocked = hyperVFirewallBlocksOutbound(scenario)
  const gatewayDnsBlocked = nat && !tunneling && (publicInboundBlocked(scenario) || outboundBlocked)
  const routesTaken = (nat && vpnUp) || outboundBlocked
  const staticServer = inside.staticNameserver
  const resolv =
    staticServer === undefined
      ? tunneling || !nat
        ? base.resolv
        : { symlink: '/mnt/wsl/resolv.conf', lines: [...WSL_GENERATED_RESOLV_HEADER, `nameserver ${base.defaultRoute?.gateway ?? '172.28.240.1'}`] }
      : { symlink: null, lines: [`nameserver ${staticServer.address}`] }
  const dnsWorks = staticServer === undefined ? !gatewayDnsBlocked : staticServer.answers && !routesTaken
  const intercepted = inside.tlsIssuer
  const reachesOut = !routesTaken
  const localhostForwarding = values['wsl2.localhostForwarding'] !== 'false'
  return {
    ...base,
    // The inbox WSL's init has no wslinfo (it shipped with the Store package).
    mode: scenario.wsl.kind === 'inbox' ? null : mode,
    interfaces: base.interfaces.map((i) => (i.name === 'eth0' && vpnUp && nat ? { ...i, mtu: 1500 } : i)),
    resolv,
    wslConf: inside.wslConf ?? base.wslConf,
    dns: dnsWorks ? { ok: true, ms: 40, address: '23.212.249.45' } : { ok: false, ms: 10_020, code: 2 },
    tcp443: reachesOut ? { ok: true, ms: 30 } : { ok: false, ms: 5_010 },
    https: !reachesOut
      ? { curlExit: 28, ms: 12_000 }
      : !dnsWorks
        ? { curlExit: 6, ms: 10_030 }
        : intercepted !== undefined
          ? { curlExit: 60, ms: 240 }
          : { curlExit: 0, ms: 250 },
    tlsIssuer: !reachesOut || !dnsWorks ? null : (intercepted ?? base.tlsIssuer),
    localhostOut: mode === 'mirrored',
    localhostIn: mode === 'mirrored' || localhostForwarding,
  }
}

/** DNS tunneling as WSL applies it (docs/knowledge/wsl-checks.md#dns-tunneling): default on from 2.2.1, needs the APIs, off while GSA runs. */
function dnsTunnelingOn(scenario: Scenario, values: Readonly<Record<string, string>>): boolean {
  const version = scenario.wsl.version ?? '0.0.0'
  const setting = values['wsl2.dnsTunneling'] ?? values['experimental.dnsTunneling']
  const wanted = setting === undefined ? isAtLeast(version, '2.2.1') : setting === 'true'
  if (!wanted || !hasDnsTunnelingApis(scenario.windows)) return false
  const gsa = servicesOf(scenario).find((s) => s.name === 'GlobalSecureAccessTunnelingService')
  return gsa?.status !== 'Running'
}

/** The Public profile (WSL's vNIC) drops inbound: "block all incoming", or local rules ignored (docs/knowledge/host-causes.md#dns-blocked-by-the-firewall). */
function publicInboundBlocked(scenario: Scenario): boolean {
  const pub = enforcedFirewallProfile(scenario, 'Public')
  return pub.allowInboundRules === false || pub.allowLocalFirewallRules === false
}

/**
 * The Hyper-V firewall filters the WSL VM's own traffic in both modes (where WSL uses it, A.4):
 * DefaultOutboundAction Block, or an outbound Block rule for WSL's creator (or Any) that names no
 * ports or names 443, stops Linux's connections (microsoft/WSL#11693;
 * docs/knowledge/host-network-probes.md#hyper-v-firewall). DNS tunneling does not
 * travel over the VM's network, so it still answers.
 */
function hyperVFirewallBlocksOutbound(scenario: Scenario): boolean {
  const fw = scenario.network?.hyperVFirewall
  if (fw === undefined || fw.enabled === false || !hyperVFirewallUsable(scenario)) return false
  if (fw.defaultOutboundAction === 'Block') return true
  return (fw.blockRules ?? []).some(
    (r) =>
      r.direction === 'Outbound' &&
      (r.vmCreatorId === 'Any' || r.vmCreatorId.toUpperCase() === WSL_VM_CREATOR_ID) &&
      (r.remotePorts === undefined ||
        r.remotePorts
          .split(',')
          .map((p) => p.trim())
          .includes('443')),
  )
}

/** The scenario has a VPN adapter up, by the same registry the rules read (known-products.ts). */
function vpnAdapterUp(scenario: Scenario): boolean {
  return networkAdapters(scenario).adapters.some((a) => a.status === 'Up' && isVpnAdapter(a.interfaceDescription))
}
