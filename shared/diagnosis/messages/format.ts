import type { MessageArgs } from '../finding'
import { repairEn } from '../../repair/messages/en'
import { repairZhCN } from '../../repair/messages/zh-CN'
import { diagnosisEn } from './en'
import { diagnosisZhCN } from './zh-CN'

export type DiagnosisLanguage = 'en' | 'zh-CN'

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
  return (catalogs[language][key] ?? key).replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = args[`${name}@${language}`] ?? args[name]
    return value === undefined ? match : String(value)
  })
}
