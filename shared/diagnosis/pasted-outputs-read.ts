import { vpnOfAdapter } from '../probes/known-products'
import { normalizeWslText } from '../wsl-output/text'
import type { DiagnosisMessageKey } from './messages/en'
import { pastedFirewallProfiles, type PastedFirewallProfiles } from './pasted-outputs-firewall'
import { isWslAdapter, pastedIpconfig, type PastedAdapter } from './pasted-outputs-ipconfig'
import { onlyLoopback, pastedLinuxInterfaces, type PastedLinuxInterface } from './pasted-outputs-ip-addr'
import { pastedScAndReg, type PastedRegistryValue, type PastedServiceRow } from './pasted-outputs-sc-reg'
import { pastedSystemInfo, type PastedSystemInfo } from './pasted-outputs-systeminfo'
import { pastedWinsockCatalog, type PastedWinsockEntry } from './pasted-outputs-winsock'
import { pastedWslStatus, type PastedWslStatus } from './pasted-outputs-wsl-status'

/**
 * Every command output read from one paste (issue 11 #3): the one entry point the evidence mapping
 * (evidence.ts) and the Welcome preview share. Bounded: only the first MAX_PASTE_CHARS characters
 * are read and lines longer than each parser's limit are skipped, so a huge or binary paste costs
 * little and yields nothing rather than an error.
 */
export const MAX_PASTE_CHARS = 256 * 1024

export interface PastedOutputs {
  readonly wslStatus: PastedWslStatus | null
  readonly adapters: readonly PastedAdapter[]
  readonly linuxInterfaces: readonly PastedLinuxInterface[] | null
  readonly systemInfo: PastedSystemInfo | null
  readonly services: readonly PastedServiceRow[]
  readonly registry: readonly PastedRegistryValue[]
  readonly winsock: readonly PastedWinsockEntry[] | null
  readonly firewall: PastedFirewallProfiles | null
}

const cache = new Map<string, PastedOutputs>()

export function readPastedOutputs(text: string): PastedOutputs {
  const cached = cache.get(text)
  if (cached !== undefined) return cached
  const lines = normalizeWslText(text.slice(0, MAX_PASTE_CHARS)).split('\n')
  const scReg = pastedScAndReg(lines)
  const outputs: PastedOutputs = {
    wslStatus: pastedWslStatus(lines),
    adapters: pastedIpconfig(lines),
    linuxInterfaces: pastedLinuxInterfaces(lines),
    systemInfo: pastedSystemInfo(lines),
    services: scReg.services,
    registry: scReg.registry,
    winsock: pastedWinsockCatalog(lines),
    firewall: pastedFirewallProfiles(lines),
  }
  // The preview re-reads the same text on every render; keep only the latest few.
  // A larger paste is not kept as a key (it would pin the whole text in memory).
  if (cache.size > 8) cache.clear()
  if (text.length <= MAX_PASTE_CHARS) cache.set(text, outputs)
  return outputs
}

/**
 * One recognised fact, shown back to the user as "You pasted …" (`pasted.<kind>` in the diagnosis
 * catalogs). Each names what it rests on; none is a conclusion.
 */
export type PastedOutputFact =
  | { readonly kind: 'wslDefaultVersion'; readonly version: number }
  | { readonly kind: 'wslDefaultDistro'; readonly distro: string }
  | { readonly kind: 'wslAdapter'; readonly name: string; readonly disconnected: boolean }
  | { readonly kind: 'vpnAdapter'; readonly name: string; readonly description: string; readonly products: string }
  | { readonly kind: 'dnsServers'; readonly servers: string }
  | { readonly kind: 'noIpv6Address'; readonly adapters: number }
  | { readonly kind: 'linuxInterfaces'; readonly interfaces: string }
  | { readonly kind: 'linuxOnlyLoopback'; readonly interfaces: string }
  | { readonly kind: 'osBuild'; readonly name: string; readonly build: string }
  | { readonly kind: 'hypervisorDetected' }
  | { readonly kind: 'hyperVRequirement'; readonly requirement: 'firmwareVirtualization' | 'slat' | 'vmMonitorMode'; readonly met: boolean }
  | { readonly kind: 'hotfixes'; readonly count: number; readonly list: string }
  | { readonly kind: 'service'; readonly name: string; readonly status: string; readonly startType: string }
  | { readonly kind: 'registryValue'; readonly key: string; readonly name: string; readonly value: string }
  | { readonly kind: 'winsockCatalog'; readonly count: number; readonly thirdParty: string }
  | { readonly kind: 'firewallProfiles'; readonly profiles: string; readonly noLocalRules: string; readonly blockAllInbound: string }
  | { readonly kind: 'firewallGroupPolicy'; readonly profiles: string; readonly noLocalRules: string }

