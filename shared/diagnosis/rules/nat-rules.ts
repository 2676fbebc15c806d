import { isAtLeast } from '../../util/version'
import { port53Blockers } from '../../probes/port53-holders'
import type { Evidence, Finding } from '../finding'
import { windowsTermArgs } from '../../i18n/windows-terms'
import { codes, hasCode, natInUse, said, service } from '../derived'
import type { MachineView } from '../machine-view'
import { evidence, finding, outputSource, unknown, unknownFact, rule, type Rule } from './rule'
import { disabledServiceOwner } from './service-owner-evidence'

/**
 * WSL's NAT network cannot be created (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/error-codes.md#hresult-table, docs/knowledge/host-causes.md#ics-disabled, docs/knowledge/host-causes.md#vmware-leftovers, docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback): by code, with
 * the cause behind the code where the probes show it. Before WSL 2.3.25 this stops WSL; from 2.3.25
 * it falls back to VirtioProxy (Consomme from 2.9), so modern WSL may show only a warning.
 */
export const natRules: readonly Rule[] = [
  rule(['wsl-startup', 'events', 'network-adapters', 'windows-version', 'wsl-install'], vmswitchRule),
  rule(['wsl-startup', 'wsl-install'], staleNetworkRule),
  rule(['services', 'wsl-startup', 'wslconfig-file', 'wsl-install', 'virtualization'], icsRule),
  rule(['wsl-startup', 'wsl-install'], otherCodeRule),
  rule(['wsl-startup', 'events'], fellBackRule),
  rule(['wsl-startup', 'host-dns'], dnsPortRule),
]

function natLines(view: MachineView): string[] {
  if (!view.output.known) return []
  const { lines } = view.output.value
  return lines.filter((line) => /ConfigureNetworking|networkingMode|0x[0-9a-f]{8}/i.test(line))
}

/** How WSL reacts to a NAT failure on this version (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback), as evidence. */
function versionBehaviour(view: MachineView): Evidence[] {
  if (!view.wsl.known || view.wsl.value.version === null) return []
  const version = view.wsl.value.version
  return [evidence(isAtLeast(version, '2.3.25') ? 'ev.wslFallsBack' : 'ev.wslFailsHard', 'wsl-install', { version })]
}

function vmwareLeftovers(view: MachineView): Evidence[] {
  // A paste: the user naming VMware/VirtualBox stands in for the adapter scan (docs/knowledge/host-causes.md#vmware-leftovers; #9016, #11816).
  if (!view.adapters.known)
    return view.pastedFacts.vmProducts.length > 0 ? [evidence('ev.youSaidVmware', 'pasted', { products: view.pastedFacts.vmProducts.join(', ') })] : []
  const { vmwareClsidPresent, bindings } = view.adapters.value
  const bridged = bindings.filter((b) => b.componentId.toLowerCase() === 'vmware_bridge' && b.enabled).map((b) => b.adapter)
  return [
    ...(vmwareClsidPresent ? [evidence('ev.vmwareClsid', 'network-adapters')] : []),
    ...(bridged.length > 0 ? [evidence('ev.vmwareBridgeBound', 'network-adapters', { adapters: bridged.join(', ') })] : []),
  ]
}

/** docs/knowledge/error-codes.md#hresult-table 0x80041002 WBEM_E_NOT_FOUND: vmswitch creation fails ("Known vmswitch issue", docs/knowledge/error-codes.md#triage-bot-rules). */
function vmswitchRule(view: MachineView): Finding[] {
  const inOutput = hasCode(view, '0x80041002')
  const inEvents = view.eventCodes.find((c) => c.code.toLowerCase() === '0x80041002')
  if (!inOutput && !inEvents) return []
  const vmware = vmwareLeftovers(view)
  const home = view.windows.known && view.windows.value.isHome
  return [
    finding({
      id: vmware.length > 0 ? 'nat-vmware-leftovers' : 'nat-vmswitch-not-found',
      severity: 'error',
      // The code's meaning is High; its causes are community-confirmed (Medium, docs/knowledge/error-codes.md#hresult-table/F.13).
      confidence: 'medium',
      evidence: [
        ...(inOutput ? [evidence('ev.code0x80041002', outputSource(view), { path: inOutput.path })] : []),
        ...(inEvents ? [evidence('ev.eventCode0x80041002', 'events')] : []),
        ...vmware,
        ...versionBehaviour(view),
        ...(home ? [evidence('ev.homeNoHyperVTools', 'windows-version')] : []),
      ],
      unknowns: [...unknownFact(view.adapters, 'network-adapters', 'un.checkVmwareLeftovers'), ...unknownFact(view.events, 'events', 'un.checkHnsEvents')],
      fixes: [
        'windows-update',
        'wsl-update',
        'wsl-update-prerelease',
        'delete-wsl-hns-network',
        'reboot',
        'toggle-vmp',
        ...(vmware.length > 0 ? (['vmware-cleanup'] as const) : []),
        'network-reset',
        'system-restore',
        'wslconfig-set-none',
        'wsl1-fallback',
      ],
      wslSaid: natLines(view),
    }),
  ]
}

