import { useT } from '../i18n/use-t'

/** Fixes come with the repair catalog; until then the step says honestly that none exist. */
export function FixStep() {
  const t = useT()
  return (
    <section className="step-page" aria-labelledby="fix-title">
      <h2 id="fix-title">{t('fix.title')}</h2>
      <p>{t('fix.none')}</p>
    </section>
  )
}
