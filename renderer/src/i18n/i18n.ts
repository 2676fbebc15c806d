import { en, type MessageKey, type Messages } from './en'
import { zhCN } from './zh-CN'

export const LOCALES = ['en', 'zh-CN'] as const
export type Locale = (typeof LOCALES)[number]

const catalogs: Readonly<Record<Locale, Messages>> = { en, 'zh-CN': zhCN }

export type MessageVars = Readonly<Record<string, string | number>>

/**
 * The UI language for the OS/browser preference list: any Chinese preference picks Simplified
 * Chinese (our only Chinese catalog), anything else English. First match wins.
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase()
    if (lower.startsWith('zh')) return 'zh-CN'
    if (lower.startsWith('en')) return 'en'
  }
  return 'en'
}

/** Looks up `key` and fills `{name}` placeholders; numbers are formatted for the locale. */
export function translate(locale: Locale, key: MessageKey, vars: MessageVars = {}): string {
  const template = catalogs[locale][key]
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = vars[name]
    if (value === undefined) return match
    // Numbers in the locale's format (grouping, decimal sign); one decimal at most.
    return typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value) : value
  })
}

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value)
}

export type { MessageKey }
