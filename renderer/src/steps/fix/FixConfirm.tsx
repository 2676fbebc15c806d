import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'
import type { FixState } from '../../state/wizard-store'
import { FileDiff } from './FileDiff'
import { FixBadges } from './FixBadges'
import { UacShield } from './UacShield'

/** The confirm screen: exactly what will run, its side effects, and the file diff. */
export function FixConfirm({ fix }: { readonly fix: Extract<FixState, { phase: 'confirm' }> }) {
  const t = useT()
  const d = useDiagnosisText()
  const applyFix = useWizard((s) => s.applyFix)
  const planFix = useWizard((s) => s.planFix)
  const scan = useWizard((s) => s.scan)
  const closeFix = useWizard((s) => s.closeFix)
  const { plan } = fix
  const phase = plan.phases[fix.planPhase]
  const hasElevated = phase?.steps.some((s) => s.elevated) ?? false
  // A fix that acts on one distribution (WSL 1 fallback) lets the user choose which; the main
  // process re-plans and only accepts names the scan listed.
  const chosen = phase?.steps.map((s) => s.input['distro']).find((d): d is string => typeof d === 'string')
  const registry = scan.phase === 'finished' ? scan.snapshot.facts['wsl-install'] : undefined
  const distros = registry?.status === 'known' ? registry.data.registryDistros.map((d) => d.name) : []
  return (
    <section className="panel fix-confirm" aria-labelledby="fix-confirm-title" data-testid="fix-confirm">
      <h3 id="fix-confirm-title">{d(`fix.${fix.fixId}.title`)}</h3>
      <p>{d(`fix.${fix.fixId}.how`)}</p>
      <FixBadges plan={plan} />
      {plan.phases.length > 1 && <p className="muted">{t('fix.confirm.phase', { current: fix.planPhase + 1, total: plan.phases.length })}</p>}
      {chosen !== undefined && distros.length > 1 && (
        <label className="distro-choice">
          {t('fix.confirm.distro')}{' '}
          <select value={chosen} onChange={(event) => void planFix(fix.fixId, { ...fix.options, distro: event.target.value }, fix.planPhase)} data-testid="distro-select">
            {distros.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <h4>{t('fix.confirm.heading')}</h4>
      <ol className="fix-steps" data-testid="fix-steps">
        {(phase?.steps ?? []).map((step, index) => (
          <li key={index} data-script={step.script}>
            <span className="fix-step-text">
              {step.elevated && <UacShield />} {d(step.describe.key, step.describe.args)}
            </span>
            <code className="fix-command" aria-label={t('fix.confirm.command')}>
              {step.command}
            </code>
          </li>
        ))}
      </ol>
      {plan.restorePoint && <p>{t('fix.confirm.restorePoint')}</p>}
      {!plan.restorePoint && plan.needsAdmin && fix.options.skipRestorePoint === true && (
        <p className="warning" data-testid="no-restore-point">{t('fix.confirm.noRestorePoint')}</p>
      )}
      {plan.stopsDistros && plan.runningDistros.length > 0 && <p>{t('fix.confirm.distros', { names: plan.runningDistros.join(', ') })}</p>}
      {plan.affects.length > 0 && (
        <>
          <h4>{t('fix.confirm.affects')}</h4>
          <ul>
            {plan.affects.map((affect) => (
              <li key={affect}>{d(`affect.${affect}`)}</li>
            ))}
          </ul>
        </>
      )}
      {'key' in plan.reversibility && <p className="muted">{d(plan.reversibility.key)}</p>}
      {plan.fileChange && <FileDiff {...plan.fileChange} />}
      {hasElevated && <p className="muted">{t('fix.confirm.uacNote')}</p>}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void applyFix()} data-testid="apply-fix">
          {hasElevated && <UacShield />} {t('fix.apply')}
        </button>
        <button type="button" onClick={closeFix}>
          {t('fix.cancel')}
        </button>
      </div>
    </section>
  )
}
