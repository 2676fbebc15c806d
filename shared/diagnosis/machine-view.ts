import type { AnyFactEntry, MachineSnapshot, UnknownReason } from '../machine/snapshot'
import { decodeNativeOutput, wslUtf8For, type NativeProducer } from '../probes/decode-native-output'
import { wslPrintedText } from '../probes/wsl-printed'
import type { FactOf } from '../probes/facts'
import type { ProbeId } from '../probes/probe-ids'
import { decodeBase64 } from '../util/base64'
import { decodeWslConfig, type WslConfigEncoding } from '../wslconfig/decode'
import { wslConfigHints, type WslConfigHint } from '../wslconfig/hints'
import { parseWslConfig } from '../wslconfig/parse'
import type { WslConfigParse } from '../wslconfig/types'
import { findErrorCodes, type ErrorCodeRef } from '../wsl-output/error-codes'
import { parseWslList } from '../wsl-output/parse-wsl-list'
import { parseNetworkingMode } from '../wsl-output/parse-networking-mode'
import { parseWslVersionOutput } from '../wsl-output/parse-wsl-version'
import { recognizeWslMessages, type RecognizedMessage } from '../wsl-output/recognize-messages'
import { readPastedFacts, type PastedFacts } from './pasted-facts'
import { readNetworkCheck, type NetworkCheckReading } from '../probes/network-check/network-check-results'

/**
 * A fact as the rules see it: its data, or why it is not known (`not-run`: the probe never ran;
 * `pending`: it is still running, so whatever rests on it is not final yet).
 */
export type Known<T> = { readonly known: true; readonly value: T } | { readonly known: false; readonly reason: UnknownReason | 'not-run' | 'pending' }

function knownFact<P extends ProbeId>(entry: AnyFactEntry | undefined, pending: boolean): Known<FactOf<P>> {
  if (entry === undefined) return { known: false, reason: pending ? 'pending' : 'not-run' }
  if (entry.status === 'unknown') return { known: false, reason: entry.reason }
  return { known: true, value: entry.data as FactOf<P> }
}

export interface WindowsView {
  readonly build: number
  readonly ubr: number | null
  /** `10.0.22000.2836`, as winver shows it. */
  readonly version: string
  readonly displayVersion: string | null
  readonly edition: string | null
  /** Home editions (`Core*`) have no Hyper-V role (docs/knowledge/probes.md#virtualization). */
  readonly isHome: boolean
  /** Null when InstallationType was not read (pasted evidence): build 26100 is client and server. */
  readonly isServer: boolean | null
  readonly uiCulture: string | null
}

export interface WslView {
  readonly kind: 'store' | 'inbox' | 'absent'
  /** Package version (`2.1.5.0`) from the registry or `wsl --version`; null for inbox WSL. */
  readonly version: string | null
  readonly kernelVersion: string | null
  readonly distros: readonly { readonly name: string; readonly state: string; readonly version: number; readonly isDefault: boolean }[] | null
}

export interface ConfigView {
  readonly exists: boolean
  readonly path: string | null
  readonly encoding: WslConfigEncoding | null
  /** The file's bytes as read (null when absent or too large) and its text with its own line ends. */
  readonly bytes: Uint8Array | null
  readonly rawText: string
  readonly parse: WslConfigParse
  readonly hints: readonly WslConfigHint[]
  /** The first lines of the file with a key WSL reads (for evidence), keyed by canonical name. */
  readonly lookalikeFiles: readonly string[]
  readonly policy: Readonly<Record<string, number | string>> | null
}

/** What WSL printed (on start in a scan, or pasted by the user), recognised in any language. */
export interface WslOutputView {
  readonly source: 'scan' | 'pasted'
  readonly text: string
  readonly lines: readonly string[]
  readonly messages: readonly RecognizedMessage[]
  readonly errorCodes: readonly ErrorCodeRef[]
  /** Null when unknown (pasted text, or WSL did not start). */
  readonly exitCode: number | null
  /** `wslinfo --networking-mode` after the start, when it ran. */
  readonly effectiveMode: ReturnType<typeof parseNetworkingMode>
  /** The VM was already running, so startup warnings could not appear (docs/knowledge/probes.md#wsl-startup). */
  readonly vmWasRunning: boolean | null
}

