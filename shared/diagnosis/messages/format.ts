import type { MessageArgs } from '../finding'
import { diagnosisEn, type DiagnosisMessageKey } from './en'
import { diagnosisZhCN } from './zh-CN'

export type DiagnosisLanguage = 'en' | 'zh-CN'

const catalogs = { en: diagnosisEn, 'zh-CN': diagnosisZhCN } as const

export function isDiagnosisKey(key: string): key is DiagnosisMessageKey {
  return Object.hasOwn(diagnosisEn, key)
}

/**
 * A diagnosis text in the user's language with `{name}` filled; unknown keys show themselves.
 * An argument may carry a per-language value as `name@zh-CN` (e.g. a WSL warning rendered from
 * WSL's own Chinese resources); it wins over the plain `name` in that language.
 */
export function formatDiagnosis(language: DiagnosisLanguage, key: string, args: MessageArgs = {}): string {
  if (!isDiagnosisKey(key)) return key
  return catalogs[language][key].replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = args[`${name}@${language}`] ?? args[name]
    return value === undefined ? match : String(value)
  })
}
