/**
 * The languages the app speaks, one list for the UI, the diagnosis and repair texts, the report
 * and the CLI. Simplified Chinese is the only Chinese catalog (see `pickLocale`).
 */
export const LOCALES = ['en', 'zh-CN'] as const
export type Locale = (typeof LOCALES)[number]

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value)
}
