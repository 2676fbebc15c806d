import { useT } from '../i18n/use-t'

/** Before/after of a finding once a fix ran; with no fix applied there is nothing to compare. */
export function VerifyStep() {
  const t = useT()
  return (
    <section className="step-page" aria-labelledby="verify-title">
      <h2 id="verify-title">{t('verify.title')}</h2>
      <p>{t('verify.none')}</p>
    </section>
  )
}
