import { formatMessage, type MessageValue } from '../../../shared/i18n/format-message'
import { LOCALES, isLocale, type Locale } from '../../../shared/i18n/locale'
import { en, type MessageKey, type Messages } from './en'
import { zhCN } from './zh-CN'

export { LOCALES, isLocale, type Locale }

const catalogs: Readonly<Record<Locale, Messages>> = { en, 'zh-CN': zhCN }

export type MessageVars = Readonly<Record<string, MessageValue>>

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

/**
 * Looks up `key` and fills its arguments with the shared formatter (plurals by Intl.PluralRules,
 * numbers and lists in the locale's format).
 */
export function translate(locale: Locale, key: MessageKey, vars: MessageVars = {}): string {
  return formatMessage(locale, catalogs[locale][key], vars)
}

export type { MessageKey }
