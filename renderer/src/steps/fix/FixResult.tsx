import { UndoStatusText } from './UndoStatusText'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'
import type { FixState } from '../../state/wizard-store'
import { FixStepList } from './FixStepList'

/** The outcome of an Apply: done (verify, undo, restart), declined (nothing ran), or failed (what ran). */
export function FixResult({ fix }: { readonly fix: Extract<FixState, { phase: 'result' }> }) {
  const t = useT()
  const goTo = useWizard((s) => s.goTo)
  const planFix = useWizard((s) => s.planFix)
  const closeFix = useWizard((s) => s.closeFix)
  const undoFix = useWizard((s) => s.undoFix)
  const undoStatus = useWizard((s) => s.undoStatus)
  const restartWindows = useWizard((s) => s.restartWindows)
  const restartStatus = useWizard((s) => s.restartStatus)
  const { result } = fix
  const steps = fix.plan.phases[fix.planPhase]?.steps ?? []
  const retry = () => void planFix(fix.fixId, fix.options, fix.planPhase)
  const entryId = 'entryId' in result ? result.entryId : null
  const undo =
    entryId !== null && fix.plan.reversibility.kind === 'undoable' ? (
      <button type="button" onClick={() => void undoFix(entryId)} disabled={undoStatus?.status === 'running'} data-testid="undo-fix">
        {undoStatus?.status === 'running' ? t('fix.result.undoing') : t('fix.result.undo')}
      </button>
    ) : null
  return (
    <section className="panel" aria-live="polite" data-testid="fix-result" data-status={result.status}>
      {result.status === 'completed' && (
        <>
          <p className="result-ok">{t('fix.result.done')}</p>
          <FixStepList steps={steps} reports={result.steps} />
          {result.rebootRequired ? (
            <div className="panel panel-warn" data-testid="restart-offer">
              {/* A fix over several restarts is one journey: say which part is done (issue 12). */}
              {result.nextPhase !== null && (
                <p data-testid="part-done">
                  <strong>{t('verify.partDone', { part: fix.planPhase + 1, parts: fix.plan.phases.length })}</strong>
                </p>
              )}
              <p>{t('fix.result.restartNeeded')}</p>
              {restartStatus === 'restarting' && <p>{t('fix.result.restarting')}</p>}
              {restartStatus === 'failed' && <p>{t('fix.result.restartFailed')}</p>}
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() => void restartWindows()}
                  disabled={restartStatus === 'restarting'}
                  data-testid="restart-now"
                >
                  {t('fix.result.restartNow')}
                </button>
                <button type="button" onClick={closeFix}>
                  {t('fix.result.later')}
                </button>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button type="button" className="primary" onClick={() => goTo('verify')} data-testid="go-verify">
                {t('fix.result.verify')}
              </button>
              {undo}
            </div>
          )}
        </>
      )}
      {result.status === 'declined' && (
        <>
          <p>{t('fix.result.declined')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={retry} data-testid="retry-fix">
              {t('fix.result.retry')}
            </button>
            <button type="button" onClick={closeFix}>
              {t('fix.back')}
            </button>
          </div>
        </>
      )}
      {(result.status === 'failed' || result.status === 'elevation-failed') && (
        <>
          <p className="result-bad">
            {result.status === 'failed'
              ? t('fix.result.failed')
              : isConstrainedLanguage(result.detail)
                ? t('fix.result.constrainedLanguage')
                : t('fix.result.elevationFailed', { detail: result.detail })}
          </p>
          <h4>{t('fix.result.whatRan')}</h4>
          <FixStepList steps={steps} reports={result.steps} />
          {result.status === 'failed' && steps[result.failedStep]?.script === 'restore-point' && (
            <div className="panel panel-warn" data-testid="restore-point-choice">
              <p>{isSystemProtectionOff(result.detail) ? t('fix.result.protectionOff') : t('fix.result.restorePointFailed')}</p>
              <p>{t('fix.result.restorePointChoice')}</p>
              <div className="actions">
                <button type="button" onClick={retry} data-testid="retry-with-restore-point">
                  {t('fix.result.retryRestorePoint')}
                </button>
                <button
                  type="button"
                  onClick={() => void planFix(fix.fixId, { ...fix.options, skipRestorePoint: true }, fix.planPhase)}
                  data-testid="continue-without-restore-point"
                >
                  {t('fix.result.withoutRestorePoint')}
                </button>
              </div>
            </div>
          )}
          {result.status === 'failed' && <pre className="output">{result.detail}</pre>}
          <div className="actions">
            {undo}
            <button type="button" onClick={closeFix}>
              {t('fix.back')}
            </button>
          </div>
        </>
      )}
      {result.status === 'plan-changed' && <p>{t('fix.result.planChanged')}</p>}
      {result.status === 'busy' && <p data-testid="fix-busy">{t('fix.busy')}</p>}
      {undoStatus && undoStatus.entryId === entryId && undoStatus.status !== 'running' && <UndoStatusText status={undoStatus} />}
    </section>
  )
}

/**
 * The launcher refuses with this untranslated id when PowerShell runs in Constrained Language Mode
 * (electron/powershell/elevation/scripts.ts CONSTRAINED_LANGUAGE_LAUNCH): a policy, not a fault.
 */
function isConstrainedLanguage(detail: string): boolean {
  return detail.includes('WndNeedsFullLanguage')
}

/** restore-point.ps1 (and the simulated PC) start this refusal with a fixed, untranslated id. */
function isSystemProtectionOff(detail: string): boolean {
  return detail.includes('WndSystemProtectionOff')
}