/** Texts of recognised pasted outputs (`pasted.*` in shared/diagnosis/messages). */
export type PastedMessageKey = Extract<DiagnosisMessageKey, `pasted.${string}`>

const SHOWN_HOTFIXES = 12

export function pastedOutputFacts(outputs: PastedOutputs): PastedOutputFact[] {
  const facts: PastedOutputFact[] = []
  const status = outputs.wslStatus
  if (status?.defaultDistro != null) facts.push({ kind: 'wslDefaultDistro', distro: status.defaultDistro })
  if (status?.defaultVersion != null) facts.push({ kind: 'wslDefaultVersion', version: status.defaultVersion })
  for (const adapter of outputs.adapters) {
    if (isWslAdapter(adapter)) facts.push({ kind: 'wslAdapter', name: adapter.name, disconnected: adapter.mediaDisconnected })
    // The adapter signatures of the one VPN registry (known-products.ts), as for the scan's adapters.
    const vpn = adapter.description === null ? null : vpnOfAdapter(adapter.description)
    if (adapter.description !== null && vpn !== null) facts.push({ kind: 'vpnAdapter', name: adapter.name, description: adapter.description, products: vpn })
  }
  const dns = [...new Set(outputs.adapters.flatMap((a) => a.dnsServers))]
  if (dns.length > 0) facts.push({ kind: 'dnsServers', servers: dns.join(', ') })
  if (outputs.adapters.length > 0 && !outputs.adapters.some((a) => a.hasIpv6)) facts.push({ kind: 'noIpv6Address', adapters: outputs.adapters.length })
  const linux = outputs.linuxInterfaces
  if (linux !== null) {
    // The state only when it says down: loopback reports UNKNOWN, which would read as a doubt.
    const shown = linux.map((i) => [i.name, ...(i.state === 'down' ? ['down'] : []), ...i.ipv4].join(' ')).join('; ')
    facts.push(onlyLoopback(linux) ? { kind: 'linuxOnlyLoopback', interfaces: shown } : { kind: 'linuxInterfaces', interfaces: shown })
  }
  const info = outputs.systemInfo
  if (info?.build != null) facts.push({ kind: 'osBuild', name: info.osName ?? 'Windows', build: info.build })
  if (info?.hyperV?.kind === 'hypervisor-detected') facts.push({ kind: 'hypervisorDetected' })
  if (info?.hyperV?.kind === 'requirements') {
    const hv = info.hyperV
    for (const requirement of ['firmwareVirtualization', 'slat', 'vmMonitorMode'] as const) {
      const met = hv[requirement]
      if (met !== null) facts.push({ kind: 'hyperVRequirement', requirement, met })
    }
  }
  if (info !== null && info.hotfixes.length > 0) {
    const list = info.hotfixes.slice(0, SHOWN_HOTFIXES).join(', ') + (info.hotfixes.length > SHOWN_HOTFIXES ? ', …' : '')
    facts.push({ kind: 'hotfixes', count: info.hotfixes.length, list })
  }
  for (const row of outputs.services) facts.push({ kind: 'service', name: row.name, status: row.status ?? '—', startType: row.startType ?? '—' })
  for (const value of outputs.registry) facts.push({ kind: 'registryValue', key: value.key, name: value.name, value: `0x${value.value.toString(16)}` })
  if (outputs.winsock !== null) {
    const third = thirdPartyProviders(outputs.winsock)
    facts.push({ kind: 'winsockCatalog', count: outputs.winsock.length, thirdParty: third.length === 0 ? '—' : third.join(', ') })
  }
  const firewall = outputs.firewall
  const names = (list: readonly { name: string }[]) => (list.length === 0 ? '—' : list.map((p) => p.name).join(', '))
  if (firewall !== null && firewall.enforced.length > 0) {
    facts.push({
      kind: 'firewallProfiles',
      profiles: names(firewall.enforced),
      noLocalRules: names(firewall.enforced.filter((p) => p.allowLocalFirewallRules === false)),
      blockAllInbound: names(firewall.enforced.filter((p) => p.allowInboundRules === false)),
    })
  }
  if (firewall?.groupPolicy != null) {
    facts.push({
      kind: 'firewallGroupPolicy',
      profiles: names(firewall.groupPolicy),
      noLocalRules: names(firewall.groupPolicy.filter((p) => p.allowLocalFirewallRules === false)),
    })
  }
  return facts
}

