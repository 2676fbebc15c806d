import { fixLadder } from '../../../../shared/repair/ladder'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { useCurrentDiagnosis } from '../../state/current-findings'
import { isOpenedSnapshot } from '../../state/report-actions'
import { useWizard } from '../../state/store-context'
import { useOnPurpose } from '../../state/verify-state'
import { FixLadder } from './FixLadder'

/**
 * Fixes for the current findings (the same findings as the Findings step), most relevant finding
 * first, each with its ladder on this PC: only rungs that fit, the recommended one marked. Rungs
 * the app applies get a "Review" button (plan → confirm); the rest are guidance.
 */
export function FixChooser() {
  const t = useT()
  const d = useDiagnosisText()
  const scan = useWizard((s) => s.scan)
  const current = useCurrentDiagnosis()
  const onPurpose = useOnPurpose()
  const snapshot = scan.phase === 'finished' ? scan.snapshot : null
  if (snapshot === null || current === null) return <p>{t('fix.noScan')}</p>
  // A snapshot opened from a file describes another PC (or an earlier state): fixes are planned
  // only from a scan of this PC, so offer none until it is scanned.
  if (isOpenedSnapshot(snapshot))
    return (
      <p className="panel panel-warn" data-testid="fix-opened-snapshot">
        {t('fix.openedSnapshot')}
      </p>
    )
  // Findings a running fix caused on purpose are not problems to fix (its next part undoes them).
  const findings = current.diagnosis.findings.filter((f) => (f.severity !== 'info' || f.fixes.length > 0) && onPurpose(f.id) === null)
  if (findings.length === 0) return <p data-testid="nothing-to-fix">{t('fix.nothingToFix')}</p>
  return (
    <div className="fix-chooser" data-testid="fix-chooser">
      {findings.map((finding) => (
        <section key={finding.id} className="panel" aria-label={d(`finding.${finding.id}.title`, finding.args)}>
          <h3>{t('fix.forFinding', { title: d(`finding.${finding.id}.title`, finding.args) })}</h3>
          <FixLadder finding={finding} rungs={fixLadder(finding, current.view)} view={current.view} review />
        </section>
      ))}
    </div>
  )
}