/**
 * The snapshot, decoded and normalised once, so each rule reads plain values: bytes decoded, WSL
 * output recognised in any of its 22 languages, `.wslconfig` parsed exactly as WSL parses it.
 * Every part keeps "unknown" distinct from "absent".
 */
export interface MachineView {
  readonly windows: Known<WindowsView>
  readonly wsl: Known<WslView>
  readonly config: Known<ConfigView | null>
  readonly services: Known<FactOf<'services'>['services']>
  /** Who sets service start types by Group Policy; null in snapshots taken before it was read. */
  readonly servicePolicy: Known<NonNullable<FactOf<'services'>['startPolicy']> | null>
  readonly readiness: Known<FactOf<'mirrored-readiness'>>
  readonly virtualization: Known<FactOf<'virtualization'>>
  readonly events: Known<FactOf<'events'>>
  readonly adapters: Known<FactOf<'network-adapters'>>
  readonly proxy: Known<FactOf<'proxy-settings'>>
  readonly winsock: Known<FactOf<'winsock-catalog'>>
  readonly installedProducts: Known<FactOf<'installed-products'>>
  readonly firewall: Known<FactOf<'firewall-profiles'>>
  readonly hypervFirewall: Known<FactOf<'hyperv-firewall'>>
  readonly hostNetworking: Known<FactOf<'host-networking'>>
  readonly hostDns: Known<FactOf<'host-dns'>>
  readonly output: Known<WslOutputView>
  /** The networking check run inside the distro (only with consent), decoded and read. */
  readonly networkCheck: Known<NetworkCheckReading>
  /** Text of every recent event message, recognised like WSL output (codes in HNS/VMMS events). */
  readonly eventCodes: readonly ErrorCodeRef[]
  /** What the user's own words say (pasted text only; empty for a scan). Shown as "You said …". */
  readonly pastedFacts: PastedFacts
}

/** `pending`: probes of a scan still running (their facts are absent from `snapshot` so far). */
export function buildMachineView(snapshot: MachineSnapshot, pastedOutput?: string, pending: ReadonlySet<ProbeId> = new Set()): MachineView {
  const facts = snapshot.facts
  const known = <P extends ProbeId>(id: P) => knownFact<P>(facts[id], pending.has(id))
  const events = known('events')
  const install = known('wsl-install')
  // Every wsl.exe output is read by what that wsl.exe writes (UTF-16LE unless WSL_UTF8 is honoured).
  const wslExe: NativeProducer = { kind: 'wsl-exe', wslUtf8: wslUtf8For(install.known ? install.value : null) }
  return {
    windows: mapKnown(known('windows-version'), windowsView),
    wsl: mapKnown(install, (fact) => wslView(fact, wslExe)),
    config: mapKnown(known('wslconfig-file'), configView),
    services: mapKnown(known('services'), (f) => f.services),
    servicePolicy: mapKnown(known('services'), (f) => f.startPolicy ?? null),
    readiness: known('mirrored-readiness'),
    virtualization: known('virtualization'),
    events,
    adapters: known('network-adapters'),
    proxy: known('proxy-settings'),
    winsock: known('winsock-catalog'),
    installedProducts: known('installed-products'),
    firewall: known('firewall-profiles'),
    hypervFirewall: known('hyperv-firewall'),
    hostNetworking: known('host-networking'),
    hostDns: known('host-dns'),
    output:
      pastedOutput !== undefined && pastedOutput.trim() !== ''
        ? { known: true, value: outputView(pastedOutput, 'pasted', null, null, null) }
        : mapKnown(known('wsl-startup'), (fact) => startupView(fact, wslExe)),
    networkCheck: mapKnown(known('wsl-network-check'), readNetworkCheck),
    eventCodes: events.known ? events.value.logs.flatMap((log) => log.events.flatMap((e) => findErrorCodes(e.message))) : [],
    pastedFacts: readPastedFacts(pastedOutput ?? ''),
  }
}

