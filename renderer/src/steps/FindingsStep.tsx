import { useCurrentDiagnosis, effectivePaste } from '../state/current-findings'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { useDiagnosisText } from '../i18n/use-diagnosis-text'
import { useT } from '../i18n/use-t'
import { summarizeMachine, type SummaryItem } from '../facts/machine-summary'
import { useWizard } from '../state/store-context'
import { FindingCard } from './FindingCard'
import { StillChecking } from './findings/StillChecking'
import { HealthyNextSteps } from './findings/HealthyNextSteps'
import { VerdictLine } from './findings/VerdictLine'
import { PassedChecks } from './findings/PassedChecks'
import { WslconfigView } from './wslconfig/WslconfigView'
import { NetworkCheckTable } from './network-check/NetworkCheckTable'
import { RunNetworkCheck } from './network-check/RunNetworkCheck'
import { networkingStatus } from '../../../shared/diagnosis/networking-verdict'

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
  // A paste made stale by a fix no longer counts as an observed failure (state/current-findings.ts).
  const pasted = useWizard((s) => effectivePaste(s)) ?? ''
  // The one place findings are computed (state/current-findings.ts), with the view for the ladders.
  const current = useCurrentDiagnosis()
  const input = current?.input ?? null
  const snapshot = input?.snapshot ?? null
  const diagnosis = current?.diagnosis ?? null
  const view = current?.view ?? null
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
      {/* The answer in one line, once final: a cause, or "not enough to decide" plus the deciding check (issue 11 #4). */}
      {!stillRunning && findings.length > 0 && <VerdictLine findings={findings} observedFailure={pasted.trim() !== ''} context="scan" />}
      {findings.length === 0 ? (
        <>
          <p className={stillRunning ? 'panel' : 'panel panel-safe'} data-testid="no-findings">
            {stillRunning ? t('findings.pending') : t('findings.none')}
          </p>
          {!stillRunning && <HealthyNextSteps />}
        </>
      ) : (
        <div className="findings" data-testid="findings">
          {findings.map((finding) => (
            <FindingCard key={finding.id} finding={finding} waitingFor={waitingFor[finding.id] ?? []} {...(view ? { view } : {})} />
          ))}
        </div>
      )}
      {input.pending.has('wsl-network-check') ? (
        <p className="panel panel-pending" data-testid="network-check-running">
          {t('netcheck.running')}
        </p>
      ) : (
        <NetworkCheckTable snapshot={snapshot} {...(networkingStatus(snapshot).kind === 'not-checked' ? { action: <RunNetworkCheck /> } : {})} />
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
                {value.detail.map((line) => (typeof line === 'string' ? line : t(line.key, line.vars))).join('\n')}
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
