import { Suspense, useEffect, useRef } from 'react'
import type { WizardStep } from '../../shared/wizard/steps'
import { assertNever } from '../../shared/util/assert-never'
import { useT } from './i18n/use-t'
import { ErrorPanel } from './shell/ErrorPanel'
import { Header } from './shell/Header'
import { MachineBanner } from './shell/MachineBanner'
import { StepFooter } from './shell/StepFooter'
import { StepNav } from './shell/StepNav'
import { useStepFocus } from './shell/use-step-focus'
import { useWizard } from './state/store-context'
import { FindingsStep, FixStep, ReportStep, ScanStep, VerifyStep, preloadSteps } from './steps/lazy-steps'
import { WelcomeStep } from './steps/WelcomeStep'

/** The wizard frame: header, demo banner, step list, the current step and Back/Next. */
export function App() {
  const t = useT()
  const locale = useWizard((s) => s.locale)
  const step = useWizard((s) => s.step)
  const appInfo = useWizard((s) => s.appInfo)
  const startupError = useWizard((s) => s.startupError)
  const main = useRef<HTMLElement>(null)
  useStepFocus(step, main)

  // Once the first screen is up, fetch the other steps' chunks so moving on never waits for them.
  useEffect(() => {
    if (appInfo !== null) void preloadSteps()
  }, [appInfo])

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = t('app.name')
  }, [locale, t])

  return (
    <div className="app">
      <Header />
      <MachineBanner />
      {startupError ? (
        <main className="content">
          <ErrorPanel title={t('app.bridgeError.title')} body={t('app.bridgeError.body')} error={startupError} />
        </main>
      ) : appInfo === null ? (
        <main className="content" aria-busy="true">
          <p>{t('app.loading')}</p>
        </main>
      ) : (
        <div className="layout">
          <StepNav />
          <main className="content" data-step={step} ref={main}>
            {/* Keyed by step: the old step leaves at once instead of lingering hidden while the next loads. */}
            <Suspense key={step} fallback={<StepLoading />}>
              <CurrentStep step={step} />
            </Suspense>
            <StepFooter />
          </main>
        </div>
      )}
    </div>
  )
}

/** While a step's chunk loads (a blink on a local file; longer on a slow disk). */
function StepLoading() {
  const t = useT()
  return (
    <p className="muted" aria-busy="true" data-testid="step-loading">
      {t('app.loading')}
    </p>
  )
}

function CurrentStep({ step }: { readonly step: WizardStep }) {
  switch (step) {
    case 'welcome':
      return <WelcomeStep />
    case 'scan':
      return <ScanStep />
    case 'findings':
      return <FindingsStep />
    case 'fix':
      return <FixStep />
    case 'verify':
      return <VerifyStep />
    case 'report':
      return <ReportStep />
    default:
      return assertNever(step, 'step')
  }
}
