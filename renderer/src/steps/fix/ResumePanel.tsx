import { useT } from '../../i18n/use-t'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useWizard } from '../../state/store-context'
import type { ResumeInfo } from '../../state/wizard-store'

/**
 * After a restart the app reopens here, and a fix over several restarts reads as one journey
 * (issue 12): "part 1 of 2 done", then one button that scans again and opens the next part's
 * confirm screen; after the last part, one button that scans again and shows Verify. The consent
 * to start WSL given before the restart is kept (the store restores it). If Windows has not
 * really restarted, say so.
 */
export function ResumePanel({ resume }: { readonly resume: NonNullable<ResumeInfo> }) {
  const t = useT()
  const d = useDiagnosisText()
  const continueFix = useWizard((s) => s.continueFix)
  const startScan = useWizard((s) => s.startScan)
  const goTo = useWizard((s) => s.goTo)
  const scanning = useWizard((s) => s.scan.phase === 'running')
  const fix = d(`fix.${resume.fixId}.title`)
  if (!resume.rebooted) {
    return (
      <section className="panel panel-warn" data-testid="resume-panel" data-rebooted="false">
        <p>{t('fix.resume.notRestarted')}</p>
      </section>
    )
  }
  const parts = resume.parts ?? (resume.nextPhase ?? 0) + 1
  const next = resume.nextPhase
  return (
    <section className="panel panel-safe" data-testid="resume-panel" data-rebooted="true" data-next-phase={next ?? 'none'}>
      <h3>{t('fix.resume.title')}</h3>
      {next !== null ? (
        <>
          <p data-testid="resume-progress">{t('resume.partDone', { part: next, parts, fix })}</p>
          <progress max={parts} value={next} aria-label={t('resume.partDone', { part: next, parts, fix })} />
          <p className="muted">{t('resume.onPurpose')}</p>
          <div className="actions">
            <button type="button" className="primary" disabled={scanning} onClick={() => void continueFix()} data-testid="resume-continue">
              {scanning ? t('resume.scanning') : t('resume.continue', { part: next + 1, parts })}
            </button>
          </div>
        </>
      ) : (
        <>
          <p data-testid="resume-progress">{t('resume.allDone', { fix })}</p>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={scanning}
              onClick={() => void startScan({ stay: true }).then(() => goTo('verify'))}
              data-testid="resume-scan"
            >
              {scanning ? t('resume.scanning') : t('resume.check')}
            </button>
          </div>
        </>
      )}
    </section>
  )
}
