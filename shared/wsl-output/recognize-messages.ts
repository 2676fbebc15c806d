import type { WslLanguage } from '../wsl-messages/messages'
import type { MessageOrigin } from './legacy-messages'
import { messageCatalog, wslLanguages, type CatalogEntry, type RecognizedMessageId } from './message-catalog'
import { blankLongLines, lineAt, lineStarts, normalizeWslText } from './text'

export type { MessageOrigin } from './legacy-messages'
export type { RecognizedMessageId } from './message-catalog'

/** One WSL message found in wsl.exe output: which message, in which language, with which values. */
export interface RecognizedMessage {
  readonly id: RecognizedMessageId
  /** The language whose template matched (legacy English texts: `en-US`). */
  readonly language: WslLanguage
  /** The `{}` values in WSL's call order, trimmed; `''` where the output did not show one. */
  readonly args: readonly string[]
  /** 1-based line where the message starts, and where it ends (multi-line templates). */
  readonly line: number
  readonly endLine: number
  /** The matched lines as printed (`wsl: ` included), joined with `\n`, trimmed; a nested message: the argument text. */
  readonly text: string
  /** Printed with the `wsl: ` prefix WSL puts before warnings and errors. */
  readonly prefixed: boolean
  readonly origin: MessageOrigin
  /** The message recognised inside this one: the reason of MessageMirroredNetworkingNotSupportedReason, the error text of MessageErrorCode. */
  readonly inner?: RecognizedMessage
  /** Set on a message that is also some other message's `inner`: the id of that message. */
  readonly within?: RecognizedMessageId
}

/** Tuning for `recognizeWslMessages`. */
export interface RecognizeOptions {
  /** Language to report when several languages share the same template (the user's WSL language). */
  readonly preferLanguage?: WslLanguage
}

interface Candidate {
  readonly entry: CatalogEntry
  readonly args: readonly string[]
  readonly line: number
  readonly endLine: number
  readonly text: string
  readonly prefixed: boolean
}

/** Longer lines are skipped: WSL's longest (two paths and two keys) stays far below. */
const MAX_LINE = 1000

/** Messages whose argument `{index}` is itself a WSL message. */
const nestedArg: Partial<Record<RecognizedMessageId, number>> = {
  MessageMirroredNetworkingNotSupportedReason: 0,
  MessageErrorCode: 0,
}

/**
 * Finds WSL's own messages in raw wsl.exe output, in any of WSL's 22 languages, plus older English
 * texts and the Windows error texts seen in networking failures (docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/wslconfig.md, docs/knowledge/error-codes.md#anatomy-of-a-wsl-error).
 *
 * WSL prints localized sentences whose wording changed between versions, so each template is matched
 * tolerantly (message-pattern.ts) and only on whole lines. When several templates match the same
 * lines, the one with the most literal text wins, then the preferred language, then the language
 * most other messages in the output were recognised in, then en-US.
 *
 * Nesting: a message inside another one's `{}` (the reason of
 * MessageMirroredNetworkingNotSupportedReason; the error text above `Error code:` in
 * MessageErrorCode) is returned twice over: as `inner` of the outer message and as its own entry
 * (with `within`), so `messages.some((m) => m.id === …)` finds it either way. A multi-line message
 * directly above `Error code:` becomes that error's `inner` too. The result is in line order,
 * an outer message before its inner one.
 */
export function recognizeWslMessages(text: string, options: RecognizeOptions = {}): RecognizedMessage[] {
  const doc = blankLongLines(normalizeWslText(text), MAX_LINE)
  const starts = lineStarts(doc)
  const candidates = findCandidates(doc, starts)
  const rank = languageRank(options.preferLanguage ?? dominantLanguage(candidates))
  const chosen = dropContained(bestPerSpan(candidates, rank))
  return assemble(chosen, rank)
}

function findCandidates(doc: string, starts: readonly number[]): Candidate[] {
  const lower = doc.toLowerCase()
  const found: Candidate[] = []
  for (const entry of messageCatalog()) {
    if (entry.pattern.anchor && !lower.includes(entry.pattern.anchor)) continue
    for (const match of doc.matchAll(entry.lineRegex)) {
      const start = match.index
      const end = start + match[0].length
      found.push({
        entry,
        args: collectArgs(entry, match, 2),
        line: lineAt(starts, start),
        endLine: lineAt(starts, Math.max(start, end - 1)),
        text: match[0].trim(),
        prefixed: match[1] !== undefined,
      })
    }
  }
  return found
}

function collectArgs(entry: CatalogEntry, match: RegExpMatchArray | RegExpExecArray, firstGroup: number): string[] {
  const order = entry.pattern.argOrder
  const args: string[] = Array.from({ length: order.length === 0 ? 0 : Math.max(...order) + 1 }, () => '')
  order.forEach((argIndex, i) => {
    args[argIndex] = (match[firstGroup + i] ?? '').trim()
  })
  return args
}

type Rank = (language: WslLanguage) => number

