import data from '../wsl-messages/wsl-messages.json'
import type { WslLanguage, WslMessageId } from '../wsl-messages/messages'
import { extraTemplates, type LegacyMessageId, type MessageOrigin } from './legacy-messages'
import { messageArgKinds } from './message-args'
import { compileTemplate, SPACE, type MessagePattern } from './message-pattern'

/** Every message id the recognizer can report. */
export type RecognizedMessageId = WslMessageId | LegacyMessageId

/** One compiled (message, language, variant) of the catalog. */
export interface CatalogEntry {
  readonly id: RecognizedMessageId
  readonly language: WslLanguage
  readonly origin: MessageOrigin
  /** Numeric arguments enforced (`false`: a fallback where every `{}` is free text). */
  readonly strict: boolean
  /** Only the last line of a template whose first line is a bare `{}` (MessageErrorCode at the top of the output). */
  readonly tailOnly: boolean
  readonly pattern: MessagePattern
  /** Matches whole lines of a document, optional `wsl: ` prefix: capture 1 is the prefix, then the arguments. */
  readonly lineRegex: RegExp
  /** Matches one whole argument string (single-line templates only), for messages nested in another's `{}`. */
  readonly innerRegex: RegExp | null
  /** Stable position in the catalog, the last tie-breaker. */
  readonly order: number
}

/** WSL's 22 languages, sorted (wsl-messages.json). */
export const wslLanguages: readonly WslLanguage[] = (Object.keys(data.messages.MessageConfigUnknownKey) as WslLanguage[]).sort()

/** Every message id of wsl-messages.json, sorted. */
export const wslMessageIds: readonly WslMessageId[] = (Object.keys(data.messages) as WslMessageId[]).sort()

const templates: Readonly<Record<string, Readonly<Record<string, string>>>> = data.messages

let catalog: readonly CatalogEntry[] | undefined

/**
 * All templates compiled once, on first use: every message of wsl-messages.json in every language,
 * plus the legacy and Windows texts (legacy-messages.ts).
 */
export function messageCatalog(): readonly CatalogEntry[] {
  catalog ??= buildCatalog()
  return catalog
}

function buildCatalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = []
  const add = (id: RecognizedMessageId, language: WslLanguage, template: string, origin: MessageOrigin): void => {
    const kinds = messageArgKinds(id)
    const variants = kinds.includes('int') ? [true, false] : [true]
    for (const strict of variants) {
      entries.push(makeEntry(id, language, template, origin, strict, false, entries.length))
      const lines = template.split('\n')
      if (lines.length > 1 && lines[0]?.trim() === '{}') {
        let index = 1
        const tail = lines
          .slice(1)
          .join('\n')
          .replace(/\{\}/g, () => `{${index++}}`)
        entries.push(makeEntry(id, language, tail, origin, strict, true, entries.length))
      }
    }
  }
  for (const id of wslMessageIds) {
    for (const language of wslLanguages) {
      const template = templates[id]?.[language]
      if (template !== undefined) add(id, language, template, 'resources')
    }
  }
  for (const extra of extraTemplates) add(extra.id, extra.language, extra.template, extra.origin)
  return entries
}

function makeEntry(
  id: RecognizedMessageId,
  language: WslLanguage,
  template: string,
  origin: MessageOrigin,
  strict: boolean,
  tailOnly: boolean,
  order: number,
): CatalogEntry {
  const pattern = compileTemplate(template, messageArgKinds(id), strict)
  const lineRegex = new RegExp(`^${SPACE}*(wsl${SPACE}*[:：]${SPACE}*)?${pattern.source}${SPACE}*$`, 'gim')
  const innerRegex = pattern.lines === 1 ? new RegExp(`^${SPACE}*${pattern.source}${SPACE}*$`, 'i') : null
  return { id, language, origin, strict, tailOnly, pattern, lineRegex, innerRegex, order }
}
