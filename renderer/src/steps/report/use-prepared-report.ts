import { useEffect, useMemo, useState } from 'react'
import type { MachineSnapshot } from '../../../../shared/machine/snapshot'
import { prepareReport, type PreparedReport } from '../../../../shared/report/prepare'
import { useWizard } from '../../state/store-context'
import { PREPARE_TIMEOUT_MS, PrepareTimeoutError, prepareReportInWorker, workersAvailable } from './prepare-report-async'
import type { PrepareOptions } from './prepare-report-messages'

/** The report, or why it is not there yet: being prepared, or given up on (never a frozen page). */
export type ReportState =
  | { readonly status: 'ready'; readonly report: PreparedReport }
  | { readonly status: 'working' }
  | { readonly status: 'failed'; readonly reason: 'timeout'; readonly seconds: number }
  | { readonly status: 'failed'; readonly reason: 'error'; readonly message: string }

/**
 * The report for the current snapshot in the UI language, redacted or not, recomputed only when
 * its inputs change. Redaction walks every string of the snapshot, so it runs in a Web Worker with
 * a time limit; where there is no Worker (jsdom in tests) it runs synchronously, as before.
 * `retry` starts a new attempt after a failure.
 */
export function usePreparedReport(snapshot: MachineSnapshot, redact: boolean): { readonly state: ReportState; readonly retry: () => void } {
  const locale = useWizard((s) => s.locale)
  const pasted = useWizard((s) => s.pastedOutput)
  const history = useWizard((s) => s.history)
  const appVersion = useWizard((s) => s.appInfo?.appVersion ?? snapshot.appVersion)
  const options = useMemo<PrepareOptions>(() => ({ language: locale, redact, pasted, tried: history, appVersion }), [locale, redact, pasted, history, appVersion])
  const [attempt, setAttempt] = useState(0)
  const inWorker = workersAvailable()
  const sync = useMemo<ReportState | null>(() => (inWorker ? null : { status: 'ready', report: prepareReport(snapshot, options) }), [inWorker, snapshot, options])
  const [async, setAsync] = useState<ReportState>({ status: 'working' })

  useEffect(() => {
    if (!inWorker) return
    const controller = new AbortController()
    setAsync({ status: 'working' })
    prepareReportInWorker(snapshot, options, controller.signal).then(
      (report) => setAsync({ status: 'ready', report }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        if (error instanceof PrepareTimeoutError) setAsync({ status: 'failed', reason: 'timeout', seconds: PREPARE_TIMEOUT_MS / 1000 })
        else setAsync({ status: 'failed', reason: 'error', message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => controller.abort()
  }, [inWorker, snapshot, options, attempt])

  return { state: sync ?? async, retry: () => setAttempt((n) => n + 1) }
}
