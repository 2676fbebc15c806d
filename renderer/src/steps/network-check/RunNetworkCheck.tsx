import { useState } from 'react'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'

/**
 * "Run the networking check" under the table when it has not run. It starts WSL, so it asks first,
 * in the same words of consent the Welcome step uses for starting WSL, then rescans with that
 * consent given (the check is a probe like the others: the scan is the one way probes run).
 */
export function RunNetworkCheck() {
  const t = useT()
  const [asking, setAsking] = useState(false)
  const running = useWizard((s) => s.scan.phase === 'running')
  const setAllowWslStart = useWizard((s) => s.setAllowWslStart)
  const startScan = useWizard((s) => s.startScan)
  if (running)
    return (
      <p className="muted" data-testid="network-check-running">
        {t('netcheck.running')}
      </p>
    )
  if (!asking) {
    return (
      <div className="actions">
        <button type="button" onClick={() => setAsking(true)} data-testid="network-check-run">
          {t('netcheck.run')}
        </button>
      </div>
    )
  }
  return (
    <div className="netcheck-confirm" role="group" aria-labelledby="netcheck-confirm-text">
      <p id="netcheck-confirm-text">{t('netcheck.confirm')}</p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="network-check-confirm"
          onClick={() => {
            setAsking(false)
            setAllowWslStart(true)
            void startScan({ stay: true })
          }}
        >
          {t('netcheck.confirmRun')}
        </button>
        <button type="button" onClick={() => setAsking(false)} data-testid="network-check-cancel">
          {t('netcheck.cancel')}
        </button>
      </div>
    </div>
  )
}
