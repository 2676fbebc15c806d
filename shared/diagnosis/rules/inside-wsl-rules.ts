import { NETWORK_CHECK_TARGETS, type CheckResult, type NetworkCheckReading } from '../../probes/network-check/network-check-results'
import type { NetworkCheckId } from '../../probes/network-check/network-check-ids'
import type { Finding } from '../finding'
import { configuredMode, mirroredRequested } from '../derived'
import type { MachineView } from '../machine-view'
import { evidence, finding, rule, type Rule } from './rule'

/**
 * Causes only visible from inside the distro, read from the networking check
 * (docs/knowledge/wsl-network-check.md#what-the-rules-conclude). Each rule needs the check to have
 * run and produced its rows; when it did not, these rules say nothing (the check's own row in the
 * table says "not checked" and why).
 */
export const insideWslRules: readonly Rule[] = [
  rule(['wsl-network-check', 'wslconfig-file'], onlyLoopbackRule),
  rule(['wsl-network-check'], dnsFailsRule),
  rule(['wsl-network-check'], resolvConfNotWslRule),
  rule(['wsl-network-check'], tlsInterceptedRule),
  rule(['wsl-network-check', 'wslconfig-file', 'wsl-startup'], localhostRule),
]

type Rows = Readonly<Record<NetworkCheckId, CheckResult>>

function rowsOf(view: MachineView): { reading: Extract<NetworkCheckReading, { kind: 'read' }>; rows: Rows } | null {
  if (!view.networkCheck.known || view.networkCheck.value.kind !== 'read') return null
  const reading = view.networkCheck.value
  return { reading, rows: Object.fromEntries(reading.checks.map((c) => [c.id, c])) as Rows }
}

const failed = (row: CheckResult) => row.outcome === 'fail'
const passed = (row: CheckResult) => row.outcome === 'pass'

/**
 * No interface but `lo` (and mirrored mode's `loopback0`) inside: WSL started with no network,
 * as after mirrored mode falls back to None on Server (docs/knowledge/wsl-checks.md#mirrored-checks) or networkingMode=none.
 */
function onlyLoopbackRule(view: MachineView): Finding[] {
  const found = rowsOf(view)
  if (found === null || !failed(found.rows.interfaces)) return []
  const mirrored = mirroredRequested(view)
  return [
    finding({
      id: 'inside-no-network-interface',
      severity: 'error',
      confidence: 'high',
      evidence: [evidence('ev.insideInterfaces', 'wsl-network-check', { interfaces: found.rows.interfaces.evidence })],
      fixes: mirrored ? ['wslconfig-set-nat', 'wsl-shutdown', 'reboot'] : ['wsl-shutdown', 'reboot'],
      args: { mode: configuredMode(view) ?? 'nat' },
    }),
  ]
}

/** Names do not resolve while TCP to a public address on 443 works: the DNS path is the cause (docs/knowledge/host-causes.md#dns-blocked-by-the-firewall). */
function dnsFailsRule(view: MachineView): Finding[] {
  const found = rowsOf(view)
  if (found === null) return []
  const { rows, reading } = found
  if (!failed(rows['dns-resolution']) || !passed(rows['tcp-443'])) return []
  // A resolv.conf WSL did not write is its own finding: the fix is in the distro, not in WSL.
  if (!reading.output.resolv.generatedByWsl && reading.output.resolv.present) return []
  return [
    finding({
      id: 'inside-dns-fails',
      severity: 'error',
      confidence: 'high',
      evidence: [
        evidence('ev.insideDnsFailed', 'wsl-network-check', { detail: rows['dns-resolution'].evidence }),
        evidence('ev.insideTcpWorks', 'wsl-network-check', { detail: rows['tcp-443'].evidence }),
        evidence('ev.insideNameservers', 'wsl-network-check', { servers: reading.output.resolv.nameservers.join(', ') || '-' }),
      ],
      fixes: ['wsl-shutdown', 'wslconfig-enable-dns-tunneling'],
      args: { dns: NETWORK_CHECK_TARGETS.dnsName },
    }),
  ]
}

