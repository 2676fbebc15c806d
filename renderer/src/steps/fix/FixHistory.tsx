import { formatDateTime } from '../../i18n/format-date-time'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'
import { UndoStatusText } from './UndoStatusText'

/** Every change this app made (from the journal), with its date in the user's format and undo. */
export function FixHistory() {
  const t = useT()
  const d = useDiagnosisText()
  const history = useWizard((s) => s.history)
  const locale = useWizard((s) => s.locale)
  const undoFix = useWizard((s) => s.undoFix)
  const undoStatus = useWizard((s) => s.undoStatus)
  const interrupted = useWizard((s) => s.interrupted)
  if (history.length === 0) return null
  return (
    <section className="panel" aria-labelledby="fix-history-title" data-testid="fix-history">
      <h3 id="fix-history-title">{t('fix.history.title')}</h3>
      <ul className="fix-history">
        {[...history].reverse().map((entry) => (
          <li key={entry.id}>
            <span>
              {formatDateTime(locale, entry.startedAt)} — {d(`fix.${entry.fixId}.title`)}
              {entry.undoneAt !== null && <span className="muted"> ({t('fix.history.undone')})</span>}
            </span>
            {entry.undoable && (
              <button type="button" onClick={() => void undoFix(entry.id)} disabled={undoStatus?.status === 'running'} data-testid={`history-undo-${entry.id}`}>
                {t('fix.result.undo')}
              </button>
            )}
            {/* An interrupted run's answer shows in its recovery panel, not twice. */}
            {undoStatus?.entryId === entry.id && undoStatus.status !== 'running' && !interrupted.some((r) => r.entryId === entry.id) && (
              <UndoStatusText status={undoStatus} />
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
