import { useT } from '../i18n/use-t'
import { Suspense } from 'react'
import { PastePreview } from './lazy-steps'
import { useWizard } from '../state/store-context'

/** What will be checked, that nothing changes without asking, and the consent to start WSL. */
export function WelcomeStep() {
  const t = useT()
  const allowWslStart = useWizard((s) => s.allowWslStart)
  const setAllowWslStart = useWizard((s) => s.setAllowWslStart)
  const startScan = useWizard((s) => s.startScan)
  const pastedOutput = useWizard((s) => s.pastedOutput)
  const setPastedOutput = useWizard((s) => s.setPastedOutput)
  return (
    <section className="step-page" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('welcome.title')}</h2>
      <div className="welcome-panels">
        <div className="panel">
          <h3>{t('welcome.checks.title')}</h3>
          <ul className="check-list">
            <li>{t('welcome.checks.windows')}</li>
            <li>{t('welcome.checks.wsl')}</li>
            <li>{t('welcome.checks.services')}</li>
            <li>{t('welcome.checks.startup')}</li>
          </ul>
        </div>
        <div className="panel panel-safe">
          <h3>{t('welcome.safety.title')}</h3>
          <p>{t('welcome.safety.readOnly')}</p>
          <p>{t('welcome.safety.fixes')}</p>
        </div>
      </div>
      <div className="paste">
        <label htmlFor="pasted-output" className="paste-label">
          {t('welcome.paste.label')}
        </label>
        <span id="paste-hint" className="hint">
          {t('welcome.paste.hint')}
        </span>
        <textarea
          id="pasted-output"
          rows={3}
          spellCheck={false}
          value={pastedOutput}
          onChange={(event) => setPastedOutput(event.target.value)}
          aria-describedby="paste-hint"
          data-testid="pasted-output"
        />
        {pastedOutput.trim() !== '' && (
          <Suspense
            fallback={
              <p className="muted" aria-busy="true">
                {t('app.loading')}
              </p>
            }
          >
            <PastePreview text={pastedOutput} />
          </Suspense>
        )}
      </div>
      <label className="consent">
        <input
          type="checkbox"
          checked={allowWslStart}
          onChange={(event) => setAllowWslStart(event.target.checked)}
          data-testid="consent-wsl-start"
          aria-describedby="consent-hint"
        />
        <span>
          <span className="consent-label">{t('welcome.consent.label')}</span>
          <span id="consent-hint" className="hint">
            {t('welcome.consent.hint')}
          </span>
        </span>
      </label>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void startScan()} data-testid="start-scan">
          {t('welcome.start')}
        </button>
      </div>
    </section>
  )
}
