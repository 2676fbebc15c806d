import { useT } from '../../i18n/use-t'
import { reversibilityBadgeKey, type FixTraits } from './fix-traits'
import { UacShield } from './UacShield'

/** Compact badges for a recommended fix: UAC shield, restarts, stops WSL, reversibility. */
export function FixTraitBadges({ traits }: { readonly traits: FixTraits }) {
  const t = useT()
  if (traits.kind === 'guidance')
    return (
      <span className="fix-trait-badges" data-testid="fix-traits">
        <span className="fix-badge">{t('fix.guidanceLabel')}</span>
      </span>
    )
  if (traits.kind === 'unavailable') return null
  const { plan } = traits
  return (
    <span className="fix-trait-badges" data-testid="fix-traits">
      {plan.needsAdmin && (
        <span className="fix-badge fix-badge-admin">
          <UacShield />
          {t('fix.badge.admin')}
        </span>
      )}
      {plan.reboots > 0 && <span className="fix-badge fix-badge-warn">{t('fix.badge.reboot', { count: plan.reboots })}</span>}
      {plan.stopsDistros && <span className="fix-badge fix-badge-warn">{t('fix.badge.stopsWsl')}</span>}
      <span className="fix-badge">{t(reversibilityBadgeKey(plan.reversibility.kind))}</span>
    </span>
  )
}
