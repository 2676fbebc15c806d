import { assertNever } from '../../../shared/util/assert-never'
import { useT } from '../i18n/use-t'
import { ErrorPanel } from '../shell/ErrorPanel'
import { useWizard } from '../state/store-context'
import { FixChooser } from './fix/FixChooser'
import { FixHistory } from './fix/FixHistory'
import { FixConfirm } from './fix/FixConfirm'
import { FixResult } from './fix/FixResult'
import { FixStepList } from './fix/FixStepList'
import { UnavailableReason } from './fix/UnavailableReason'
import { RecoveryPanel } from './fix/RecoveryPanel'
import { ResumePanel } from './fix/ResumePanel'

/** Fix: choose a fix, read exactly what it does, apply it with one prompt, see the result. */
export function FixStep() {
  const t = useT()
  const fix = useWizard((s) => s.fix)
  const closeFix = useWizard((s) => s.closeFix)
  const resume = useWizard((s) => s.resume)
  const interrupted = useWizard((s) => s.interrupted)
  return (
    <section className="step-page" aria-labelledby="fix-title">
      <h2 id="fix-title">{t('fix.title')}</h2>
      {fix.phase === 'idle' && interrupted.map((run) => <RecoveryPanel key={run.entryId} run={run} />)}
      {resume !== null && fix.phase === 'idle' && <ResumePanel resume={resume} />}
      {(() => {
        switch (fix.phase) {
          case 'idle':
            return (
              <>
                <FixChooser />
                <FixHistory />
              </>
            )
          case 'planning':
            return <p aria-busy="true">{t('fix.planning')}</p>
          case 'unavailable':
            return (
              <section className="panel" data-testid="fix-unavailable">
                <h3>{t('fix.unavailableTitle')}</h3>
                <UnavailableReason reason={fix.reason} />
                <button type="button" onClick={closeFix}>
                  {t('fix.back')}
                </button>
              </section>
            )
          case 'confirm':
            return <FixConfirm fix={fix} />
          case 'applying':
            return (
              <section className="panel" aria-busy="true">
                <p>{t('fix.applying')}</p>
                <FixStepList steps={fix.plan.phases[fix.planPhase]?.steps ?? []} reports={fix.steps} />
              </section>
            )
          case 'result':
            return <FixResult fix={fix} />
          case 'error':
            return <ErrorPanel title={t('fix.unavailableTitle')} body={t('app.bridgeError.body')} error={fix.error} />
          default:
            return assertNever(fix, 'fix state')
        }
      })()}
    </section>
  )
}
