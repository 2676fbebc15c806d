import { replaceEmails } from './email-scan'
import { IPV4, IPV6_CANDIDATE, MAC, findUserNames, isIpv6, isKeptIpv4, isKeptIpv6 } from './redact-patterns'

/** The kinds of personal information a report hides. */
export type RedactionKind = 'user' | 'computer' | 'domain' | 'ip' | 'mac' | 'email'

/** How many different values of each kind were hidden: what the preview tells the user. */
export interface RedactionSummary {
  readonly users: number
  readonly computers: number
  /** Organisations' DNS namespaces (the NRPT's, docs/knowledge/host-network-probes.md#host-dns). */
  readonly domains: number
  readonly ips: number
  readonly macs: number
  readonly emails: number
}

/** One hidden value and what replaced it; shown to the user only, never put in a report. */
export interface Replacement {
  readonly kind: RedactionKind
  readonly original: string
  readonly token: string
}

export interface RedactOptions {
  /** Names the snapshot may not reveal as such (the computer name, a domain): hidden as `<computer>`. */
  readonly extraNames?: readonly string[]
}

/**
 * Hides personal values in texts with replacements that stay the same within one report
 * (`<user>`, `<ip-1>`, `<mac-1>`…), so a reader can still see that two lines name the same thing.
 * Learn every text first (user names are found in paths but hidden everywhere), then apply.
 */
export interface Redactor {
  readonly learn: (text: string) => void
  /** Hides this DNS name (an NRPT namespace) everywhere, and names below it, as `<domain-n>`. */
  readonly learnDomain: (name: string) => void
  /** Keeps this address-shaped value (a version number such as `2.1.5.0`). */
  readonly keep: (value: string) => void
  /**
   * `valid` writes addresses as documentation values of the same form (`192.0.2.1`,
   * `2001:db8::1`, `00:00:5E:00:53:01`) for text a parser reads (`.wslconfig`), so a redacted
   * `macAddress=` stays a valid setting; the same value gets the same number in both styles.
   */
  readonly apply: (text: string, style?: ReplacementStyle) => string
  readonly summary: () => RedactionSummary
  readonly replacements: () => readonly Replacement[]
}

/** `token`: `<ip-1>`, readable as redacted; `valid`: a reserved value of the same format. */
export type ReplacementStyle = 'token' | 'valid'

const BASE_TOKEN: Readonly<Record<RedactionKind, string>> = { user: 'user', computer: 'computer', domain: 'domain', ip: 'ip', mac: 'mac', email: 'email' }

/** Values hidden by name rather than by pattern. */
type NameKind = 'user' | 'computer' | 'domain'

/** A redactor for one report. Pure apart from its own memory of what it replaced. */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const tokens = new Map<string, Replacement>()
  const macKey = (m: string) => m.replace(/-/g, ':')
  const names = new Map<string, { kind: NameKind; original: string }>()
  const kept = new Set<string>()
  let namePattern: RegExp | null = null

  const numbers = new Map<string, number>()
  // Counted per kind as tokens are made: counting the map each time was quadratic in distinct values.
  const perKind = new Map<RedactionKind, number>()
  const tokenFor = (kind: RedactionKind, original: string, style: ReplacementStyle = 'token'): string => {
    const key = `${kind}:${original.toLowerCase()}`
    let existing = tokens.get(key)
    if (!existing) {
      const n = (perKind.get(kind) ?? 0) + 1
      perKind.set(kind, n)
      const named = kind === 'user' || kind === 'computer'
      existing = { kind, original, token: named && n === 1 ? `<${BASE_TOKEN[kind]}>` : `<${BASE_TOKEN[kind]}-${n}>` }
      tokens.set(key, existing)
      numbers.set(key, n)
    }
    return style === 'valid' ? (validStandIn(kind, original, numbers.get(key) ?? 1) ?? existing.token) : existing.token
  }

  const addName = (kind: NameKind, name: string) => {
    const key = name.toLowerCase()
    if (key.trim() === '' || names.has(key)) return
    names.set(key, { kind, original: name })
    namePattern = null
  }
  for (const name of options.extraNames ?? []) addName('computer', name.trim())

  const replaceNames = (text: string): string => {
    if (names.size === 0) return text
    namePattern ??= buildNamePattern([...names.values()].map((n) => n.original))
    return text.replace(namePattern, (match) => {
      const entry = names.get(match.toLowerCase())
      return entry ? tokenFor(entry.kind, entry.original) : match
    })
  }

  return {
    learn(text) {
      for (const name of findUserNames(text)) addName('user', name)
    },
    learnDomain(name) {
      // `.corp.contoso.com` (a suffix rule) and `corp.contoso.com` are one name; `.` (every name) names nothing.
      const domain = name.trim().replace(/^\.+|\.+$/g, '')
      if (domain !== '') addName('domain', domain)
    },
    keep(value) {
      kept.add(value)
    },
    apply(text, style = 'token') {
      let out = replaceEmails(text, (m) => tokenFor('email', m, style))
      out = replaceNames(out)
      out = out.replace(MAC, (m) => tokenFor('mac', macKey(m), style).replace(/:/g, m.includes('-') && style === 'valid' ? '-' : ':'))
      out = out.replace(IPV6_CANDIDATE, (m) => (isIpv6(m) && !isKeptIpv6(m) ? tokenFor('ip', m, style) : m))
      out = out.replace(IPV4, (m) => (isKeptIpv4(m) || kept.has(m) ? m : tokenFor('ip', m, style)))
      return out
    },
    summary() {
      const count = (kind: RedactionKind) => [...tokens.values()].filter((r) => r.kind === kind).length
      return { users: count('user'), computers: count('computer'), domains: count('domain'), ips: count('ip'), macs: count('mac'), emails: count('email') }
    },
    replacements() {
      return [...tokens.values()]
    },
  }
}

/**
 * Matches any known name, longest first. A name that starts or ends with a letter or digit must not
 * touch another one there (`lei` is not hidden inside `Leipzig`); CJK names have no such edge.
 * Nothing right after `<` matches, so a redacted text can be redacted again unchanged.
 */
function buildNamePattern(list: readonly string[]): RegExp {
  const sorted = [...list].sort((a, b) => b.length - a.length)
  const alternatives = sorted.map((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const before = /^[A-Za-z0-9]/.test(name) ? '(?<![<A-Za-z0-9])' : '(?<!<)'
    const after = /[A-Za-z0-9]$/.test(name) ? '(?![A-Za-z0-9])' : ''
    return `${before}${escaped}${after}`
  })
  return new RegExp(alternatives.join('|'), 'giu')
}

/** Reserved documentation values (RFC 5737, RFC 3849, RFC 7042) in the original's format. */
function validStandIn(kind: RedactionKind, original: string, n: number): string | null {
  const low = n % 256
  if (kind === 'mac') return `00:00:5E:00:53:${low.toString(16).toUpperCase().padStart(2, '0')}`
  if (kind === 'ip') return original.includes(':') ? `2001:db8::${n.toString(16)}` : `192.0.2.${low}`
  return null
}
