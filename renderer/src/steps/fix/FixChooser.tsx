import { useMemo } from 'react'
import { diagnose } from '../../../../shared/diagnosis/diagnose'
import type { Finding } from '../../../../shared/diagnosis/finding'
import { findFix } from '../../../../shared/repair/catalog'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { isOpenedSnapshot } from '../../state/report-actions'
import { useWizard } from '../../state/store-context'

/**
 * Fixes for the current findings, most serious finding first, each finding's ladder lightest
 * first. Fixes the app can apply get a "Review" button (plan → confirm); the rest are guidance.
 */
export function FixChooser() {
  const t = useT()
  const d = useDiagnosisText()
  const scan = useWizard((s) => s.scan)
  const pasted = useWizard((s) => s.pastedOutput)
  const planFix = useWizard((s) => s.planFix)
  const snapshot = scan.phase === 'finished' ? scan.snapshot : null
  const findings = useMemo<Finding[]>(() => (snapshot ? diagnose(snapshot, pasted.trim() === '' ? undefined : pasted).filter((f) => f.severity !== 'info' || f.fixes.length > 0) : []), [snapshot, pasted])
  if (snapshot === null) return <p>{t('fix.noScan')}</p>
  // A snapshot opened from a file describes another PC (or an earlier state): fixes are planned
  // only from a scan of this PC, so offer none until it is scanned.
  if (isOpenedSnapshot(snapshot)) return <p className="panel panel-warn" data-testid="fix-opened-snapshot">{t('fix.openedSnapshot')}</p>
  if (findings.length === 0) return <p data-testid="nothing-to-fix">{t('fix.nothingToFix')}</p>
  return (
    <div className="fix-chooser" data-testid="fix-chooser">
      {findings.map((finding) => (
        <section key={finding.id} className="panel" aria-label={d(`finding.${finding.id}.title`, finding.args)}>
          <h3>{t('fix.forFinding', { title: d(`finding.${finding.id}.title`, finding.args) })}</h3>
          <ol className="fix-ladder">
            {finding.fixes.map((fixId) => (
              <li key={fixId} data-fix={fixId}>
                <strong>{d(`fix.${fixId}.title`)}</strong> — {d(`fix.${fixId}.how`)}{' '}
                {findFix(fixId) ? (
                  <button type="button" onClick={() => void planFix(fixId)} data-testid={`review-${finding.id}-${fixId}`}>
                    {t('fix.review')}
                  </button>
                ) : (
                  <span className="badge badge-confidence">{t('fix.guidanceLabel')}</span>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  )
}
