import { useCallback, useEffect, useRef } from 'react'
import { confirmNotes } from '../../../../shared/repair/confirm-notes'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { ExternalLink } from '../../shell/ExternalLink'
import { focusHeading, focusHeadingWhenShown } from '../../shell/focus-heading'
import { useWizard, useWizardStore } from '../../state/store-context'
import type { FixState } from '../../state/wizard-store'
import { FileDiff } from './FileDiff'
import { FixBadges } from './FixBadges'
import { UacShield } from './UacShield'
import { UndoText } from './UndoText'

/** `shutdown.exe` as the restart controller runs it (electron/repair/windows-restart-controller.ts). */
const RESTART_COMMAND = 'shutdown.exe /r /t 5'

/**
 * The confirm screen: exactly what will run, what it changes for the user, its side effects, how
 * to undo it and the file diff. Nothing on it is empty: a restart-only fix lists the restart
 * itself, and its button says "Restart now". Focus starts on its title; Esc cancels.
 */
export function FixConfirm({ fix }: { readonly fix: Extract<FixState, { phase: 'confirm' }> }) {
  const t = useT()
  const d = useDiagnosisText()
  const store = useWizardStore()
  const applyFix = useWizard((s) => s.applyFix)
  const restartWindows = useWizard((s) => s.restartWindows)
  const planFix = useWizard((s) => s.planFix)
  const scan = useWizard((s) => s.scan)
  const closeFix = useWizard((s) => s.closeFix)
  const title = useRef<HTMLHeadingElement>(null)
  const { plan } = fix
  const phase = plan.phases[fix.planPhase]
  const steps = phase?.steps ?? []
  const hasElevated = steps.some((s) => s.elevated)
  const restarts = phase?.rebootAfter === true
  // Nothing to run but the restart (the "Restart Windows" fix): the button restarts.
  const restartOnly = restarts && steps.length === 0
  // A fix that acts on one distribution (WSL 1 fallback) lets the user choose which; the main
  // process re-plans and only accepts names the scan listed.
  const chosen = steps.map((s) => s.input['distro']).find((d): d is string => typeof d === 'string')
  const registry = scan.phase === 'finished' ? scan.snapshot.facts['wsl-install'] : undefined
  const distros = registry?.status === 'known' ? registry.data.registryDistros.map((d) => d.name) : []
  const notes = confirmNotes(fix.fixId)

  const cancel = useCallback(() => {
    closeFix()
    // Back on the list: focus its heading, not the page body the confirm screen leaves behind.
    focusHeadingWhenShown(document.body, '#fix-title')
  }, [closeFix])

  useEffect(() => {
    if (title.current) focusHeading(title.current)
  }, [])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) {
        event.preventDefault()
        cancel()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [cancel])

  const apply = async () => {
    if (!restartOnly) return applyFix()
    // "Restart now" means now: the result screen's own restart button shows "Restarting…" from the
    // start instead of offering a second click, and goes back to idle if the fix did not complete.
    store.setState({ restartStatus: 'restarting' })
    await applyFix()
    const after = store.getState().fix
    if (after.phase === 'result' && after.result.status === 'completed' && after.result.rebootRequired) await restartWindows()
    else store.setState({ restartStatus: 'idle' })
  }

  return (
    <section className="panel fix-confirm" aria-labelledby="fix-confirm-title" data-testid="fix-confirm">
      <h3 id="fix-confirm-title" ref={title}>
        {d(`fix.${fix.fixId}.title`)}
      </h3>
      <p>{d(`fix.${fix.fixId}.how`)}</p>
      <FixBadges plan={plan} />
      {plan.phases.length > 1 && <p className="muted">{t('fix.confirm.phase', { current: fix.planPhase + 1, total: plan.phases.length })}</p>}
      {chosen !== undefined && distros.length > 1 && (
        <label className="distro-choice">
          {t('fix.confirm.distro')}{' '}
          <select
            value={chosen}
            onChange={(event) => void planFix(fix.fixId, { ...fix.options, distro: event.target.value }, fix.planPhase)}
            data-testid="distro-select"
          >
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
        {steps.map((step, index) => (
          <li key={index} data-script={step.script}>
            <span className="fix-step-text">
              {step.elevated && <UacShield />} {d(step.describe.key, step.describe.args)}
            </span>
            <code className="fix-command" aria-label={t('fix.confirm.command')}>
              {step.command}
            </code>
          </li>
        ))}
        {restarts && (
          <li data-script="restart" data-testid="fix-step-restart">
            <span className="fix-step-text">{t(restartOnly ? 'fix.confirm.restartOnly' : 'fix.confirm.restartStep')}</span>
            <code className="fix-command" aria-label={t('fix.confirm.command')}>
              {RESTART_COMMAND}
            </code>
          </li>
        )}
      </ol>
      {restarts && (
        <p className="warning" data-testid="save-work">
          {t('fix.confirm.saveWork')}
        </p>
      )}
      {notes.length > 0 && (
        <>
          <h4>{t('fix.confirm.changesForYou')}</h4>
          {notes.map((note) => (
            <p key={note.key} data-testid={`confirm-note-${note.key}`}>
              {d(note.key)} {note.link && <ExternalLink id={note.link} />}
            </p>
          ))}
        </>
      )}
      {plan.restorePoint && <p>{t('fix.confirm.restorePoint')}</p>}
      {!plan.restorePoint && plan.needsAdmin && fix.options.skipRestorePoint === true && (
        <p className="warning" data-testid="no-restore-point">
          {t('fix.confirm.noRestorePoint')}
        </p>
      )}
      {plan.stopsDistros && plan.runningDistros.length > 0 && <p>{t('fix.confirm.distros', { names: plan.runningDistros })}</p>}
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
      <h4>{t('fix.confirm.undoHeading')}</h4>
      <UndoText plan={plan} />
      {plan.fileChange && <FileDiff {...plan.fileChange} />}
      {hasElevated && <p className="muted">{t('fix.confirm.uacNote')}</p>}
      <div className="actions actions-sticky">
        <button type="button" className="primary" onClick={() => void apply()} data-testid="apply-fix">
          {hasElevated && <UacShield />} {t(restartOnly ? 'fix.result.restartNow' : 'fix.apply')}
        </button>
        <button type="button" onClick={cancel} data-testid="cancel-fix" aria-keyshortcuts="Escape">
          {t('fix.cancel')}
        </button>
      </div>
    </section>
  )
}
