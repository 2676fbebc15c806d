import { decodeWinHttpSettings } from '../../probes/decode-winhttp-settings'
import { isVpnAdapter } from '../../probes/known-products'
import type { Finding } from '../finding'
import { configuredMode, dnsTunnelingActive, hasCode, natInUse, said, service } from '../derived'
import { blockingFirewallSettings, firewallBlocksWslDns, firewallSettingOwner } from '../firewall-setting-owner'
import type { MachineView } from '../machine-view'
import { adapterProductEvidence, installedEvidence, installedKnownProducts, installedProductsFinding } from './product-rules'
import { managedPcCaution } from './managed-pc-caution'
import { evidence, finding, outputSource, rule, unknown, type Rule } from './rule'

/** Around WSL's network: proxies, VPNs, GSA, firewall policy, Winsock LSPs, hosts file, FSE (F). */
export const environmentRules: readonly Rule[] = [
  rule(['wsl-startup', 'proxy-settings', 'wslconfig-file'], localhostProxyRule),
  rule(['network-adapters', 'wslconfig-file', 'services', 'mirrored-readiness', 'wsl-startup', 'installed-products'], vpnRule),
  rule(['installed-products', 'network-adapters'], installedProductsRule),
  rule(['services', 'wsl-startup'], gsaRule),
  rule(['firewall-profiles', 'wsl-startup', 'wslconfig-file', 'windows-version', 'mirrored-readiness', 'services', 'virtualization'], firewallRule),
  rule(['winsock-catalog', 'wsl-startup'], lspRule),
  rule(['host-networking'], portTrackerRule),
  rule(['wsl-startup'], hostsRule),
]