function languageRank(preferred: WslLanguage | null): Rank {
  return (language) => {
    if (language === preferred) return 0
    if (language === 'en-US') return 1
    return 2 + wslLanguages.indexOf(language)
  }
}

const originRank: Readonly<Record<MessageOrigin, number>> = { resources: 0, legacy: 1, windows: 2 }

function compare(a: CatalogEntry, b: CatalogEntry, rank: Rank): number {
  return (
    b.pattern.score - a.pattern.score ||
    Number(b.strict) - Number(a.strict) ||
    Number(a.tailOnly) - Number(b.tailOnly) ||
    originRank[a.origin] - originRank[b.origin] ||
    rank(a.language) - rank(b.language) ||
    a.order - b.order
  )
}

/** The language of the output: the most frequent among spans only one language explains. */
function dominantLanguage(candidates: readonly Candidate[]): WslLanguage | null {
  const votes = new Map<WslLanguage, number>()
  for (const group of groupBySpan(candidates).values()) {
    const top = Math.max(...group.map((c) => c.entry.pattern.score))
    const languages = new Set(group.filter((c) => c.entry.pattern.score === top).map((c) => c.entry.language))
    const [only] = languages
    if (languages.size === 1 && only !== undefined) votes.set(only, (votes.get(only) ?? 0) + 1)
  }
  let best: WslLanguage | null = null
  for (const [language, count] of [...votes].sort(([a], [b]) => a.localeCompare(b))) {
    if (best === null || count > (votes.get(best) ?? 0)) best = language
  }
  return best
}

function groupBySpan(candidates: readonly Candidate[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>()
  for (const candidate of candidates) {
    const key = `${candidate.line}:${candidate.endLine}`
    groups.set(key, [...(groups.get(key) ?? []), candidate])
  }
  return groups
}

function bestPerSpan(candidates: readonly Candidate[], rank: Rank): Candidate[] {
  return [...groupBySpan(candidates).values()].map((group) => group.reduce((a, b) => (compare(a.entry, b.entry, rank) <= 0 ? a : b)))
}

/** Drops a match lying inside a longer match of the same message (`Error code:` alone vs with its text). */
function dropContained(candidates: readonly Candidate[]): Candidate[] {
  return candidates.filter(
    (c) => !candidates.some((other) => other !== c && other.entry.id === c.entry.id && other.line <= c.line && c.endLine <= other.endLine),
  )
}

function recognizeInner(text: string, line: number, rank: Rank): Candidate | null {
  const lower = text.toLowerCase()
  let best: Candidate | null = null
  for (const entry of messageCatalog()) {
    if (entry.innerRegex === null || entry.tailOnly) continue
    if (entry.pattern.anchor && !lower.includes(entry.pattern.anchor)) continue
    const match = entry.innerRegex.exec(text)
    if (match === null) continue
    if (best === null || compare(entry, best.entry, rank) < 0) {
      best = { entry, args: collectArgs(entry, match, 1), line, endLine: line, text: text.trim(), prefixed: false }
    }
  }
  return best
}

function assemble(chosen: readonly Candidate[], outerRank: Rank): RecognizedMessage[] {
  const sorted = [...chosen].sort((a, b) => a.line - b.line || b.endLine - a.endLine || a.entry.order - b.entry.order)
  const innerOf = new Map<Candidate, Candidate>()
  for (const outer of sorted) {
    const argIndex = nestedArg[outer.entry.id]
    if (argIndex === undefined) continue
    const arg = outer.args[argIndex] ?? ''
    const language = outer.entry.language
    const rank: Rank = (l) => (l === language ? -1 : outerRank(l))
    const inline = arg === '' ? null : recognizeInner(arg, outer.line, rank)
    const above = outer.entry.id === 'MessageErrorCode' ? sorted.find((c) => c.endLine === outer.line && c.line < outer.line) : undefined
    const inner = inline ?? above
    if (inner) innerOf.set(outer, inner)
  }
  const outerOf = new Map([...innerOf].map(([outer, inner]) => [inner, outer]))
  const inline = [...innerOf.values()].filter((inner) => !sorted.includes(inner))
  const restated = (c: Candidate): boolean => inline.some((n) => n.entry.id === c.entry.id && n.line === c.line && n.endLine === c.endLine)
  const built = new Map<Candidate, RecognizedMessage>()
  const build = (c: Candidate): RecognizedMessage => {
    const existing = built.get(c)
    if (existing) return existing
    const inner = innerOf.get(c)
    const within = outerOf.get(c)?.entry.id
    const message: RecognizedMessage = {
      id: c.entry.id,
      language: c.entry.language,
      args: c.args,
      line: c.line,
      endLine: c.endLine,
      text: c.text,
      prefixed: c.prefixed,
      origin: c.entry.origin,
      ...(inner ? { inner: build(inner) } : {}),
      ...(within ? { within } : {}),
    }
    built.set(c, message)
    return message
  }
  const result: RecognizedMessage[] = []
  for (const c of sorted.filter((c) => !restated(c))) {
    result.push(build(c))
    const inner = innerOf.get(c)
    if (inner && !sorted.includes(inner)) result.push(build(inner))
  }
  return result
}
