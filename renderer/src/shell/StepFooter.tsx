import { nextStep, previousStep } from '../../../shared/wizard/steps'
import { useT } from '../i18n/use-t'
import { useWizard } from '../state/store-context'

/** Back / Next between steps, for keyboard users as much as for mouse users. */
export function StepFooter() {
  const t = useT()
  const step = useWizard((s) => s.step)
  const goTo = useWizard((s) => s.goTo)
  const back = previousStep(step)
  const next = nextStep(step)
  return (
    <footer className="step-footer">
      <button type="button" disabled={back === null} onClick={() => back && goTo(back)} data-testid="nav-back">
        {t('nav.back')}
      </button>
      <button type="button" disabled={next === null} onClick={() => next && goTo(next)} data-testid="nav-next">
        {t('nav.next')}
      </button>
    </footer>
  )
}
