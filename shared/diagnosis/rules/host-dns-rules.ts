import { redirectingNrptRules } from '../../probes/facts/host-dns'
import { isAtLeast } from '../../util/version'
import type { Evidence, Finding } from '../finding'
import { buildLacksMirrored, configuredMode, dnsTunnelingActive, service } from '../derived'
import type { MachineView } from '../machine-view'
import { evidence, finding, rule, type Rule } from './rule'

/**
 * The host's NRPT (a VPN's split DNS, DirectAccess, Zscaler) while WSL resolves without DNS
 * tunneling (docs/knowledge/host-network-probes.md#host-dns): Microsoft says NRPT policies apply to
 * WSL's DNS queries only with DNS tunneling (docs/knowledge/wsl-checks.md#dns-tunneling), so names
 * of those namespaces may not resolve in Linux. Conservative: no finding unless the NRPT was read
 * and DNS tunneling is known to be off; "can't tell" (tunneling on or unknown) says nothing.
 */
export const hostDnsRules: readonly Rule[] = [
  rule(['host-dns', 'wslconfig-file', 'services', 'mirrored-readiness', 'windows-version', 'wsl-install'], nrptRule),
]

/** Namespaces shown in the finding: the first few, so a long corporate list stays readable. */
const SHOWN = 3

function nrptRule(view: MachineView): Finding[] {
  if (!view.hostDns.known || !view.hostDns.value.nrpt.available) return []
  const rules = redirectingNrptRules(view.hostDns.value.nrpt.rules)
  if (rules.length === 0 || configuredMode(view) === 'none') return []
  // With the GSA client running WSL turns tunneling off itself and Microsoft advises dnsTunneling=false: `dns-tunneling-disabled-by-gsa` covers that PC.
  if (service(view, 'GlobalSecureAccessTunnelingService')?.status === 'Running') return []
  if (tunnelingInEffect(view) !== false) return []
  const namespaces = [...new Set(rules.flatMap((r) => r.namespaces))]
  const servers = [...new Set(rules.flatMap((r) => [...r.nameServers, ...r.directAccessDnsServers]))]
  const shown = namespaces.slice(0, SHOWN).join(', ') + (namespaces.length > SHOWN ? ', …' : '')
  const overlap = interfacesWith(view, servers)
  return [
    finding({
      id: 'nrpt-not-applied-in-wsl',
      severity: 'warning',
      // Only the NRPT leads to these servers: Linux cannot reach them another way. Also on an interface (a full-tunnel VPN): it may.
      confidence: overlap !== null && overlap.length === 0 ? 'high' : 'medium',
      evidence: [
        evidence('ev.nrptRules', 'host-dns', { count: rules.length, namespaces: shown, servers: servers.join(', ') }),
        ...(overlap === null
          ? []
          : [
              overlap.length === 0
                ? evidence('ev.nrptServersOnlyThere', 'host-dns')
                : evidence('ev.nrptServersAlsoOnInterface', 'host-dns', { interfaces: overlap.join(', ') }),
            ]),
        ...tunnelingOffBecause(view),
      ],
      fixes: ['wslconfig-enable-dns-tunneling'],
      args: { namespaces: shown, count: namespaces.length },
    }),
  ]
}

/** Interfaces whose own DNS servers include one of `servers`; null when the DNS servers could not be read. */
function interfacesWith(view: MachineView, servers: readonly string[]): string[] | null {
  if (!view.hostDns.known || !view.hostDns.value.dnsServers.available) return null
  const wanted = new Set(servers.map((s) => s.toLowerCase()))
  const aliases = view.hostDns.value.dnsServers.interfaces
    .filter((i) => i.serverAddresses.some((a) => wanted.has(a.toLowerCase())))
    .map((i) => i.interfaceAlias)
  return [...new Set(aliases)]
}

/** WSL turns DNS tunneling on by default from 2.2.1 (docs/knowledge/wsl-checks.md#dns-tunneling). */
const TUNNELING_DEFAULT_SINCE = '2.2.1'

/**
 * Whether DNS tunneling is in effect: `dnsTunnelingActive`, and where it cannot tell but Windows
 * has the DNS functions, WSL's own default for its version (off before 2.2.1, on from it). Null
 * when neither decides (the readiness or WSL facts unknown, inbox WSL).
 */
function tunnelingInEffect(view: MachineView): boolean | null {
  const derived = dnsTunnelingActive(view)
  if (derived !== null) return derived
  if (!view.readiness.known || view.readiness.value.exports === null) return null
  if (Object.values(view.readiness.value.exports.dnsapi).some((present) => !present)) return false
  const version = view.wsl.known ? view.wsl.value.version : null
  return version === null ? null : isAtLeast(version, TUNNELING_DEFAULT_SINCE)
}

/** What says DNS tunneling is off, in the order `tunnelingInEffect` decides it. */
function tunnelingOffBecause(view: MachineView): Evidence[] {
  if (view.config.known && view.config.value?.parse.values['wsl2.dnsTunneling'] === 'false') return [evidence('ev.dnsTunnelingSetOff', 'wslconfig-file')]
  if (view.readiness.known && view.readiness.value.exports && Object.values(view.readiness.value.exports.dnsapi).some((present) => !present)) {
    return [evidence('ev.dnsTunnelingUnsupported', 'mirrored-readiness')]
  }
  if (buildLacksMirrored(view) === true && view.windows.known)
    return [evidence('ev.dnsTunnelingNeedsWindows11', 'windows-version', { version: view.windows.value.version })]
  const version = view.wsl.known ? view.wsl.value.version : null
  return version === null ? [] : [evidence('ev.dnsTunnelingOffByDefault', 'wsl-install', { version, since: TUNNELING_DEFAULT_SINCE })]
}
