import icon from '../../../assets/icon.svg'
import { useT } from '../i18n/use-t'
import { LanguageSwitch } from './LanguageSwitch'

/** Title bar of the wizard: product name and the language switch. */
export function Header() {
  const t = useT()
  return (
    <header className="header">
      <div className="brand">
        <img className="brand-mark" src={icon} alt="" width={36} height={36} />
        <div>
          <h1 className="brand-name">{t('app.name')}</h1>
          <p className="brand-tagline">{t('app.tagline')}</p>
        </div>
      </div>
      <LanguageSwitch />
    </header>
  )
}