/** docs/knowledge/error-codes.md#hresult-table 0x803b0001 / 0x803b0017: the WSL HNS network is stale or degraded. */
function staleNetworkRule(view: MachineView): Finding[] {
  const ref = hasCode(view, '0x803b0001') ?? hasCode(view, '0x803b0017')
  if (!ref) return []
  return [
    finding({
      id: 'nat-hns-network-stale',
      severity: 'error',
      confidence: 'medium',
      evidence: [evidence('ev.codeStaleNetwork', outputSource(view), { path: ref.path, code: ref.code }), ...versionBehaviour(view)],
      fixes: ['reboot', 'delete-wsl-hns-network', 'network-reset'],
      wslSaid: natLines(view),
    }),
  ]
}

/** docs/knowledge/host-causes.md#ics-disabled, docs/knowledge/error-codes.md#hresult-table: Internet Connection Sharing (SharedAccess) disabled breaks NAT creation. */
function icsRule(view: MachineView): Finding[] {
  const sharedAccess = service(view, 'SharedAccess')
  const disabled = sharedAccess?.exists === true && sharedAccess.startType === 'disabled'
  // 0x80070422 (ERROR_SERVICE_DISABLED) inside ConfigureNetworking/HNS is HNS failing to start
  // SharedAccess, not the WSL service (keith-horton from the traces, microsoft/WSL#12074; docs/knowledge/host-causes.md#ics-disabled).
  const hnsServiceDisabled = codes(view).find((c) => c.code.toLowerCase() === '0x80070422' && c.networking)
  const code = hasCode(view, '0x803b002a') ?? hasCode(view, '0x800706d9') ?? hnsServiceDisabled
  if (!disabled && !code) return []
  if (!disabled && natInUse(view) === false) return []
  const owner = disabled ? disabledServiceOwner(view, 'SharedAccess') : { evidence: [], unknowns: [], fixes: [] }
  return [
    finding({
      id: 'nat-ics-disabled',
      severity: natInUse(view) === false ? 'warning' : 'error',
      confidence: disabled ? 'high' : 'medium',
      evidence: [
        ...(disabled ? [evidence('ev.serviceDisabled', 'services', { service: 'SharedAccess' })] : []),
        ...(code ? [evidence('ev.codeIcs', outputSource(view), { path: code.path, code: code.code })] : []),
        ...versionBehaviour(view),
        ...owner.evidence,
      ],
      unknowns: [...unknownFact(view.services, 'services', 'un.checkServices'), ...owner.unknowns],
      fixes: ['enable-sharedaccess', 'wsl-shutdown', ...owner.fixes],
      wslSaid: natLines(view),
    }),
  ]
}

/** Any other HNS/ConfigureNetworking code: the family is known, the cause is not (docs/knowledge/error-codes.md#hresult-table). */
function otherCodeRule(view: MachineView): Finding[] {
  const known = ['0x80041002', '0x803b0001', '0x803b0017', '0x803b002a', '0x800706d9', '0x803b0015', '0x80070422', '0x80070424', '0x80370102']
  const other = codes(view).find((c) => c.networking && !known.includes(c.code.toLowerCase()) && !/HCS_E_HYPERV_NOT_INSTALLED/i.test(c.code))
  if (!other) return []
  return [
    finding({
      id: 'nat-creation-failed',
      severity: 'error',
      confidence: 'low',
      evidence: [evidence('ev.codeOther', outputSource(view), { path: other.path, code: other.code }), ...versionBehaviour(view)],
      unknowns: [unknown('un.checkHnsEvents')],
      fixes: ['wsl-shutdown', 'wsl-update', 'delete-wsl-hns-network', 'reboot', 'toggle-vmp', 'network-reset', 'wslconfig-set-none'],
      wslSaid: natLines(view),
      args: { code: other.code },
    }),
  ]
}

/** docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback: WSL ≥ 2.3.25 started, but on VirtioProxy/Consomme/None instead of NAT. */
function fellBackRule(view: MachineView): Finding[] {
  const messages = said(view, 'MessageNetworkInitializationFailedFallback2', 'LegacyNatFallbackNoNetworking').filter(
    (m) => m.id === 'LegacyNatFallbackNoNetworking' || m.args[0]?.toLowerCase() === 'nat',
  )
  const mode = view.output.known ? view.output.value.effectiveMode : null
  const silent = mode === 'virtioproxy' || mode === 'consomme' || (mode === 'none' && natInUse(view) !== false)
  if (messages.length === 0 && !silent) return []
  return [
    finding({
      id: 'nat-fell-back',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        ...(messages.length > 0
          ? [evidence('ev.wslSaidNatFallback', outputSource(view), windowsTermArgs('mode', 'networkingMode', messages[0]?.args[1] ?? 'None'))]
          : []),
        ...(mode ? [evidence('ev.effectiveMode', 'wsl-startup', windowsTermArgs('mode', 'networkingMode', mode))] : []),
      ],
      unknowns: [...unknownFact(view.events, 'events', 'un.checkHnsEvents'), unknown('un.natCauseHidden')],
      fixes: ['wsl-shutdown', 'windows-update', 'delete-wsl-hns-network', 'reboot', 'toggle-vmp', 'network-reset'],
      wslSaid: messages.map((m) => m.text),
      // The summary names the mode WSL fell back to: what it said, else what wslinfo reported.
      args: windowsTermArgs('mode', 'networkingMode', messages[0]?.args[1] ?? mode ?? 'None'),
    }),
  ]
}

/**
 * docs/knowledge/causes.md#dns-server-on-port-53: a DNS server on Windows (Acrylic, Technitium, …) binds
 * UDP port 53 on every address first, and the NAT network's DNS proxy (SharedAccess) cannot. With a
 * networking failure from WSL, the scan's port-53 read decides: a holder on every address confirms
 * it (high when the process is named); none makes what the user wrote unlikely now (low: the
 * server may be stopped while they test). Without the read, what the user wrote stays "medium" and
 * the finding says which check decides.
 */
function dnsPortRule(view: MachineView): Finding[] {
  const servers = view.pastedFacts.dnsServers
  const failure = codes(view).find((c) => c.networking)
  if (failure === undefined) return []
  const port53 = view.hostDns.known ? view.hostDns.value.port53 : undefined
  const read = port53 !== undefined && port53.available ? port53.endpoints : null
  const holders = read === null ? [] : port53Blockers(read).slice(0, 3)
  if (holders.length === 0 && servers.length === 0) return []
  const named = holders.map((h) => h.processName ?? `PID ${h.owningProcess ?? '?'}`)
  const confidence = holders.length > 0 ? (holders.every((h) => h.processName !== null) ? 'high' : 'medium') : read === null ? 'medium' : 'low'
  return [
    finding({
      id: 'nat-dns-port-53-in-use',
      severity: 'error',
      confidence,
      evidence: [
        ...(servers.length > 0 ? [evidence('ev.youSaidDnsServer', 'pasted', { products: servers.join(', ') })] : []),
        ...holders.map((h, i) => evidence('ev.port53Holder', 'host-dns', { process: named[i] ?? '', address: h.localAddress })),
        ...(read !== null && holders.length === 0 ? [evidence('ev.port53NotHeld', 'host-dns')] : []),
        evidence('ev.codeOther', outputSource(view), { path: failure.path, code: failure.code }),
      ],
      unknowns: read === null ? [unknown('un.checkPort53')] : [],
      fixes: ['free-port-53'],
      wslSaid: natLines(view),
      // One name per program: a server on 0.0.0.0 and :: is one program.
      args: { products: holders.length > 0 ? [...new Set(named)].join(', ') : servers.join(', ') },
    }),
  ]
}
