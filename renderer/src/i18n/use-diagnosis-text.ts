import { useCallback } from 'react'
import type { MessageArgs } from '../../../shared/diagnosis/finding'
import { formatDiagnosis } from '../../../shared/diagnosis/messages/format'
import { useWizard } from '../state/store-context'

/**
 * Texts of findings, evidence, fixes, probe names and unknown reasons: they live in `shared/` because
 * the diagnose CLI prints them too; this formats them in the current UI language.
 */
export function useDiagnosisText(): (key: string, args?: MessageArgs) => string {
  const locale = useWizard((s) => s.locale)
  return useCallback((key: string, args?: MessageArgs) => formatDiagnosis(locale, key, args), [locale])
}
