import { useT } from '../../i18n/use-t'
import type { FixState } from '../../state/wizard-store'
import { reversibilityBadgeKey } from './fix-traits'
import { UacShield } from './UacShield'

type Plan = Extract<FixState, { phase: 'confirm' }>['plan']

/** Admin shield, restarts, stops WSL, reversibility: what a user must know before agreeing. */
export function FixBadges({ plan }: { readonly plan: Plan }) {
  const t = useT()
  return (
    <ul className="fix-badges" data-testid="fix-badges">
      <li className={plan.needsAdmin ? 'fix-badge fix-badge-admin' : 'fix-badge'} data-badge="admin">
        {plan.needsAdmin && <UacShield />}
        {plan.needsAdmin ? t('fix.badge.admin') : t('fix.badge.noAdmin')}
      </li>
      <li className={plan.reboots > 0 ? 'fix-badge fix-badge-warn' : 'fix-badge'} data-badge="reboot">
        {plan.reboots > 0 ? t('fix.badge.reboot', { count: plan.reboots }) : t('fix.badge.noReboot')}
      </li>
      {plan.stopsDistros && (
        <li className="fix-badge fix-badge-warn" data-badge="stops-wsl">
          {t('fix.badge.stopsWsl')}
        </li>
      )}
      <li className="fix-badge" data-badge="reversible">
        {t(reversibilityBadgeKey(plan.reversibility.kind))}
      </li>
    </ul>
  )
}
