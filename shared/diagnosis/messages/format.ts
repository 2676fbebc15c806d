import type { MessageArgs } from '../finding'
import { formatMessage } from '../../i18n/format-message'
import type { Locale } from '../../i18n/locale'
import { repairEn } from '../../repair/messages/en'
import { repairZhCN } from '../../repair/messages/zh-CN'
import { diagnosisEn } from './en'
import { diagnosisZhCN } from './zh-CN'

/** The app's one locale type, under the name the report and CLI code already use. */
export type DiagnosisLanguage = Locale

// Repair texts (steps, reversibility, side effects) share the same formatter and language switch.
const catalogs: Readonly<Record<DiagnosisLanguage, Readonly<Record<string, string>>>> = {
  en: { ...diagnosisEn, ...repairEn },
  'zh-CN': { ...diagnosisZhCN, ...repairZhCN },
}

export function isDiagnosisKey(key: string): boolean {
  return Object.hasOwn(catalogs.en, key)
}

/**
 * A diagnosis text in the user's language with `{name}` filled; unknown keys show themselves.
 * An argument may carry a per-language value as `name@zh-CN` (e.g. a WSL warning rendered from
 * WSL's own Chinese resources); it wins over the plain `name` in that language.
 */
export function formatDiagnosis(language: DiagnosisLanguage, key: string, args: MessageArgs = {}): string {
  if (!isDiagnosisKey(key)) return key
  return formatMessage(language, catalogs[language][key] ?? key, args)
}
