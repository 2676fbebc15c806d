import { WIZARD_STEPS, stepNumber } from '../../../shared/wizard/steps'
import { useT } from '../i18n/use-t'
import { useWizard } from '../state/store-context'

/** The step list: where the user is, and a way to go back to any step. */
export function StepNav() {
  const t = useT()
  const step = useWizard((s) => s.step)
  const goTo = useWizard((s) => s.goTo)
  return (
    <nav className="steps" aria-label={t('steps.label')}>
      <ol>
        {WIZARD_STEPS.map((id) => (
          <li key={id}>
            <button
              type="button"
              className={id === step ? 'step step-current' : 'step'}
              aria-current={id === step ? 'step' : undefined}
              onClick={() => goTo(id)}
              data-testid={`step-${id}`}
            >
              <span className="step-number" aria-hidden="true">
                {stepNumber(id)}
              </span>
              <span>{t(`step.${id}`)}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  )
}
