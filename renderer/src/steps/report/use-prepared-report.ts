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
  // The story of the session: Verify's verdicts, the PC before the first fix, a paste made stale by a fix.
  const verdicts = useWizard((s) => s.verifyLog)
  const before = useWizard((s) => s.stateBeforeFirstFix)
  const pastedBeforeFix = useWizard((s) => s.pasteStale)
  const options = useMemo<PrepareOptions>(
    () => ({ language: locale, redact, pasted, tried: history, appVersion, verdicts, before, pastedBeforeFix }),
    [locale, redact, pasted, history, appVersion, verdicts, before, pastedBeforeFix],
  )
  const [attempt, setAttempt] = useState(0)
  const inWorker = workersAvailable()
  const sync = useMemo<ReportState | null>(
    () => (inWorker ? null : { status: 'ready', report: prepareReport(snapshot, options) }),
    [inWorker, snapshot, options],
  )
  // Each worker result is kept with the request it answers; a result for older inputs (or an older
  // attempt) is stale, so the state reads "working" until the current request settles. Derived, not
  // reset in the effect: a synchronous setState there would render twice per change.
  const request = useMemo(() => ({ snapshot, options, attempt }), [snapshot, options, attempt])
  const [settled, setSettled] = useState<{ readonly request: typeof request; readonly state: ReportState } | null>(null)

  useEffect(() => {
    if (!inWorker) return
    const controller = new AbortController()
    prepareReportInWorker(request.snapshot, request.options, controller.signal).then(
      (report) => setSettled({ request, state: { status: 'ready', report } }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        if (error instanceof PrepareTimeoutError) setSettled({ request, state: { status: 'failed', reason: 'timeout', seconds: PREPARE_TIMEOUT_MS / 1000 } })
        else setSettled({ request, state: { status: 'failed', reason: 'error', message: error instanceof Error ? error.message : String(error) } })
      },
    )
    return () => controller.abort()
  }, [inWorker, request])

  const async: ReportState = settled?.request === request ? settled.state : { status: 'working' }
  return { state: sync ?? async, retry: () => setAttempt((n) => n + 1) }
}
