import type { FixId } from '../../../../shared/diagnosis/fix-ids'
import { guidanceFor } from '../../../../shared/repair/guidance'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { ExternalLink } from '../../shell/ExternalLink'

/**
 * For a fix the user does by hand: the Settings page or Microsoft page to open, and the exact
 * steps when the fix's one-line text is not already them. No "do this yourself" is a dead end.
 */
export function GuidanceHelp({ fixId }: { readonly fixId: FixId }) {
  const t = useT()
  const d = useDiagnosisText()
  const guidance = guidanceFor(fixId)
  if (guidance === undefined) return null
  return (
    <span className="guidance-help" data-testid={`guidance-${fixId}`}>
      {guidance.steps === 'guide' && (
        <span className="guidance-steps">
          <strong>{t('fix.guidanceSteps')}</strong> {d(`guide.${fixId}`)}
        </span>
      )}
      {guidance.link && <ExternalLink id={guidance.link} />}
    </span>
  )
}
