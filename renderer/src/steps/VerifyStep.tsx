import { useMemo } from 'react'
import { diagnose } from '../../../shared/diagnosis/diagnose'
import type { FindingId } from '../../../shared/diagnosis/finding-ids'
import { findFix } from '../../../shared/repair/catalog'
import { useDiagnosisText } from '../i18n/use-diagnosis-text'
import { useT } from '../i18n/use-t'
import { useWizard } from '../state/store-context'

interface Comparison {
  readonly fixId: string
  readonly resolved: readonly FindingId[]
  readonly remaining: readonly FindingId[]
}

/**
 * Before/after of the findings a fix addresses, from the probes re-run after it (or from the scan
 * after a restart). When the problem is still there, point at the next rung of the ladder.
 */
export function VerifyStep() {
  const t = useT()
  const d = useDiagnosisText()
  const fix = useWizard((s) => s.fix)
  const resume = useWizard((s) => s.resume)
  const scan = useWizard((s) => s.scan)
  const goTo = useWizard((s) => s.goTo)
  const closeFix = useWizard((s) => s.closeFix)
  const comparison = useMemo<Comparison | null>(() => {
    if (fix.phase === 'result' && fix.result.status === 'completed' && fix.result.verification) {
      return { fixId: fix.fixId, resolved: fix.result.verification.resolved, remaining: fix.result.verification.remaining }
    }
    if (resume?.rebooted && scan.phase === 'finished') {
      const addressed = new Set(findFix(resume.fixId)?.addresses ?? [])
      const after = diagnose(scan.snapshot).map((f) => f.id)
      return {
        fixId: resume.fixId,
        resolved: resume.findingsBefore.filter((id) => addressed.has(id) && !after.includes(id)),
        remaining: after.filter((id) => addressed.has(id)),
      }
    }
    return null
  }, [fix, resume, scan])
  return (
    <section className="step-page" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('verify.title')}</h2>
      {comparison === null ? (
        <p>{t('verify.none')}</p>
      ) : (
        <div className="panel" data-testid="verification">
          <h3>{d(`fix.${comparison.fixId}.title`)}</h3>
          {comparison.resolved.length > 0 && (
            <>
              <h4>{t('verify.resolved')}</h4>
              <ul data-testid="resolved">
                {comparison.resolved.map((id) => (
                  <li key={id} data-finding={id}>
                    ✓ {d(`finding.${id}.title`)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {comparison.remaining.length === 0 ? (
            <p className="result-ok" data-testid="verify-ok">
              {t('verify.allGood')}
            </p>
          ) : (
            <>
              <h4>{t('verify.remaining')}</h4>
              <ul data-testid="remaining">
                {comparison.remaining.map((id) => (
                  <li key={id} data-finding={id}>
                    {d(`finding.${id}.title`)}
                  </li>
                ))}
              </ul>
              <p>{t('verify.nextRung')}</p>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  closeFix()
                  goTo('fix')
                }}
                data-testid="next-rung"
              >
                {t('fix.back')}
              </button>
            </>
          )}
        </div>
      )}
    </section>
  )
}
