import { decidingCheck, type EvidenceContext } from '../../../../shared/diagnosis/deciding-check'
import type { Finding } from '../../../../shared/diagnosis/finding'
import { verdictOf } from '../../../../shared/diagnosis/finding-kind'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import './verdict.css'

/**
 * The answer in one line (issue 11 #4): the cause; or "not enough to decide" plus the one check
 * that decides (in the wizard the probe to run, for pasted text what to ask for); or no fault.
 * `observedFailure`: the user pasted an error or the scan saw one.
 */
export function VerdictLine({
  findings,
  observedFailure,
  context,
}: {
  readonly findings: readonly Finding[]
  readonly observedFailure: boolean
  readonly context: EvidenceContext
}) {
  const d = useDiagnosisText()
  const verdict = verdictOf(findings, observedFailure)
  switch (verdict.kind) {
    case 'cause':
      return (
        <p className="panel panel-error verdict" data-testid="verdict" data-verdict="cause">
          {d('verdict.cause', { title: d(`finding.${verdict.finding.id}.title`, verdict.finding.args) })}
        </p>
      )
    case 'no-fault':
      return (
        <p className="panel panel-safe verdict" data-testid="verdict" data-verdict="no-fault">
          {d('verdict.noFault')}
        </p>
      )
    case 'undecided': {
      const check = decidingCheck(verdict, context)
      return (
        <div className="panel panel-warn verdict" data-testid="verdict" data-verdict="undecided">
          <p>
            <strong>{d('verdict.undecided')}</strong>
          </p>
          {check?.kind === 'run' && (
            <p data-testid="deciding-check" data-probe={check.probe}>
              {d('verdict.runCheck', { probe: d(`probe.${check.probe}`) })}
            </p>
          )}
          {check?.kind === 'ask' && (
            <p data-testid="deciding-check" data-probe={check.probe}>
              {d('verdict.ask', { ask: d(check.ask) })}
            </p>
          )}
          {check?.kind === 'look' && <p data-testid="deciding-check">{d(check.unknown.key, check.unknown.args)}</p>}
        </div>
      )
    }
  }
}
