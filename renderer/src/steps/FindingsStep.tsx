import { useMemo } from 'react'
import { diagnose } from '../../../shared/diagnosis/diagnose'
import { buildMachineView } from '../../../shared/diagnosis/machine-view'
import { useDiagnosisText } from '../i18n/use-diagnosis-text'
import { useT } from '../i18n/use-t'
import { summarizeMachine, type SummaryItem } from '../facts/machine-summary'
import { useWizard } from '../state/store-context'
import { FindingCard } from './FindingCard'
import { PassedChecks } from './findings/PassedChecks'
import { WslconfigView } from './wslconfig/WslconfigView'

/**
 * Findings, most serious first, computed by the same pure rules as `npm run diagnose` from the
 * scan's snapshot and anything the user pasted; then `.wslconfig` as WSL reads it, the checks that
 * passed, and what the scan read — unknown facts shown as unknown (never as passed).
 */
export function FindingsStep() {
  const t = useT()
  const scan = useWizard((s) => s.scan)
  const pasted = useWizard((s) => s.pastedOutput)
  const snapshot = scan.phase === 'finished' ? scan.snapshot : null
  const findings = useMemo(() => (snapshot ? diagnose(snapshot, pasted.trim() === '' ? undefined : pasted) : []), [snapshot, pasted])
  // The same machine view the main process plans fixes from, for the fix badges on each card.
  const view = useMemo(() => (snapshot ? buildMachineView(snapshot) : null), [snapshot])
  if (snapshot === null) {
    return (
      <section className="step-page" aria-labelledby="findings-title">
        <h2 id="findings-title">{t('findings.title')}</h2>
        <p>{t('findings.empty')}</p>
      </section>
    )
  }
  return (
    <section className="step-page" aria-labelledby="findings-title">
      <h2 id="findings-title">{t('findings.title')}</h2>
      {findings.length === 0 ? (
        <p className="panel panel-safe" data-testid="no-findings">
          {t('findings.none')}
        </p>
      ) : (
        <div className="findings" data-testid="findings">
          {findings.map((finding) => (
            <FindingCard key={finding.id} finding={finding} {...(view ? { view } : {})} />
          ))}
        </div>
      )}
      <WslconfigView snapshot={snapshot} findings={findings} />
      <PassedChecks snapshot={snapshot} findings={findings} />
      <details className="facts-panel">
        <summary>{t('findings.facts')}</summary>
        <dl className="facts" data-testid="facts">
          {summarizeMachine(snapshot).map((item) => (
            <FactRow key={item.id} item={item} />
          ))}
        </dl>
      </details>
    </section>
  )
}

function FactRow({ item }: { readonly item: SummaryItem }) {
  const t = useT()
  const d = useDiagnosisText()
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
            {t('findings.unknown')}: {d(`reason.${value.reason}`)}
          </span>
        )}
        {value.kind === 'not-run' && <span className="unknown">{t('findings.unknown')}</span>}
      </dd>
    </div>
  )
}
