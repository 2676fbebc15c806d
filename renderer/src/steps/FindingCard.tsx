import type { Finding } from '../../../shared/diagnosis/finding'
import type { MachineView } from '../../../shared/diagnosis/machine-view'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { fixLadder } from '../../../shared/repair/ladder'
import { FixLadder, FixThisButton } from './fix/FixLadder'
import { useOnPurpose } from '../state/verify-state'
import { useDiagnosisText } from '../i18n/use-diagnosis-text'
import { useT } from '../i18n/use-t'

/**
 * One finding: a one-sentence diagnosis, its severity and confidence (the knowledge base's own
 * certainty), the facts it rests on, what WSL itself printed, what is still unknown, and the fix
 * ladder on this PC — only the rungs that fit, one recommended — with "Fix this" leading straight to
 * the recommended rung's confirm screen. A finding a multi-part fix caused on purpose (VMP off
 * between its restarts) says so instead of offering fixes.
 */
export function FindingCard({
  finding,
  view,
  waitingFor = [],
}: {
  readonly finding: Finding
  readonly view?: MachineView
  /** Probes of a running scan this finding's rule still needs: shown as "still checking", not final. */
  readonly waitingFor?: readonly ProbeId[]
}) {
  const t = useT()
  const d = useDiagnosisText()
  const titleId = `finding-${finding.id}-title`
  const onPurpose = useOnPurpose()(finding.id)
  const rungs = view ? fixLadder(finding, view) : null
  return (
    <article
      className={`finding finding-${finding.severity}`}
      aria-labelledby={titleId}
      data-testid={`finding-${finding.id}`}
      data-final={waitingFor.length === 0}
    >
      <header className="finding-header">
        <span className={`badge badge-${finding.severity}`}>{d(`severity.${finding.severity}`)}</span>
        <span className={`badge badge-confidence badge-${finding.confidence}`}>{d(`confidence.${finding.confidence}`)}</span>
        <h3 id={titleId}>{d(`finding.${finding.id}.title`, finding.args)}</h3>
      </header>
      {waitingFor.length > 0 && (
        <p className="finding-pending" data-testid="waiting-for">
          {t('findings.waitingFor', { probes: waitingFor.map((probe) => d(`probe.${probe}`)).join(t('list.separator')) })}
        </p>
      )}
      <p className="finding-summary">{d(`finding.${finding.id}.summary`, finding.args)}</p>
      {onPurpose !== null ? (
        <p className="panel panel-safe" data-testid="on-purpose">
          {t('ladder.onPurpose', { part: onPurpose.part, fix: d(`fix.${onPurpose.fixId}.title`) })}
        </p>
      ) : (
        rungs !== null && waitingFor.length === 0 && <FixThisButton finding={finding} rungs={rungs} />
      )}
      {finding.evidence.length > 0 && (
        <section aria-label={t('findings.evidence')}>
          <h4>{t('findings.evidence')}</h4>
          <ul className="evidence" data-testid="evidence">
            {finding.evidence.map((e, i) => (
              <li key={i}>{d(e.key, e.args)}</li>
            ))}
          </ul>
        </section>
      )}
      {finding.wslSaid.length > 0 && (
        <section aria-label={t('findings.wslSaid')}>
          <h4>{t('findings.wslSaid')}</h4>
          <pre className="output" data-testid="wsl-said">
            {finding.wslSaid.join('\n')}
          </pre>
        </section>
      )}
      {finding.unknowns.length > 0 && (
        <section aria-label={t('findings.unknowns')}>
          <h4>{t('findings.unknowns')}</h4>
          <ul className="unknowns">
            {finding.unknowns.map((u, i) => (
              <li key={i}>{d(u.key, { ...u.args, reason: typeof u.args['reason'] === 'string' ? d(`reason.${u.args['reason']}`) : '' })}</li>
            ))}
          </ul>
        </section>
      )}
      {onPurpose === null && (
        <section aria-label={t('findings.fixes')}>
          <h4>{t('findings.fixes')}</h4>
          {rungs !== null && view ? (
            <FixLadder finding={finding} rungs={rungs} view={view} review={false} />
          ) : (
            <ol className="fixes" data-testid="fixes">
              {finding.fixes.map((fix) => (
                <li key={fix} data-fix={fix}>
                  <strong>{d(`fix.${fix}.title`)}</strong> — {d(`fix.${fix}.how`)}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <details className="finding-why">
        <summary>{t('findings.why')}</summary>
        <p>{d(`finding.${finding.id}.why`, finding.args)}</p>
        <p className="muted">{t('findings.findingId', { id: finding.id })}</p>
      </details>
    </article>
  )
}