/** Same test as the LSP rule (docs/knowledge/host-causes.md#winsock-lsp): layered, or outside System32/SysWOW64. */
const SYSTEM_DIR = /^(%SystemRoot%|%windir%|[A-Z]:\\Windows)\\(System32|SysWOW64)\\/i
function thirdPartyProviders(entries: readonly PastedWinsockEntry[]): string[] {
  return [...new Set(entries.filter((e) => (e.chainLength !== null && e.chainLength !== 1) || !SYSTEM_DIR.test(e.providerPath)).map((e) => e.providerPath))]
}

/** systeminfo's own labels for the requirements (English: the only language read for them). */
const REQUIREMENT_LABELS: Readonly<Record<'firmwareVirtualization' | 'slat' | 'vmMonitorMode', string>> = {
  firmwareVirtualization: 'Virtualization Enabled In Firmware',
  slat: 'Second Level Address Translation',
  vmMonitorMode: 'VM Monitor Mode Extensions',
}

/** The catalog key and arguments of one fact (exhaustive: a new kind needs its text). */
export function pastedOutputMessage(fact: PastedOutputFact): { readonly key: PastedMessageKey; readonly args: Readonly<Record<string, string | number>> } {
  switch (fact.kind) {
    case 'wslDefaultVersion':
      return { key: 'pasted.wslDefaultVersion', args: { version: fact.version } }
    case 'wslDefaultDistro':
      return { key: 'pasted.wslDefaultDistro', args: { distro: fact.distro } }
    case 'wslAdapter':
      return { key: fact.disconnected ? 'pasted.wslAdapterDisconnected' : 'pasted.wslAdapter', args: { name: fact.name } }
    case 'vpnAdapter':
      return { key: 'pasted.vpnAdapter', args: { name: fact.name, description: fact.description, products: fact.products } }
    case 'dnsServers':
      return { key: 'pasted.dnsServers', args: { servers: fact.servers } }
    case 'noIpv6Address':
      return { key: 'pasted.noIpv6Address', args: { adapters: fact.adapters } }
    case 'linuxInterfaces':
      return { key: 'pasted.linuxInterfaces', args: { interfaces: fact.interfaces } }
    case 'linuxOnlyLoopback':
      return { key: 'pasted.linuxOnlyLoopback', args: { interfaces: fact.interfaces } }
    case 'osBuild':
      return { key: 'pasted.osBuild', args: { name: fact.name, build: fact.build } }
    case 'hypervisorDetected':
      return { key: 'pasted.hypervisorDetected', args: {} }
    case 'hyperVRequirement':
      return { key: fact.met ? 'pasted.hyperVRequirementMet' : 'pasted.hyperVRequirementNotMet', args: { requirement: REQUIREMENT_LABELS[fact.requirement] } }
    case 'hotfixes':
      return { key: 'pasted.hotfixes', args: { count: fact.count, list: fact.list } }
    case 'service':
      return { key: 'pasted.service', args: { name: fact.name, status: fact.status, startType: fact.startType } }
    case 'registryValue':
      return { key: 'pasted.registryValue', args: { key: fact.key, name: fact.name, value: fact.value } }
    case 'winsockCatalog':
      return { key: 'pasted.winsockCatalog', args: { count: fact.count, thirdParty: fact.thirdParty } }
    case 'firewallProfiles':
      return { key: 'pasted.firewallProfiles', args: { profiles: fact.profiles, noLocalRules: fact.noLocalRules, blockAllInbound: fact.blockAllInbound } }
    case 'firewallGroupPolicy':
      return { key: 'pasted.firewallGroupPolicy', args: { profiles: fact.profiles, noLocalRules: fact.noLocalRules } }
  }
}
