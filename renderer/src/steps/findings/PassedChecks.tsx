import { useMemo } from 'react'
import type { Finding } from '../../../../shared/diagnosis/finding'
import type { MachineSnapshot } from '../../../../shared/machine/snapshot'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import type { ProbeId } from '../../../../shared/probes/probe-ids'
import { checkResults } from './passed-checks'

const NONE_PENDING: ReadonlySet<ProbeId> = new Set()
import './passed-checks.css'

/**
 * Healthy areas collapse into "Passed checks"; areas whose facts could not be read go to "Not
 * checked" with the reason, so an unknown is never presented as passed.
 */
export function PassedChecks({
  snapshot,
  findings,
  pending = NONE_PENDING,
}: {
  readonly snapshot: MachineSnapshot
  readonly findings: readonly Finding[]
  /** Probes of a running scan still to answer: their areas are "still checking", never passed. */
  readonly pending?: ReadonlySet<ProbeId>
}) {
  const t = useT()
  const d = useDiagnosisText()
  const results = useMemo(
    () =>
      checkResults(
        snapshot,
        findings.map((f) => f.id),
        pending,
      ),
    [snapshot, findings, pending],
  )
  return (
    <>
      {results.stillChecking.length > 0 && (
        <details className="checks-panel" data-testid="still-checking-areas" open>
          <summary>{t('checks.stillChecking', { count: results.stillChecking.length })}</summary>
          <p className="muted">{t('checks.stillCheckingIntro')}</p>
          <ul className="checks-list checks-unknown">
            {results.stillChecking.map(({ area, probes }) => (
              <li key={area.id} data-area={area.id}>
                {t(`checks.area.${area.id}`)}
                <ul className="checks-reasons">
                  {probes.map((probe) => (
                    <li key={probe} className="muted">
                      {t('checks.probeReason', { probe: d(`probe.${probe}`), reason: d('reason.pending') })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      )}
      <details className="checks-panel" data-testid="passed-checks">
        <summary>{t('checks.passed', { count: results.passed.length })}</summary>
        <p className="muted">{t('checks.passedIntro')}</p>
        <ul className="checks-list checks-passed">
          {results.passed.map((area) => (
            <li key={area.id} data-area={area.id}>
              {t(`checks.area.${area.id}`)}
            </li>
          ))}
        </ul>
      </details>
      {results.notChecked.length > 0 && (
        <details className="checks-panel" data-testid="not-checked">
          <summary>{t('checks.notChecked', { count: results.notChecked.length })}</summary>
          <p className="muted">{t('checks.notCheckedIntro')}</p>
          <ul className="checks-list checks-unknown">
            {results.notChecked.map(({ area, unknown }) => (
              <li key={area.id} data-area={area.id}>
                {t(`checks.area.${area.id}`)}
                <ul className="checks-reasons">
                  {unknown.map((u) => (
                    <li key={u.probe} className="muted">
                      {t('checks.probeReason', { probe: d(`probe.${u.probe}`), reason: d(`reason.${u.reason}`) })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  )
}
