import { decodeNativeOutput, WSL_EXE_REQUESTED } from '../decode-native-output'
import type { WslNetworkCheckFact } from '../facts/wsl-network-check'
import { wslPrintedText } from '../wsl-printed'
import { findErrorCodes } from '../../wsl-output/error-codes'
import { NETWORK_CHECK_IDS, type NetworkCheckId } from './network-check-ids'
import { parseNetworkCheck, type Attempt, type NetworkCheckOutput } from './parse-network-check'

/** Why one check was not made. Each has a text in the catalogs (`networkCheck.notChecked.*`). */
export type NotCheckedReason =
  'missing-tool' | 'not-reported' | 'constrained-language' | 'no-default-gateway' | 'no-windows-listener' | 'listener-failed' | 'no-connection'

/**
 * One row of the table. `evidence` is data the check rests on (addresses, an issuer, a curl exit
 * code), shown as is, never a sentence; the sentences are in the message catalogs.
 */
export type CheckResult =
  | { readonly id: NetworkCheckId; readonly outcome: 'pass'; readonly evidence: string }
  | { readonly id: NetworkCheckId; readonly outcome: 'fail'; readonly evidence: string }
  | { readonly id: NetworkCheckId; readonly outcome: 'info'; readonly evidence: string; readonly note?: 'nat-by-design' }
  | { readonly id: NetworkCheckId; readonly outcome: 'not-checked'; readonly reason: NotCheckedReason; readonly evidence: string }

/** Why the script produced no results at all. */
export type NotRunReason = 'distro-absent' | 'timed-out' | 'no-output' | 'wsl-error'

export type NetworkCheckReading =
  | { readonly kind: 'read'; readonly distro: string | null; readonly output: NetworkCheckOutput; readonly checks: readonly CheckResult[] }
  | { readonly kind: 'not-run'; readonly distro: string | null; readonly reason: NotRunReason; readonly detail: string }

/**
 * The issuer organisations that sign www.microsoft.com's certificate (Microsoft's TLS issuing CAs
 * chain to DigiCert roots; docs/knowledge/wsl-network-check.md#tls). Any other issuer on that
 * connection means something between Linux and the site re-signed it: a corporate proxy or a
 * security product inspecting TLS.
 */
export const EXPECTED_TLS_ISSUER_ORGS: readonly string[] = ['Microsoft Corporation', 'DigiCert Inc', 'DigiCert, Inc.']

/** The names the probe passes to the script: one registry, read by the probe's tests too. */
export const NETWORK_CHECK_TARGETS = { dnsName: 'www.microsoft.com', tcpAddress: '1.1.1.1', httpsHost: 'www.microsoft.com' } as const

export const LOOPBACK_INTERFACES: ReadonlySet<string> = new Set(['lo', 'loopback0'])
/** Modes in which Linux reaches Windows through a gateway, not through 127.0.0.1. */
const NAT_FAMILY = new Set(['nat', 'virtioproxy', 'consomme'])

/** Readings by fact object: the machine view is rebuilt often (per rule in tests, per progress event). */
const cache = new WeakMap<WslNetworkCheckFact, NetworkCheckReading>()

/** Decodes and reads one fact of the `wsl-network-check` probe. */
export function readNetworkCheck(fact: WslNetworkCheckFact): NetworkCheckReading {
  const cached = cache.get(fact)
  if (cached !== undefined) return cached
  const reading = read(fact)
  cache.set(fact, reading)
  return reading
}

