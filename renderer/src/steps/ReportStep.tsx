import { useRef, useState, type ReactNode } from 'react'
import type { MachineSnapshot } from '../../../shared/machine/snapshot'
import { formatDateTime } from '../i18n/format-date-time'
import { useT } from '../i18n/use-t'
import { isOpenedSnapshot } from '../state/report-actions'
import { useWizard } from '../state/store-context'
import { OpenSnapshotButton } from './report/OpenSnapshotButton'
import { RedactionPanel } from './report/RedactionPanel'
import { copyText } from './report/copy-text'
import { downloadSnapshot } from './report/download'
import { statusMessage, type ReportStatus } from './report/status-text'
import { usePreparedReport, type ReportState } from './report/use-prepared-report'

/**
 * The report to share: a Markdown preview for a GitHub issue (redacted by default, showing what
 * was hidden), copy, save the snapshot JSON for a helpdesk, and open a snapshot someone saved so
 * its findings show here and in the Findings step.
 */
export function ReportStep() {
  const t = useT()
  const scan = useWizard((s) => s.scan)
  const [status, setStatus] = useState<ReportStatus | null>(null)
  const snapshot = scan.phase === 'finished' ? scan.snapshot : null
  return (
    <section className="step-page" aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      {snapshot === null ? (
        <>
          <p data-testid="report-empty">{t('report.none')}</p>
          <p>{t('report.empty.open')}</p>
          <div className="actions">
            <OpenSnapshotButton onOutcome={setStatus} />
          </div>
          <StatusLine status={status} />
        </>
      ) : (
        <ReportBody snapshot={snapshot} onStatus={setStatus} statusLine={<StatusLine status={status} />} />
      )}
    </section>
  )
}

function ReportBody({
  snapshot,
  onStatus,
  statusLine,
}: {
  readonly snapshot: MachineSnapshot
  readonly onStatus: (status: ReportStatus) => void
  readonly statusLine: ReactNode
}) {
  const t = useT()
  const goTo = useWizard((s) => s.goTo)
  const [redact, setRedact] = useState(true)
  const { state, retry } = usePreparedReport(snapshot, redact)
  const report = state.status === 'ready' ? state.report : null
  const preview = useRef<HTMLPreElement>(null)
  return (
    <>
      <p>{t('report.lead')}</p>
      {isOpenedSnapshot(snapshot) && <OpenedLabel snapshot={snapshot} onShow={() => goTo('findings')} />}
      <RedactionPanel redact={redact} onChange={setRedact} redaction={report?.redaction ?? null} pending={report === null} />
      <PrepareStatus state={state} onRetry={retry} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="copy-markdown"
          disabled={report === null}
          onClick={() => report && void copyText(report.markdown, preview.current).then((ok) => onStatus({ kind: ok ? 'copied' : 'copy-failed' }))}
        >
          {t('report.copy')}
        </button>
        <button
          type="button"
          data-testid="save-snapshot"
          disabled={report === null}
          onClick={() => report && onStatus({ kind: 'saved', file: downloadSnapshot(report.snapshot), redacted: redact })}
        >
          {t('report.save')}
        </button>
        <OpenSnapshotButton onOutcome={onStatus} />
      </div>
      <p className="hint">{t('report.open.hint')}</p>
      {statusLine}
      <h3 id="report-preview-title">{t('report.preview')}</h3>
      <pre ref={preview} className="output output-tall" data-testid="report-preview" tabIndex={0} aria-labelledby="report-preview-title">
        {report?.markdown ?? ''}
      </pre>
    </>
  )
}

/**
 * Says the report is being prepared, or why it is not there (the worker timed out or failed), with
 * a retry: nothing half-redacted is ever shown or shared.
 */
function PrepareStatus({ state, onRetry }: { readonly state: ReportState; readonly onRetry: () => void }) {
  const t = useT()
  if (state.status === 'ready') return null
  if (state.status === 'working') {
    return (
      <p role="status" aria-live="polite" data-testid="report-preparing">
        {t('report.preparing')}
      </p>
    )
  }
  return (
    <div className="panel panel-error" role="alert" data-testid="report-prepare-failed">
      <p>{state.reason === 'timeout' ? t('report.prepare.timeout', { seconds: state.seconds }) : t('report.prepare.failed', { message: state.message })}</p>
      <div className="actions">
        <button type="button" onClick={onRetry} data-testid="report-prepare-retry">
          {t('report.prepare.retry')}
        </button>
      </div>
    </div>
  )
}

function OpenedLabel({ snapshot, onShow }: { readonly snapshot: MachineSnapshot; readonly onShow: () => void }) {
  const t = useT()
  const locale = useWizard((s) => s.locale)
  const takenAt = formatDateTime(locale, snapshot.takenAt)
  const source = snapshot.source
  const from = source.kind === 'simulated' ? t('report.source.simulated', { id: source.scenarioId }) : t(`report.source.${source.kind}`)
  return (
    <div className="panel" data-testid="opened-snapshot">
      <p>
        <strong>{t('report.openedLabel', { takenAt, source: from })}</strong>
      </p>
      <div className="actions">
        <button type="button" onClick={onShow} data-testid="opened-show-findings">
          {t('report.showFindings')}
        </button>
      </div>
    </div>
  )
}

/** A live region present before any result, so screen readers announce copy/save/open results. */
function StatusLine({ status }: { readonly status: ReportStatus | null }) {
  const t = useT()
  const message = status === null ? null : statusMessage(status)
  return (
    <p
      role="status"
      aria-live="polite"
      data-testid="report-status"
      className={message?.failed ? 'panel panel-error' : message ? 'panel panel-safe' : undefined}
    >
      {message ? t(message.key, message.vars) : ''}
    </p>
  )
}
