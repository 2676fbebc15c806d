import { useT } from '../../i18n/use-t'
import { ExternalLink } from '../../shell/ExternalLink'
import { focusHeadingWhenShown } from '../../shell/focus-heading'
import { useWizard } from '../../state/store-context'

/**
 * A healthy result is not a dead end (issue 12 item 6): if networking still fails for the user,
 * the networking check below this panel looks inside Linux, and here they can paste what they
 * saw or make a report for a helpdesk.
 */
export function HealthyNextSteps() {
  const t = useT()
  const goTo = useWizard((s) => s.goTo)
  const paste = () => {
    goTo('welcome')
    // Straight into the paste box: the reason for going back to Welcome.
    focusHeadingWhenShown(document.body, '#pasted-output', (box) => box.focus())
  }
  return (
    <section className="panel" aria-labelledby="healthy-next-title" data-testid="healthy-next">
      <h3 id="healthy-next-title">{t('findings.healthy.title')}</h3>
      <p>{t('findings.healthy.intro')}</p>
      <div className="actions">
        <button type="button" onClick={paste} data-testid="healthy-paste">
          {t('findings.healthy.paste')}
        </button>
        <button type="button" onClick={() => goTo('report')} data-testid="healthy-report">
          {t('findings.healthy.report')}
        </button>
        <ExternalLink id="doc-wsl-troubleshooting" />
      </div>
    </section>
  )
}
