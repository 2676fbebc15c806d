import { MachineSnapshot } from '../machine/snapshot'
import { decodeNativeOutput, wslUtf8For, type NativeProducer } from '../probes/decode-native-output'
import { blobTexts, redactBlob, redactWinHttpBlob } from './redact-bytes'
import { IPV4 } from './redact-patterns'
import { keepKnownProgramsOnly, programVersions } from './redact-programs'
import { createRedactor, type RedactOptions, type RedactionSummary, type Redactor, type Replacement } from './redactor'

export type { RedactOptions, RedactionSummary, Replacement } from './redactor'

/** A redacted snapshot (or text), what was hidden, and the redactor to hide more text the same way. */
export interface Redacted<T> {
  readonly value: T
  readonly summary: RedactionSummary
  readonly replacements: readonly Replacement[]
  readonly redactor: Redactor
}

/** Fields that hold no personal data and must stay exact (versions, times). */
const EXACT_KEYS: ReadonlySet<string> = new Set([
  'schemaVersion',
  'appVersion',
  'takenAt',
  'msiVersion',
  'appxVersion',
  'currentBuild',
  'displayVersion',
  'timeCreated',
  'lastWriteTimeUtc',
])

/** `NativeOutput` fields: in a snapshot these only hold what wsl.exe runs printed (wsl-install, wsl-startup). */
const NATIVE_OUTPUT_KEYS: ReadonlySet<string> = new Set(['stdoutBase64', 'stderrBase64'])

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json }

/**
 * A copy of the snapshot with user names, computer names, NRPT namespaces, IP and MAC addresses and e-mail
 * addresses hidden in every string field, and only the known products kept of the installed
 * programs list (redact-programs.ts), including the text inside base64 fields (wsl.exe output,
 * `.wslconfig` bytes, the WinHTTP proxy value), which keep their encoding (UTF-16LE stays
 * UTF-16LE). `pasted` (WSL output the user pasted) is hidden with the same replacements, so the
 * report and the snapshot say `<ip-1>` for the same address. The result still parses as a
 * `MachineSnapshot` and gives the same findings: the rules read codes, versions and settings.
 */
export function redactSnapshot(
  whole: MachineSnapshot,
  options: RedactOptions & { readonly pasted?: string } = {},
): Redacted<MachineSnapshot> & { readonly pasted: string } {
  const snapshot = keepKnownProgramsOnly(whole)
  const redactor = createRedactor(options)
  const json = snapshot as unknown as Json
  // Read each blob as the app reads it, or a user name in UTF-16LE wsl.exe output could stay hidden from redaction.
  const install = snapshot.facts['wsl-install']
  const wslExe: NativeProducer = { kind: 'wsl-exe', wslUtf8: wslUtf8For(install?.status === 'known' ? install.data : null) }
  const producerOf = (key: string): NativeProducer => (NATIVE_OUTPUT_KEYS.has(key) ? wslExe : { kind: 'unknown' })
  walk(json, '', (text, key) => {
    if (key.endsWith('Base64')) blobTexts(text, key === 'winHttpSettingsBase64', producerOf(key)).forEach(redactor.learn)
    else redactor.learn(text)
  })
  if (options.pasted) redactor.learn(options.pasted)
  for (const domain of [...nrptNamespaces(snapshot), ...joinedDomainName(snapshot)]) redactor.learnDomain(domain)
  for (const version of [...versionNumbers(snapshot), ...programVersions(snapshot)]) redactor.keep(version)
  const value = mapStrings(json, '', (text, key) => {
    if (EXACT_KEYS.has(key)) return text
    if (key === 'winHttpSettingsBase64') return redactWinHttpBlob(text, redactor.apply)
    // WSL parses `.wslconfig`: addresses there get stand-ins it still accepts (`macAddress=`).
    if (key === 'contentBase64') return redactBlob(text, (t) => redactor.apply(t, 'valid'))
    if (key.endsWith('Base64')) return redactBlob(text, redactor.apply, producerOf(key))
    return redactor.apply(text)
  })
  const parsed = MachineSnapshot.safeParse(value)
  // Redaction only swaps strings for strings of the same kind; failing here is a bug, not input.
  if (!parsed.success) throw new Error(`redacted snapshot no longer parses: ${parsed.error.message}`)
  const pasted = options.pasted ? redactor.apply(options.pasted) : ''
  return { value: parsed.data, pasted, summary: redactor.summary(), replacements: redactor.replacements(), redactor }
}

/** Free text (pasted output, a log line) with the same rules, for text that comes without a snapshot. */
export function redactText(text: string, options: RedactOptions = {}): Redacted<string> {
  const redactor = createRedactor(options)
  redactor.learn(text)
  const value = redactor.apply(text)
  return { value, summary: redactor.summary(), replacements: redactor.replacements(), redactor }
}

/** True when nothing was hidden. */
export function isEmptySummary(summary: RedactionSummary): boolean {
  return Object.values(summary).every((n) => n === 0)
}

/**
 * The NRPT's namespaces (`host-dns`): an organisation's internal DNS names, hidden everywhere they
 * appear (the NRPT itself, `resolv.conf` search lines, event messages). Its servers, the DNS
 * servers and the routes' next hops are addresses, hidden like every other address.
 */
function nrptNamespaces(snapshot: MachineSnapshot): string[] {
  const dns = snapshot.facts['host-dns']
  if (dns?.status !== 'known' || !dns.data.nrpt.available) return []
  return dns.data.nrpt.rules.flatMap((r) => r.namespaces)
}

/** The Active Directory domain the PC is joined to: a company's name, like an NRPT namespace. */
function joinedDomainName(snapshot: MachineSnapshot): string[] {
  const virtualization = snapshot.facts.virtualization
  const name = virtualization?.status === 'known' ? virtualization.data.domain?.name : null
  return name ? [name] : []
}

/** Address-shaped version numbers (`2.1.5.0`, kernel `5.15.146.1`) that must not read as IPs. */
function versionNumbers(snapshot: MachineSnapshot): string[] {
  const install = snapshot.facts['wsl-install']
  if (install?.status !== 'known') return []
  const { msiVersion, appxVersion, versionOutput } = install.data
  const text = versionOutput ? (decodeNativeOutput(versionOutput.stdoutBase64, { kind: 'wsl-exe', wslUtf8: wslUtf8For(install.data) }) ?? '') : ''
  return [msiVersion, appxVersion, ...[...text.matchAll(IPV4)].map((m) => m[0])].filter((v): v is string => v !== null)
}

function walk(value: Json, key: string, visit: (text: string, key: string) => void): void {
  if (typeof value === 'string') visit(value, key)
  else if (Array.isArray(value)) value.forEach((item: Json) => walk(item, key, visit))
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k, visit)
}

function mapStrings(value: Json, key: string, map: (text: string, key: string) => string): Json {
  if (typeof value === 'string') return map(value, key)
  if (Array.isArray(value)) return value.map((item: Json) => mapStrings(item, key, map))
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, k, map)]))
  return value
}
