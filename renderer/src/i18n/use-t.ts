import { useCallback } from 'react'
import { useWizard } from '../state/store-context'
import { translate, type MessageKey } from './i18n'
import type { MessageArgsFor } from './message-args'

/** Translates a key: its arguments are checked against the English template at compile time. */
export type TFunction = <K extends MessageKey>(key: K, ...vars: MessageArgsFor<K>) => string

/** The translate function for the current UI language. */
export function useT(): TFunction {
  const locale = useWizard((s) => s.locale)
  return useCallback<TFunction>((key, ...vars) => translate(locale, key, vars[0]), [locale])
}
