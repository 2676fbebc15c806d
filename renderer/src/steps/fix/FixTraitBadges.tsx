import { useT } from '../../i18n/use-t'
import type { FixTraits } from './fix-traits'
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
  const reversible = traits.reversibility === 'self-healing' ? 'selfHealing' : traits.reversibility
  return (
    <span className="fix-trait-badges" data-testid="fix-traits">
      {traits.needsAdmin && (
        <span className="fix-badge fix-badge-admin">
          <UacShield />
          {t('fix.badge.admin')}
        </span>
      )}
      {traits.reboots > 0 && <span className="fix-badge fix-badge-warn">{t('fix.badge.reboot', { count: traits.reboots })}</span>}
      {traits.stopsWsl && <span className="fix-badge fix-badge-warn">{t('fix.badge.stopsWsl')}</span>}
      <span className="fix-badge">{t(`fix.badge.${reversible}`)}</span>
    </span>
  )
}
