import { findingsReadiness } from '../../../shared/scan/findings-readiness'
import { scanSummary, type CheckOutcome, type ScanSummary } from '../../../shared/diagnosis/scan-summary'
import { useCurrentDiagnosis } from '../state/current-findings'
import { PROBE_IDS, type ProbeId } from '../../../shared/probes/probe-ids'
import { assertNever } from '../../../shared/util/assert-never'
import { ErrorPanel } from '../shell/ErrorPanel'
import { useDiagnosisText } from '../i18n/use-diagnosis-text'
import { useT } from '../i18n/use-t'
import { useWizard } from '../state/store-context'
import type { ProbeProgress } from '../state/wizard-store'
import { useNow } from '../state/use-now'

/**
 * Live per-probe progress with plain names, elapsed time and cancel. Once every probe has answered
 * or is slow (running on in the background), "See findings now" opens the findings so far.
 */
export function ScanStep() {
  const t = useT()
  const scan = useWizard((s) => s.scan)
  const startScan = useWizard((s) => s.startScan)
  const cancelScan = useWizard((s) => s.cancelScan)
  const goTo = useWizard((s) => s.goTo)
  const now = useNow(scan.phase === 'running')
  const current = useCurrentDiagnosis()

  if (scan.phase === 'idle') {
    return (
      <section className="step-page" aria-labelledby="scan-title">
        <h2 id="scan-title">{t('scan.title')}</h2>
        <p>{t('findings.empty')}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void startScan()}>
            {t('welcome.start')}
          </button>
        </div>
      </section>
    )
  }
  if (scan.phase === 'failed') {
    return <ErrorPanel title={t('scan.failed')} body={t('app.bridgeError.body')} error={scan.error} />
  }
  const running = scan.phase === 'running'
  const title = running ? t('scan.title') : scan.outcome === 'cancelled' ? t('scan.titleCancelled') : t('scan.titleDone')
  const seconds = Math.round((running ? Math.max(0, now - scan.startedAt) : scan.durationMs) / 100) / 10
  const readiness = findingsReadiness(scan.probes)
  // Once finished, each check shows what it found, and the summary counts it (issue 12).
  const summary = !running && current !== null ? scanSummary(scan.snapshot, current.diagnosis.findings) : null
  return (
    <section className="step-page" aria-labelledby="scan-title">
      <h2 id="scan-title">{title}</h2>
      <p className="muted" aria-live="off">
        {t('scan.elapsed', { seconds })}
      </p>
      {summary !== null && <SummaryLine summary={summary} />}
      <ul className="probe-list" aria-live="polite" data-testid="probe-list">
        {PROBE_IDS.map((id) => (
          <ProbeRow key={id} id={id} progress={scan.probes[id]} now={now} outcome={summary?.outcomes[id] ?? null} />
        ))}
      </ul>
      {running && readiness.slow.length > 0 && (
        <p className="muted" data-testid="slow-note">
          {t('scan.slowNote')}
        </p>
      )}
      <div className="actions">
        {running ? (
          <>
            <button type="button" onClick={() => void cancelScan()} data-testid="cancel-scan">
              {t('scan.cancel')}
            </button>
            {readiness.usable && (
              <button type="button" className="primary" onClick={() => goTo('findings')} data-testid="see-findings">
                {t('scan.seeFindingsNow')}
              </button>
            )}
          </>
        ) : (
          <>
            <button type="button" onClick={() => void startScan()}>
              {t('scan.restart')}
            </button>
            <button type="button" className="primary" onClick={() => goTo('findings')} data-testid="see-findings">
              {t('scan.seeFindings')}
            </button>
          </>
        )}
      </div>
    </section>
  )
}

/** "2 problems, 1 warning, 9 checks passed, 1 not checked" (plurals by Intl.PluralRules). */
function SummaryLine({ summary }: { readonly summary: ScanSummary }) {
  const t = useT()
  const parts = [
    ...(summary.problems > 0 ? [t('scanSummary.problems', { count: summary.problems })] : []),
    ...(summary.warnings > 0 ? [t('scanSummary.warnings', { count: summary.warnings })] : []),
    t('scanSummary.passed', { count: summary.passed }),
    ...(summary.notChecked > 0 ? [t('scanSummary.notChecked', { count: summary.notChecked })] : []),
  ]
  const tone = summary.problems > 0 ? 'panel-error' : summary.warnings > 0 ? 'panel-warn' : 'panel-safe'
  return (
    <p className={`panel ${tone} scan-summary`} data-testid="scan-summary" data-problems={summary.problems} data-warnings={summary.warnings}>
      <strong>{summary.problems + summary.warnings === 0 ? `${t('scanSummary.none')} · ` : ''}</strong>
      {parts.join(t('list.separator'))}
    </p>
  )
}

const OUTCOME_KEY = {
  problem: 'scan.outcome.problem',
  warning: 'scan.outcome.warning',
  passed: 'scan.outcome.passed',
  'not-checked': 'scan.outcome.notChecked',
} as const

function ProbeRow({
  id,
  progress,
  now,
  outcome,
}: {
  readonly id: ProbeId
  readonly progress: ProbeProgress | undefined
  readonly now: number
  readonly outcome: CheckOutcome | null
}) {
  const t = useT()
  const d = useDiagnosisText()
  const status = progress?.status ?? 'queued'
  return (
    <li
      className={`probe probe-${status}${outcome ? ` probe-outcome-${outcome}` : ''}`}
      data-testid={`probe-${id}`}
      data-status={status}
      data-outcome={outcome ?? undefined}
    >
      <span className="probe-icon" aria-hidden="true" />
      <span className="probe-name">{d(`probe.${id}`)}</span>
      <span className="probe-status">
        {outcome ? `${t(OUTCOME_KEY[outcome])} · ` : ''}
        {statusText(progress, now, t, d)}
      </span>
    </li>
  )
}

function statusText(progress: ProbeProgress | undefined, now: number, t: ReturnType<typeof useT>, d: ReturnType<typeof useDiagnosisText>): string {
  if (progress === undefined) return t('scan.status.queued')
  switch (progress.status) {
    case 'queued':
      return t('scan.status.queued')
    case 'running':
      return t('scan.status.running')
    case 'slow':
      return t('scan.status.slow', { seconds: Math.max(0, Math.round((now - progress.since) / 1000)), limit: Math.round(progress.limitMs / 1000) })
    case 'known':
      return t('scan.status.known', { seconds: Math.round(progress.durationMs / 100) / 10 })
    case 'unknown':
      return t('scan.status.unknown', { reason: d(`reason.${progress.reason}`) })
    default:
      return assertNever(progress, 'probe status')
  }
}