/**
 * /etc/resolv.conf was not written by WSL (a static file after generateResolvConf=false, or
 * systemd-resolved / NetworkManager) and names do not resolve: its server does not answer.
 */
function resolvConfNotWslRule(view: MachineView): Finding[] {
  const found = rowsOf(view)
  if (found === null) return []
  const { rows, reading } = found
  const resolv = reading.output.resolv
  if (!resolv.present || resolv.generatedByWsl || !failed(rows['dns-resolution'])) return []
  const generateOff = reading.output.wslConf.lines.some((line) => /^\s*generateResolvConf\s*=\s*false\s*$/i.test(line))
  return [
    finding({
      id: 'inside-resolv-conf-not-wsl',
      severity: 'error',
      confidence: passed(rows['tcp-443']) ? 'high' : 'medium',
      evidence: [
        evidence('ev.insideResolvWriter', 'wsl-network-check', { writer: resolv.generatedBy ?? 'static', servers: resolv.nameservers.join(', ') || '-' }),
        ...(generateOff ? [evidence('ev.insideGenerateResolvConfOff', 'wsl-network-check')] : []),
        evidence('ev.insideDnsFailed', 'wsl-network-check', { detail: rows['dns-resolution'].evidence }),
      ],
      fixes: ['distro-restore-resolv-conf'],
      args: { servers: resolv.nameservers.join(', ') || '-' },
    }),
  ]
}

/** The certificate on www.microsoft.com was not issued by Microsoft's CAs: something re-signs TLS. */
function tlsInterceptedRule(view: MachineView): Finding[] {
  const found = rowsOf(view)
  if (found === null || !failed(found.rows['tls-interception'])) return []
  const httpsFails = failed(found.rows.https)
  return [
    finding({
      id: 'inside-tls-intercepted',
      severity: httpsFails ? 'error' : 'warning',
      confidence: 'high',
      evidence: [
        evidence('ev.insideTlsIssuer', 'wsl-network-check', { issuer: found.rows['tls-interception'].evidence }),
        ...(httpsFails ? [evidence('ev.insideHttpsFailed', 'wsl-network-check', { detail: found.rows.https.evidence })] : []),
      ],
      fixes: ['distro-trust-proxy-ca'],
      args: { issuer: found.rows['tls-interception'].evidence },
    }),
  ]
}

/**
 * localhost forwarding broken where it should work: Windows → Linux in NAT with
 * localhostForwarding on (the default), or either direction in mirrored mode (docs/knowledge/host-causes.md#localhost-forwarding).
 * Linux → Windows over 127.0.0.1 does not exist in NAT by design, so it is never a finding there.
 */
function localhostRule(view: MachineView): Finding[] {
  const found = rowsOf(view)
  if (found === null) return []
  const effective = view.output.known ? view.output.value.effectiveMode : null
  const mode = effective === 'mirrored' || effective === 'nat' ? effective : null
  if (mode === null) return []
  const forwardingOff = view.config.known && view.config.value?.parse.values['wsl2.localhostForwarding'] === 'false'
  const broken: NetworkCheckId[] = []
  if (failed(found.rows['localhost-windows-to-linux']) && (mode === 'mirrored' || !forwardingOff)) broken.push('localhost-windows-to-linux')
  if (mode === 'mirrored' && failed(found.rows['localhost-linux-to-windows'])) broken.push('localhost-linux-to-windows')
  if (broken.length === 0) return []
  return [
    finding({
      id: 'inside-localhost-broken',
      severity: 'warning',
      confidence: 'medium',
      evidence: broken.map((id) =>
        evidence(id === 'localhost-windows-to-linux' ? 'ev.insideLocalhostIn' : 'ev.insideLocalhostOut', 'wsl-network-check', {
          port: found.rows[id].evidence,
        }),
      ),
      fixes: mode === 'nat' ? ['wsl-shutdown', 'wslconfig-set-mirrored'] : ['wsl-shutdown'],
      args: { mode },
    }),
  ]
}
