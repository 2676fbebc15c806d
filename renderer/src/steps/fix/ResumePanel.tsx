import { useT } from '../../i18n/use-t'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useWizard } from '../../state/store-context'
import type { ResumeInfo } from '../../state/wizard-store'

/**
 * After a restart the app reopens here: continue with the next part of the fix, or scan again to
 * see whether it worked. If Windows has not really restarted, say so.
 */
export function ResumePanel({ resume }: { readonly resume: NonNullable<ResumeInfo> }) {
  const t = useT()
  const d = useDiagnosisText()
  const startScan = useWizard((s) => s.startScan)
  const planFix = useWizard((s) => s.planFix)
  const scanDone = useWizard((s) => s.scan.phase === 'finished')
  if (!resume.rebooted) {
    return (
      <section className="panel panel-warn" data-testid="resume-panel" data-rebooted="false">
        <p>{t('fix.resume.notRestarted')}</p>
      </section>
    )
  }
  return (
    <section className="panel panel-safe" data-testid="resume-panel" data-rebooted="true">
      <h3>{t('fix.resume.title')}</h3>
      <p>{d(`fix.${resume.fixId}.title`)}</p>
      <div className="actions">
        {!scanDone && (
          <button type="button" className="primary" onClick={() => void startScan()} data-testid="resume-scan">
            {t('fix.resume.check')}
          </button>
        )}
        {scanDone && resume.nextPhase !== null && (
          <button type="button" className="primary" onClick={() => void planFix(resume.fixId, resume.options, resume.nextPhase ?? 0)} data-testid="resume-continue">
            {t('fix.resume.continue', { part: (resume.nextPhase ?? 0) + 1 })}
          </button>
        )}
      </div>
    </section>
  )
}