function read(fact: WslNetworkCheckFact): NetworkCheckReading {
  const stdout = decodeNativeOutput(fact.run.stdoutBase64, { kind: 'linux-command' }) ?? ''
  const output = parseNetworkCheck(stdout)
  if (output.format === null) {
    const printed = wslPrintedText(fact.run, WSL_EXE_REQUESTED).trim()
    const codes = findErrorCodes(printed).map((ref) => ref.symbol ?? ref.code)
    const detail = printed.slice(0, 400)
    if (codes.some((code) => code === 'WSL_E_DISTRO_NOT_FOUND' || code === 'WSL_E_DEFAULT_DISTRO_NOT_FOUND')) {
      return { kind: 'not-run', distro: fact.distro, reason: 'distro-absent', detail }
    }
    if (fact.run.timedOut) return { kind: 'not-run', distro: fact.distro, reason: 'timed-out', detail }
    return { kind: 'not-run', distro: fact.distro, reason: printed === '' ? 'no-output' : 'wsl-error', detail }
  }
  return { kind: 'read', distro: fact.distro, output, checks: NETWORK_CHECK_IDS.map((id) => checkResult(id, output, fact)) }
}

function checkResult(id: NetworkCheckId, out: NetworkCheckOutput, fact: WslNetworkCheckFact): CheckResult {
  switch (id) {
    case 'interfaces': {
      if (out.interfaces.length === 0) return notChecked(id, 'not-reported')
      const outside = out.interfaces.filter((i) => !LOOPBACK_INTERFACES.has(i.name))
      const usable = outside.filter((i) => i.state === 'up' || (i.state === 'unknown' && i.addresses.some((a) => a.family === 'inet')))
      const evidence = out.interfaces.map((i) => [i.name, i.state, ...i.addresses.filter((a) => a.scope !== 'link').map((a) => a.cidr)].join(' ')).join('; ')
      return usable.length > 0 ? { id, outcome: 'pass', evidence } : { id, outcome: 'fail', evidence }
    }
    case 'default-route': {
      if (out.routes === null) return notChecked(id, 'not-reported')
      if (out.defaultRoute === null) return { id, outcome: 'fail', evidence: `${out.routes.length} routes, none default` }
      return { id, outcome: 'pass', evidence: `${out.defaultRoute.iface}${out.defaultRoute.gateway === null ? '' : ` via ${out.defaultRoute.gateway}`}` }
    }
    case 'dns-config': {
      const who = out.resolv.generatedByWsl ? 'WSL' : (out.resolv.generatedBy ?? 'static')
      const link = out.resolv.symlinkTarget === null ? '' : ` -> ${out.resolv.symlinkTarget}`
      if (!out.resolv.present) return { id, outcome: 'fail', evidence: `/etc/resolv.conf absent${link}` }
      const evidence = `${out.resolv.nameservers.join(' ') || '-'} (${who})${link}`
      return out.resolv.nameservers.length > 0 ? { id, outcome: 'pass', evidence } : { id, outcome: 'fail', evidence }
    }
    case 'dns-resolution':
      return fromAttempt(id, out.dns, out.complete)
    case 'tcp-443':
      return fromAttempt(id, out.tcp443, out.complete)
    case 'https':
      return fromAttempt(id, out.https, out.complete)
    case 'tls-interception': {
      const tls = out.tls
      if (tls === null) return notChecked(id, 'not-reported')
      if (tls.status === 'not-checked') return notChecked(id, 'missing-tool', 'openssl, curl')
      // No certificate came back: no TLS connection was made (the HTTPS row says why).
      if (tls.issuer === null) return notChecked(id, 'no-connection', tls.verify ?? '')
      const org = issuerOrganisation(tls.issuer)
      const evidence = tls.verify === null ? tls.issuer : `${tls.issuer} (verify: ${tls.verify})`
      return org !== null && EXPECTED_TLS_ISSUER_ORGS.includes(org) ? { id, outcome: 'pass', evidence } : { id, outcome: 'fail', evidence }
    }
    case 'windows-host': {
      if (out.hostPing?.status === 'not-checked' && out.hostPing.reason === 'no-default-gateway') return notChecked(id, 'no-default-gateway')
      return fromAttempt(id, out.hostPing, out.complete, out.gateway ?? '')
    }
    case 'localhost-linux-to-windows': {
      if (fact.windowsListener === null || (out.localhostOut?.status === 'not-checked' && out.localhostOut.reason === 'no-windows-listener')) {
        return notChecked(id, 'no-windows-listener')
      }
      const port = `127.0.0.1:${fact.windowsListener.port}`
      // The Windows side saw the connection: that settles it whatever the script could report.
      if (fact.windowsListener.connectionSeen) return { id, outcome: 'pass', evidence: port }
      const result = fromAttempt(id, out.localhostOut, out.complete, port)
      // NAT (and its VirtioProxy/Consomme fallbacks) never forwards Linux's 127.0.0.1 to Windows:
      // a failure there is how NAT works, not a fault (docs/knowledge/wsl-network-check.md#localhost).
      if (result.outcome === 'fail' && out.mode !== null && NAT_FAMILY.has(out.mode))
        return { id, outcome: 'info', evidence: result.evidence, note: 'nat-by-design' }
      return result
    }
    case 'localhost-windows-to-linux': {
      const port = `127.0.0.1:${fact.linuxListenerPort}`
      switch (fact.windowsToLinux.status) {
        case 'connected':
          return { id, outcome: 'pass', evidence: port }
        case 'not-checked':
          return notChecked(id, fact.windowsToLinux.reason === 'constrained-language' ? 'constrained-language' : 'not-reported')
        case 'failed': {
          const listener = out.linuxListener
          if (listener === null) return notChecked(id, 'not-reported')
          if (listener.status === 'not-checked') return notChecked(id, 'missing-tool', 'python3')
          if (listener.status === 'fail') return notChecked(id, 'listener-failed', listener.via)
          return { id, outcome: 'fail', evidence: port }
        }
      }
      return notChecked(id, 'not-reported')
    }
    case 'mtu': {
      const routeIface = out.defaultRoute?.iface
      const shown = out.interfaces.filter((i) => i.mtu !== null && !LOOPBACK_INTERFACES.has(i.name) && (routeIface === undefined || i.name === routeIface))
      if (shown.length === 0) return notChecked(id, 'not-reported')
      return { id, outcome: 'info', evidence: shown.map((i) => `${i.name} ${i.mtu}`).join('; ') }
    }
  }
}

