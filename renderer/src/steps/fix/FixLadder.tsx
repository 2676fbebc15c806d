import type { Finding } from '../../../../shared/diagnosis/finding'
import type { MachineView } from '../../../../shared/diagnosis/machine-view'
import type { Rung } from '../../../../shared/repair/ladder'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'
import { fixTraits } from './fix-traits'
import { FixTraitBadges } from './FixTraitBadges'
import { GuidanceHelp } from './GuidanceHelp'

/**
 * A finding's fix ladder on this PC (`shared/repair/ladder.ts`): only rungs that fit, best first,
 * one marked "Recommended". With `review`, rungs the app applies get a button to their confirm
 * screen (the Fix step); without, the ladder is read-only (the Findings card).
 */
export function FixLadder({
  finding,
  rungs,
  view,
  review,
}: {
  readonly finding: Finding
  readonly rungs: readonly Rung[]
  readonly view: MachineView
  readonly review: boolean
}) {
  const t = useT()
  const d = useDiagnosisText()
  const planFix = useWizard((s) => s.planFix)
  if (rungs.length === 0)
    return (
      <p className="muted" data-testid="ladder-empty">
        {t('ladder.none')}
      </p>
    )
  return (
    <ol className="fix-ladder fixes" data-testid="fixes">
      {rungs.map((rung) => (
        <li
          key={rung.fixId}
          data-fix={rung.fixId}
          data-fit={rung.fit}
          data-recommended={rung.recommended}
          className={rung.recommended ? 'rung-recommended' : undefined}
        >
          {rung.recommended && (
            <span className="badge badge-recommended" data-testid="recommended">
              {t('ladder.recommended')}
            </span>
          )}{' '}
          <strong>{d(`fix.${rung.fixId}.title`)}</strong> — {d(`fix.${rung.fixId}.how`)}{' '}
          <span className="badge badge-confidence">{t(`ladder.fit.${rung.fit}`)}</span> <FixTraitBadges traits={fixTraits(rung.fixId, view)} />
          {rung.offer.kind === 'unknown' && (
            <span className="muted">
              {' '}
              {t('ladder.cannotTell')} {d(rung.offer.reason.key, rung.offer.reason.args)}
            </span>
          )}
          {rung.offer.kind === 'managed' && (
            <span className="muted" data-testid={`managed-${rung.fixId}`}>
              {' '}
              {d(rung.offer.reason.key, rung.offer.reason.args)}
            </span>
          )}
          {/* A rung done by hand: its Settings page or exact steps (GuidanceHelp, shared/repair/guidance.ts). */}
          {(rung.offer.kind === 'guidance' || rung.offer.kind === 'unknown') && <GuidanceHelp fixId={rung.fixId} />}
          {review && rung.offer.kind === 'app' && (
            <>
              {' '}
              <button type="button" onClick={() => void planFix(rung.fixId)} data-testid={`review-${finding.id}-${rung.fixId}`}>
                {t('fix.review')}
              </button>
            </>
          )}
        </li>
      ))}
    </ol>
  )
}

/** "Fix this": straight to the recommended rung's confirm screen (only when the app can apply it). */
export function FixThisButton({ finding, rungs }: { readonly finding: Finding; readonly rungs: readonly Rung[] }) {
  const t = useT()
  const planFix = useWizard((s) => s.planFix)
  const rung = rungs.find((r) => r.recommended)
  if (!rung || rung.offer.kind !== 'app') return null
  return (
    <div className="actions">
      <button
        type="button"
        className="primary"
        onClick={() => void planFix(rung.fixId)}
        data-testid={`fix-this-${finding.id}`}
        data-fix={rung.fixId}
        title={t('ladder.fixThisHint')}
      >
        {t('ladder.fixThis')}
      </button>
    </div>
  )
}
