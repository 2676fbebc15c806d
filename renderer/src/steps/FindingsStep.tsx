import { useT } from '../i18n/use-t'
import { summarizeMachine, type SummaryItem } from '../facts/machine-summary'
import { useWizard } from '../state/store-context'

/** What the scan learned, fact by fact; unknown facts are shown as unknown, never as passed. */
export function FindingsStep() {
  const t = useT()
  const scan = useWizard((s) => s.scan)
  if (scan.phase !== 'finished') {
    return (
      <section className="step-page" aria-labelledby="findings-title">
        <h2 id="findings-title">{t('findings.title')}</h2>
        <p>{t('findings.empty')}</p>
      </section>
    )
  }
  const items = summarizeMachine(scan.snapshot)
  return (
    <section className="step-page" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('findings.title')}</h2>
      <dl className="facts" data-testid="facts">
        {items.map((item) => (
          <FactRow key={item.id} item={item} />
        ))}
      </dl>
      <p className="muted">{t('findings.rulesPending')}</p>
    </section>
  )
}

function FactRow({ item }: { readonly item: SummaryItem }) {
  const t = useT()
  const { value } = item
  return (
    <div className="fact" data-testid={`fact-${item.id}`}>
      <dt>{t(item.label)}</dt>
      <dd>
        {value.kind === 'text' && (
          <>
            <span>{t(value.key, value.vars)}</span>
            {value.detail && value.detail.length > 0 && (
              <pre className="output" data-testid={`fact-${item.id}-output`}>
                {value.detail.join('\n')}
              </pre>
            )}
          </>
        )}
        {value.kind === 'unknown' && (
          <span className="unknown">
            {t('findings.unknown')}: {t(`reason.${value.reason}`)}
          </span>
        )}
        {value.kind === 'not-run' && <span className="unknown">{t('findings.unknown')}</span>}
      </dd>
    </div>
  )
}