function fromAttempt(id: NetworkCheckId, attempt: Attempt | null, complete: boolean, target = ''): CheckResult {
  const prefix = target === '' ? '' : `${target} `
  if (attempt === null) return notChecked(id, 'not-reported', complete ? '' : 'output cut off')
  switch (attempt.status) {
    case 'ok':
      return { id, outcome: 'pass', evidence: `${prefix}${[attempt.detail, timing(attempt.ms), attempt.via].filter((s) => s !== '').join(' ')}`.trim() }
    case 'fail':
      return {
        id,
        outcome: 'fail',
        evidence: `${prefix}${[timing(attempt.ms), attempt.via, attempt.code === '' ? '' : `exit ${attempt.code}`].filter((s) => s !== '').join(' ')}`.trim(),
      }
    case 'not-checked':
      return notChecked(
        id,
        (attempt.reason.startsWith('no-') && attempt.reason.endsWith('-tool')) || attempt.reason === 'no-ping' ? 'missing-tool' : 'not-reported',
        attempt.reason,
      )
  }
}

function timing(ms: number | null): string {
  return ms === null ? '' : `${ms} ms`
}

function notChecked(id: NetworkCheckId, reason: NotCheckedReason, evidence = ''): CheckResult {
  return { id, outcome: 'not-checked', reason, evidence }
}

/** The `O=` part of an issuer as OpenSSL (`C = US, O = X, CN = Y`) or curl (`C=US; O=X; CN=Y`) prints it. */
export function issuerOrganisation(issuer: string): string | null {
  const match = /(?:^|[,;/]\s*)O\s*=\s*("[^"]*"|[^,;/]+)/.exec(issuer)
  if (match?.[1] === undefined) return null
  return match[1].trim().replace(/^"|"$/g, '')
}
