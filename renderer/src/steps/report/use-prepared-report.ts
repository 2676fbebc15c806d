import { useMemo } from 'react'
import type { MachineSnapshot } from '../../../../shared/machine/snapshot'
import { prepareReport, type PreparedReport } from '../../../../shared/report/prepare'
import { useWizard } from '../../state/store-context'

/**
 * The report for the current snapshot in the UI language, redacted or not: recomputed only when
 * its inputs change (redaction walks every string of the snapshot).
 */
export function usePreparedReport(snapshot: MachineSnapshot, redact: boolean): PreparedReport {
  const locale = useWizard((s) => s.locale)
  const pasted = useWizard((s) => s.pastedOutput)
  const history = useWizard((s) => s.history)
  const appVersion = useWizard((s) => s.appInfo?.appVersion ?? snapshot.appVersion)
  return useMemo(
    () => prepareReport(snapshot, { language: locale, redact, pasted, tried: history, appVersion }),
    [snapshot, locale, redact, pasted, history, appVersion],
  )
}
