import { useMemo } from 'react'
import { diagnoseProgress } from '../../../shared/diagnosis/diagnose'
import { buildMachineView } from '../../../shared/diagnosis/machine-view'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { useDiagnosisText } from '../i18n/use-diagnosis-text'
import { useT } from '../i18n/use-t'
import { summarizeMachine, type SummaryItem } from '../facts/machine-summary'
import { findingsInput } from '../state/scan-findings'
import { useWizard } from '../state/store-context'
import { FindingCard } from './FindingCard'
import { StillChecking } from './findings/StillChecking'
import { PassedChecks } from './findings/PassedChecks'
import { WslconfigView } from './wslconfig/WslconfigView'

/**
 * Findings, most serious first, computed by the same pure rules as `npm run diagnose` from the
 * scan's snapshot and anything the user pasted; then `.wslconfig` as WSL reads it, the checks that
 * passed, and what the scan read — unknown facts shown as unknown (never as passed).
 *
 * While the scan still runs, the findings of the facts answered so far: each one whose rule waits
 * for a probe still running says so, its area is "still checking", and the slow probes are listed.
 */
export function FindingsStep() {
  const t = useT()
  const scan = useWizard((s) => s.scan)
  const pasted = useWizard((s) => s.pastedOutput)
  const input = useMemo(() => findingsInput(scan), [scan])
  const snapshot = input?.snapshot ?? null
  const pending = input?.pending
  const diagnosis = useMemo(
    () => (snapshot && pending ? diagnoseProgress(snapshot, pending, pasted.trim() === '' ? undefined : pasted) : null),
    [snapshot, pending, pasted],
  )
  // The same machine view the main process plans fixes from, for the fix badges on each card.
  const view = useMemo(() => (snapshot ? buildMachineView(snapshot, undefined, pending) : null), [snapshot, pending])
  if (input === null || snapshot === null || diagnosis === null) {
    return (
      <section className="step-page" aria-labelledby="findings-title">
        <h2 id="findings-title">{t('findings.title')}</h2>
        <p>{t('findings.empty')}</p>
      </section>
    )
  }
  const { findings, waitingFor } = diagnosis
  const stillRunning = input.pending.size > 0
  return (
    <section className="step-page" aria-labelledby="findings-title" aria-busy={stillRunning} data-scan-complete={!stillRunning}>
      <h2 id="findings-title">{t('findings.title')}</h2>
      {stillRunning && <StillChecking pending={input.readiness.pending} probes={input.probes} />}
      {findings.length === 0 ? (
        <p className={stillRunning ? 'panel' : 'panel panel-safe'} data-testid="no-findings">
          {stillRunning ? t('findings.pending') : t('findings.none')}
        </p>
      ) : (
        <div className="findings" data-testid="findings">
          {findings.map((finding) => (
            <FindingCard key={finding.id} finding={finding} waitingFor={waitingFor[finding.id] ?? []} {...(view ? { view } : {})} />
          ))}
        </div>
      )}
      {!input.pending.has('wslconfig-file') && <WslconfigView snapshot={snapshot} findings={findings} />}
      <PassedChecks snapshot={snapshot} findings={findings} pending={input.pending} />
      <details className="facts-panel">
        <summary>{t('findings.facts')}</summary>
        <dl className="facts" data-testid="facts">
          {summarizeMachine(snapshot).map((item) => (
            <FactRow key={item.id} item={item} pending={input.pending} />
          ))}
        </dl>
      </details>
    </section>
  )
}

function FactRow({ item, pending }: { readonly item: SummaryItem; readonly pending: ReadonlySet<ProbeId> }) {
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
        {value.kind === 'not-run' && <span className="unknown">{pending.has(item.probe) ? t('findings.pending') : t('findings.unknown')}</span>}
      </dd>
    </div>
  )
}