const LOCALHOST = /(^|[=;\s])(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?/i

/** docs/knowledge/host-causes.md#localhost-proxy: a proxy on 127.0.0.1/localhost cannot be mirrored into WSL in NAT mode. */
function localhostProxyRule(view: MachineView): Finding[] {
  const message = said(view, 'MessageProxyLocalhostSettingsDropped', 'MessageProxyLoopbackV6SettingsDropped')
  const p = view.proxy.known ? view.proxy.value : null
  const winHttp = p?.winHttpSettingsBase64 ? decodeWinHttpSettings(p.winHttpSettingsBase64) : null
  // WinINET (per user) first, then the machine WinHTTP proxy: autoProxy mirrors both (docs/knowledge/wsl-checks.md#autoproxy).
  const candidates = [p?.winInet.proxyEnable === 1 ? p.winInet.proxyServer : null, winHttp?.kind === 'proxy' ? winHttp.server : null]
  const server = candidates.find((c): c is string => c !== null && LOCALHOST.test(c)) ?? null
  const localhost = server !== null
  const autoProxyOff = view.config.known && view.config.value?.parse.values['wsl2.autoProxy'] === 'false'
  if (message.length === 0 && !(localhost && natInUse(view) === true && !autoProxyOff)) return []
  return [
    finding({
      id: 'localhost-proxy-not-mirrored',
      severity: 'warning',
      confidence: message.length > 0 ? 'high' : 'medium',
      evidence: [
        ...(localhost ? [evidence('ev.localhostProxy', 'proxy-settings', { server: server ?? '' })] : []),
        ...(message.length > 0 ? [evidence('ev.wslSaidProxy', outputSource(view))] : []),
      ],
      fixes: ['wslconfig-set-mirrored', 'proxy-listen-on-lan', 'wslconfig-disable-autoproxy'],
      wslSaid: message.map((m) => m.text),
      args: { server: server ?? '' },
    }),
  ]
}

/** docs/knowledge/host-causes.md#vpn-clients: a VPN adapter is up; in NAT without DNS tunneling, VPN DNS/routes often break WSL. */
function vpnRule(view: MachineView): Finding[] {
  // No adapter list (a paste): the products the user names stand in for it, as "You said …" (issue 11).
  const said = view.pastedFacts.vpnProducts
  if (!view.adapters.known && said.length > 0 && configuredMode(view) !== 'mirrored') {
    return [
      finding({
        id: 'vpn-detected',
        severity: 'warning',
        confidence: 'medium',
        evidence: [evidence('ev.youSaidVpn', 'pasted', { products: said.join(', ') })],
        fixes: ['wslconfig-enable-dns-tunneling', 'wslconfig-set-mirrored'],
        args: { adapters: said.join(', '), count: said.length },
      }),
    ]
  }
  const vpns = connectedVpnAdapters(view)
  if (vpns.length === 0) return []
  const tunneling = dnsTunnelingActive(view)
  const nat = configuredMode(view) !== 'mirrored'
  return [
    finding({
      id: 'vpn-detected',
      severity: nat && tunneling !== true ? 'warning' : 'info',
      confidence: 'medium',
      evidence: [
        evidence('ev.vpnAdapter', 'network-adapters', { adapters: vpns.map((a) => `${a.name} (${a.interfaceDescription})`).join(', '), count: vpns.length }),
        // Which product it is, by the adapter and by the programs list (docs/knowledge/installed-products.md#what-a-finding-may-claim).
        ...adapterProductEvidence(vpns.map((a) => a.interfaceDescription)),
        ...installedVpnProducts(view).map(installedEvidence),
      ],
      fixes: ['wslconfig-enable-dns-tunneling', 'wslconfig-set-mirrored'],
      args: { adapters: vpns.map((a) => a.interfaceDescription).join(', '), count: vpns.length },
    }),
  ]
}

/** Adapters that are up and belong to a VPN (isVpnAdapter, known-products.ts); none when the adapter list is unknown. */
function connectedVpnAdapters(view: MachineView) {
  if (!view.adapters.known) return []
  return view.adapters.value.adapters.filter((a) => a.status === 'Up' && isVpnAdapter(a.interfaceDescription))
}

/** Installed products whose own adapter is among the connected VPN adapters: vpn-detected names them. */
function installedVpnProducts(view: MachineView) {
  const connected = connectedVpnAdapters(view)
  return installedKnownProducts(view).filter((i) => i.product.adapter !== null && connected.some((a) => i.product.adapter?.test(a.interfaceDescription)))
}

/** docs/knowledge/installed-products.md#what-a-finding-may-claim: the known products installed, except VPNs vpn-detected already names. */
function installedProductsRule(view: MachineView): Finding[] {
  return installedProductsFinding(view, new Set(installedVpnProducts(view).map((i) => i.product.id)))
}

/** docs/knowledge/wsl-checks.md#dns-tunneling, docs/knowledge/host-causes.md#vpn-clients: the Entra Global Secure Access client turns DNS tunneling off. */
function gsaRule(view: MachineView): Finding[] {
  const gsa = service(view, 'GlobalSecureAccessTunnelingService')
  const message = said(view, 'MessageDnsTunnelingDisabled')
  if (gsa?.status !== 'Running' && message.length === 0) return []
  return [
    finding({
      id: 'dns-tunneling-disabled-by-gsa',
      severity: message.length > 0 ? 'warning' : 'info',
      confidence: 'high',
      evidence: [
        ...(gsa?.status === 'Running' ? [evidence('ev.gsaRunning', 'services')] : []),
        ...(message.length > 0 ? [evidence('ev.wslSaidGsa', outputSource(view))] : []),
      ],
      fixes: ['wslconfig-disable-dns-tunneling', 'wslconfig-set-nat'],
      wslSaid: message.map((m) => m.text),
    }),
  ]
}

/**
 * docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#enterprise-and-third-party-firewalls: local rules ignored or all inbound blocked → HNS's DNS rule has no effect in NAT.
 * Who sets it (docs/knowledge/host-network-probes.md#who-sets-the-firewall-profile): a Group Policy
 * makes it the organisation's to change, so the "change the setting" advice gives way to IT.
 */
function firewallRule(view: MachineView): Finding[] {
  if (!view.firewall.known || !firewallBlocksWslDns(view)) return []
  const fact = view.firewall.value
  const blocking = blockingFirewallSettings(fact)
  const owned = blocking.map((b) => ({ ...b, owner: firewallSettingOwner(fact, b.profile, b.setting) }))
  const byPolicy = owned.filter((o) => o.owner.kind === 'group-policy')
  const unknownOwner = owned.find((o) => o.owner.kind === 'unknown')?.owner
  // One line per setting and per owner, naming the profiles, rather than a pair of lines per profile.
  const profilesOf = (list: readonly { profile: string }[]) => ({ profiles: list.map((o) => o.profile).join(', '), count: list.length })
  const lines = (['AllowLocalFirewallRules', 'AllowInboundRules'] as const).flatMap((setting) => {
    const these = owned.filter((o) => o.setting === setting)
    if (these.length === 0) return []
    const setByPolicy = these.filter((o) => o.owner.kind === 'group-policy')
    const notByPolicy = these.filter((o) => o.owner.kind === 'not-group-policy')
    return [
      evidence(setting === 'AllowLocalFirewallRules' ? 'ev.firewallNoLocalRules' : 'ev.firewallBlockInbound', 'firewall-profiles', profilesOf(these)),
      ...(setByPolicy.length > 0 ? [evidence('ev.firewallSetByGroupPolicy', 'firewall-profiles', { setting, ...profilesOf(setByPolicy) })] : []),
      ...(notByPolicy.length > 0 ? [evidence('ev.firewallNotByGroupPolicy', 'firewall-profiles', { setting, ...profilesOf(notByPolicy) })] : []),
    ]
  })
  // What no GPO pins may still be a domain's (a startup script, MDM): the caution, unless IT is already the answer.
  const caution = byPolicy.length === 0 ? managedPcCaution(view) : { evidence: [], fixes: [] }
  return [
    finding({
      id: 'firewall-blocks-wsl-dns',
      severity: 'warning',
      confidence: 'medium',
      evidence: [...lines, ...caution.evidence],
      unknowns: unknownOwner?.kind === 'unknown' ? [unknown('un.firewallPolicyUnknown', { reason: unknownOwner.reason })] : [],
      // Only what no Group Policy pins can be changed on the PC; a pinned one is IT's.
      fixes: [
        'wslconfig-enable-dns-tunneling',
        ...(byPolicy.length < owned.length ? (['firewall-allow-local-rules'] as const) : []),
        ...(byPolicy.length > 0 ? (['policy-contact-it'] as const) : []),
        ...caution.fixes,
      ],
    }),
  ]
}

/** Windows' own provider folders, written with or without environment variables. */
const SYSTEM_DIR = /^(%SystemRoot%|%windir%|[A-Z]:\\Windows)\\(System32|SysWOW64)\\/i

/**
 * docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/error-codes.md#hresult-table 0x8007273d: a third-party layered provider can break WSL's hvsocket traffic.
 * Windows itself installs no layered protocol providers (chain length ≠ 1) since LSPs were
 * deprecated, so any layered protocol entry, or a base provider outside System32, is third party.
 * Namespace providers (name resolution only) are not counted.
 */
function lspRule(view: MachineView): Finding[] {
  // The catalog is read by the scan only; a paste can still carry Windows' WSAEOPNOTSUPP text (issue 11:
  // the CLI used to ignore it because the catalog was unknown, while the wizard acted on it).
  const entries = view.winsock.known ? view.winsock.value.entries : []
  const thirdParty = entries.filter(
    (e) => e.catalog.startsWith('protocol') && e.providerPath !== '' && ((e.chainLength !== null && e.chainLength !== 1) || !SYSTEM_DIR.test(e.providerPath)),
  )
  const code = hasCode(view, '0x8007273d')
  // Windows' system text for WSAEOPNOTSUPP (10045) in English and Chinese (legacy-messages.ts cites the
  // threads); also inside a longer line ("'参考的对象类型不支持尝试的操作。' and quit with 4294967295", #6300).
  const message = view.output.known
    ? view.output.value.lines.filter((l) => /not supported for the type of object referenced|参考的对象类型不支持尝试的操作/i.test(l))
    : []
  if (thirdParty.length === 0 && !code && message.length === 0) return []
  return [
    finding({
      id: 'winsock-lsp',
      severity: code || message.length > 0 ? 'error' : 'warning',
      confidence: 'medium',
      evidence: [
        ...(thirdParty.length > 0
          ? [
              evidence('ev.thirdPartyLsp', 'winsock-catalog', {
                providers: [...new Set(thirdParty.map((e) => e.providerPath))].join(', '),
                count: new Set(thirdParty.map((e) => e.providerPath)).size,
              }),
            ]
          : []),
        ...(code ? [evidence('ev.code0x8007273d', outputSource(view), { path: code.path })] : []),
        ...(message[0] !== undefined ? [evidence('ev.wslSaidWinsock', outputSource(view), { text: message[0].trim() })] : []),
      ],
      fixes: ['remove-lsp', 'winsock-reset', 'system-restore'],
      wslSaid: message,
    }),
  ]
}

/** docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode: `PortTrackerEnabledMode` set while the FSE service is missing. */
function portTrackerRule(view: MachineView): Finding[] {
  if (!view.hostNetworking.known) return []
  const h = view.hostNetworking.value
  if (h.portTrackerEnabledMode === null || h.fseServiceExists) return []
  return [
    finding({
      id: 'port-tracker-fse',
      severity: 'warning',
      confidence: 'high',
      evidence: [evidence('ev.portTracker', 'host-networking', { value: h.portTrackerEnabledMode })],
      fixes: ['remove-port-tracker', 'reboot'],
    }),
  ]
}

/** docs/knowledge/host-causes.md#hosts-file-too-large: WSL says the hosts file is too large to reflect into Linux. */
function hostsRule(view: MachineView): Finding[] {
  const lines = view.output.known ? view.output.value.lines.filter((l) => /hosts file is too large/i.test(l)) : []
  if (lines.length === 0) return []
  const bytes = view.hostNetworking.known ? view.hostNetworking.value.hostsFileBytes : null
  return [
    finding({
      id: 'hosts-file-too-large',
      severity: 'info',
      confidence: 'high',
      evidence: [evidence('ev.wslSaidHosts', outputSource(view)), ...(bytes !== null ? [evidence('ev.hostsSize', 'host-networking', { bytes })] : [])],
      fixes: ['shrink-hosts-file', 'wslconfig-enable-dns-tunneling'],
      wslSaid: lines,
    }),
  ]
}
