import { useCallback } from 'react'
import { useWizard } from '../state/store-context'
import { translate, type MessageKey, type MessageVars } from './i18n'

/** The translate function for the current UI language. */
export function useT(): (key: MessageKey, vars?: MessageVars) => string {
  const locale = useWizard((s) => s.locale)
  return useCallback((key: MessageKey, vars?: MessageVars) => translate(locale, key, vars), [locale])
}
