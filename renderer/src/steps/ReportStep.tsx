import { useT } from '../i18n/use-t'
import { useWizard } from '../state/store-context'

/** The machine snapshot the scan produced, as the JSON a helpdesk would open. */
export function ReportStep() {
  const t = useT()
  const scan = useWizard((s) => s.scan)
  return (
    <section className="step-page" aria-labelledby="report-title">
      <h2 id="report-title">{t('report.title')}</h2>
      {scan.phase === 'finished' ? (
        <>
          <p>{t('report.intro')}</p>
          <pre className="output output-tall" data-testid="snapshot-json" tabIndex={0}>
            {JSON.stringify(scan.snapshot, null, 2)}
          </pre>
        </>
      ) : (
        <p>{t('report.none')}</p>
      )}
    </section>
  )
}
