import { formatDateTime } from '../../i18n/format-date-time'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'
import type { InterruptedRunInfo } from '../../state/wizard-store'
import { UndoStatusText } from './UndoStatusText'

/**
 * A fix that never finished (the app, PowerShell or Windows stopped mid-run), found in the journal
 * at start: what it did step by step, then — once a scan re-read the PC — finish, undo or keep.
 */
export function RecoveryPanel({ run }: { readonly run: InterruptedRunInfo }) {
  const t = useT()
  const d = useDiagnosisText()
  const locale = useWizard((s) => s.locale)
  const startScan = useWizard((s) => s.startScan)
  const scanPhase = useWizard((s) => s.scan.phase)
  const recoverRun = useWizard((s) => s.recoverRun)
  const undoStatus = useWizard((s) => s.undoStatus)
  const scanned = scanPhase === 'finished'
  return (
    <section className="panel panel-warn" data-testid="recovery-panel" data-entry={run.entryId}>
      <h3>{t('fix.recovery.title')}</h3>
      <p>{t('fix.recovery.intro', { fix: d(`fix.${run.fixId}.title`), date: formatDateTime(locale, run.startedAt) })}</p>
      <ol className="probe-list">
        {run.steps.map((step, index) => (
          <li key={index} data-status={step.status} data-testid={`recovery-step-${index}`}>
            <span className="probe-name">{d(step.describe.key, step.describe.args ?? {})}</span> — <span>{t(`fix.recovery.step.${step.status}`)}</span>
          </li>
        ))}
      </ol>
      {!scanned ? (
        <div className="actions">
          <p>{t('fix.recovery.scanFirst')}</p>
          <button type="button" className="primary" onClick={() => void startScan()} disabled={scanPhase === 'running'} data-testid="recovery-scan">
            {t('fix.recovery.scan')}
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" className="primary" onClick={() => void recoverRun(run.entryId, 'finish')} data-testid="recovery-finish">
            {t('fix.recovery.finish')}
          </button>
          {run.undoable && (
            <button type="button" onClick={() => void recoverRun(run.entryId, 'undo')} data-testid="recovery-undo">
              {t('fix.recovery.undo')}
            </button>
          )}
          <button type="button" onClick={() => void recoverRun(run.entryId, 'keep')} data-testid="recovery-keep">
            {t('fix.recovery.keep')}
          </button>
        </div>
      )}
      {undoStatus?.entryId === run.entryId && <UndoStatusText status={undoStatus} />}
    </section>
  )
}
