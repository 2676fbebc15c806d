import type { Scenario } from '../../shared/scenarios/scenario'
import { formatWslMessage, type WslLanguage } from '../../shared/wsl-messages/messages'
import { servicesOf } from './default-services'
import { hasAutoProxyApis, hasDnsTunnelingApis, hasHyperVFirewall } from './windows-capabilities'

/** `.wslconfig` values as WSL stored them (`parseWslConfig(...).values`, e.g. `wsl2.dnsTunneling`). */
type ConfigValues = Readonly<Record<string, string>>

/**
 * Whether the user wrote `key=true`. WSL warns about an unavailable feature only when the key is set
 * explicitly (docs/knowledge/wsl-checks.md#dns-tunneling, docs/knowledge/wsl-checks.md#hyper-v-firewall); an explicit `false` asks for nothing, so nothing is refused (KB silent on
 * `false`: the simulation stays quiet).
 */
function explicitlyOn(values: ConfigValues, key: string): boolean {
  return values[key] === 'true'
}

/**
 * Global Secure Access running forces DNS tunneling off; WSL says so only when `dnsTunneling` is
 * set to true explicitly (docs/knowledge/wsl-checks.md#dns-tunneling, docs/knowledge/host-causes.md#vpn-clients; MessageDnsTunnelingDisabled).
 */
export function gsaWarnings(scenario: Scenario, values: ConfigValues, language: WslLanguage): readonly string[] {
  const gsa = servicesOf(scenario).find((s) => s.name === 'GlobalSecureAccessTunnelingService')
  if (gsa?.status !== 'Running' || !explicitlyOn(values, 'wsl2.dnsTunneling')) return []
  return [formatWslMessage('MessageDnsTunnelingDisabled', language, [])]
}

/** Whether the Hyper-V firewall is usable as WSL judges it (docs/knowledge/wsl-checks.md#mirrored-checks check 4, docs/knowledge/wsl-checks.md#hyper-v-firewall). */
export function hyperVFirewallUsable(scenario: Scenario): boolean {
  return hasHyperVFirewall(scenario.windows) && !scenario.host.hyperVFirewallDisabled && scenario.host.hyperVFirewallBroken !== true
}

/**
 * `firewall=true` / `dnsTunneling=true` on a Windows without the APIs (docs/knowledge/wsl-checks.md#dns-tunneling, docs/knowledge/wsl-checks.md#hyper-v-firewall): "Hyper-V firewall
 * is not supported" / "DNS Tunneling is not supported". Not printed when GSA already turned
 * tunneling off. The order of the two lines is not in the KB (Low). `firewallChecked`: WSL checks
 * the firewall only for a mirrored or NAT request (`ValidateNetworkingMode`, WslCoreVm.cpp:2917 at
 * 2.9.4), so a bridged, None or VirtioProxy request never hears about it.
 */
export function featureSupportWarnings(
  scenario: Scenario,
  values: ConfigValues,
  language: WslLanguage,
  tunnelingForcedOff: boolean,
  firewallChecked = true,
): readonly string[] {
  const out: string[] = []
  if (firewallChecked && explicitlyOn(values, 'wsl2.firewall') && !hyperVFirewallUsable(scenario)) {
    out.push(formatWslMessage('MessageHyperVFirewallNotSupported', language, []))
  }
  if (!tunnelingForcedOff && explicitlyOn(values, 'wsl2.dnsTunneling') && !hasDnsTunnelingApis(scenario.windows)) {
    out.push(formatWslMessage('MessageDnsTunnelingNotSupported', language, []))
  }
  return out
}

/** `127.0.0.1:7890`, `http=localhost:8080;https=…`, `[::1]:1080` → the hosts the proxy string names. */
function proxyHosts(server: string): readonly string[] {
  return server
    .split(';')
    .map((part) => (part.includes('=') ? part.slice(part.indexOf('=') + 1) : part).trim())
    .map((hostPort) => hostPort.replace(/^[a-z]+:\/\//i, ''))
    .map((hostPort) => (hostPort.startsWith('[') ? hostPort.slice(0, hostPort.indexOf(']') + 1) : (hostPort.split(':')[0] ?? '')))
    .filter((host) => host.length > 0)
}

/**
 * autoProxy in NAT mode with a WinINET proxy on the loopback (docs/knowledge/host-causes.md#localhost-proxy, docs/knowledge/wsl-checks.md#autoproxy): WSL cannot mirror it and
 * warns (MessageProxyLocalhostSettingsDropped; `[::1]` → MessageProxyLoopbackV6SettingsDropped).
 * Needs the WinHTTP proxy APIs (Win11 22H2+; without them autoProxy is silently off) and
 * `autoProxy` not false. Mirrored mode shares localhost, so no warning there.
 */
export function proxyWarnings(scenario: Scenario, values: ConfigValues, mode: string, language: WslLanguage): readonly string[] {
  const proxy = scenario.network?.winInetProxy
  if (mode !== 'nat' || values['wsl2.autoProxy'] === 'false' || !hasAutoProxyApis(scenario.windows)) return []
  if (proxy === undefined || proxy.enable !== 1 || proxy.server === null) return []
  const hosts = proxyHosts(proxy.server).map((h) => h.toLowerCase())
  if (hosts.some((h) => h === '[::1]')) return [formatWslMessage('MessageProxyLoopbackV6SettingsDropped', language, [])]
  if (hosts.some((h) => h === 'localhost' || /^127\./.test(h))) {
    return [formatWslMessage('MessageProxyLocalhostSettingsDropped', language, [])]
  }
  return []
}