export function mapKnown<T, U>(value: Known<T>, map: (value: T) => U): Known<U> {
  return value.known ? { known: true, value: map(value.value) } : value
}

function windowsView(fact: FactOf<'windows-version'>): WindowsView {
  const build = Number.parseInt(fact.currentBuild, 10)
  return {
    build,
    ubr: fact.ubr,
    version: fact.ubr === null ? `10.0.${build}` : `10.0.${build}.${fact.ubr}`,
    displayVersion: fact.displayVersion,
    edition: fact.editionId,
    isHome: fact.editionId?.startsWith('Core') ?? false,
    isServer: fact.installationType === null ? null : fact.installationType !== 'Client',
    uiCulture: fact.uiCulture,
  }
}

function wslView(fact: FactOf<'wsl-install'>, wslExe: NativeProducer): WslView {
  const versionText = fact.versionOutput ? decodeNativeOutput(fact.versionOutput.stdoutBase64, wslExe) : null
  const parsedVersion = versionText && fact.versionOutput?.exitCode === 0 ? parseWslVersionOutput(versionText) : null
  const version = fact.msiVersion ?? fact.appxVersion ?? parsedVersion?.wslVersion ?? null
  const listText = fact.listOutput ? decodeNativeOutput(fact.listOutput.stdoutBase64, wslExe) : null
  const list = listText ? parseWslList(listText) : null
  return {
    kind: !fact.wslExePresent ? 'absent' : version ? 'store' : 'inbox',
    version,
    kernelVersion: parsedVersion?.kernelVersion ?? null,
    distros: list ? list.distros : null,
  }
}

function configView(fact: FactOf<'wslconfig-file'>): ConfigView | null {
  const bytes = fact.exists && fact.contentBase64 !== null ? decodeBase64(fact.contentBase64) : null
  const empty: WslConfigParse = { values: {}, warnings: [] }
  const decoded = bytes ? decodeWslConfig(bytes) : null
  return {
    exists: fact.exists,
    path: fact.path,
    encoding: decoded?.encoding ?? null,
    bytes,
    rawText: decoded?.rawText ?? '',
    parse: bytes ? parseWslConfig(bytes) : empty,
    hints: bytes ? wslConfigHints(bytes) : [],
    lookalikeFiles: fact.lookalikeFiles,
    policy: fact.policy,
  }
}

function startupView(fact: FactOf<'wsl-startup'>, wslExe: NativeProducer): WslOutputView {
  const text = wslPrintedText(fact.startOutput, wslExe)
  // wslinfo is a Linux program: its answer is UTF-8 whatever WSL_UTF8 says (docs/knowledge/probes.md#wsl-startup).
  const modeText = fact.networkingModeOutput ? decodeNativeOutput(fact.networkingModeOutput.stdoutBase64, { kind: 'linux-command' }) : null
  const listText = decodeNativeOutput(fact.listBeforeStart.stdoutBase64, wslExe)
  const list = listText ? parseWslList(listText) : null
  const wasRunning = list ? list.distros.some((d) => d.state === 'Running' && d.version === 2) : null
  return outputView(text, 'scan', fact.startOutput.exitCode, modeText ? parseNetworkingMode(modeText) : null, wasRunning)
}

function outputView(
  text: string,
  source: 'scan' | 'pasted',
  exitCode: number | null,
  effectiveMode: WslOutputView['effectiveMode'],
  vmWasRunning: boolean | null,
): WslOutputView {
  return {
    source,
    text,
    lines: text.split(/\r?\n/).filter((line) => line.trim() !== ''),
    messages: recognizeWslMessages(text),
    errorCodes: findErrorCodes(text),
    exitCode,
    effectiveMode,
    vmWasRunning,
  }
}
