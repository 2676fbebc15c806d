import { LOCALES, isLocale } from '../i18n/i18n'
import { useT } from '../i18n/use-t'
import { useWizard } from '../state/store-context'

/** Switches the UI language; the wizard's state is kept. */
export function LanguageSwitch() {
  const t = useT()
  const locale = useWizard((s) => s.locale)
  const setLocale = useWizard((s) => s.setLocale)
  return (
    <label className="language">
      <span className="language-label">{t('language.label')}</span>
      <select
        value={locale}
        onChange={(event) => {
          if (isLocale(event.target.value)) setLocale(event.target.value)
        }}
        data-testid="language-select"
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(`language.${code}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
