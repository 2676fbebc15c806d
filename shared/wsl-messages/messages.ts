import data from './wsl-messages.json'

/** Languages WSL ships its messages in (Resources.resw folders). */
export type WslLanguage = keyof (typeof data.messages)['MessageConfigUnknownKey']
export type WslMessageId = keyof typeof data.messages

const messages: Readonly<Record<string, Readonly<Record<string, string>>>> = data.messages

/** WSL's language for a Windows UI culture: exact match, then same language, then en-US. */
export function wslLanguageFor(culture: string | null | undefined): WslLanguage {
  const languages = Object.keys(data.messages.MessageConfigUnknownKey) as WslLanguage[]
  if (!culture) return 'en-US'
  const exact = languages.find((l) => l.toLowerCase() === culture.toLowerCase())
  if (exact) return exact
  const prefix = culture.split('-')[0]?.toLowerCase()
  return languages.find((l) => l.split('-')[0]?.toLowerCase() === prefix) ?? 'en-US'
}

/** The raw template (with `{}` placeholders) of one message in one language, en-US when missing. */
export function wslMessageTemplate(id: WslMessageId, language: WslLanguage): string {
  const entry = messages[id]
  return entry?.[language] ?? entry?.['en-US'] ?? id
}

/** Fills `{}` placeholders in order, as WSL's `std::format`-style localization does. */
export function formatWslMessage(id: WslMessageId, language: WslLanguage, args: readonly (string | number)[]): string {
  let index = 0
  return wslMessageTemplate(id, language).replace(/\{\}/g, () => String(args[index++] ?? ''))
}

export function isWslMessageId(value: string): value is WslMessageId {
  return Object.hasOwn(messages, value)
}
