import { useT } from '../i18n/use-t'
import { useWizard } from '../state/store-context'

/** Says which machine is being diagnosed; in demo mode, loudly that it is a simulated PC. */
export function MachineBanner() {
  const t = useT()
  const machine = useWizard((s) => s.appInfo?.machine ?? null)
  const locale = useWizard((s) => s.locale)
  if (machine === null) return null
  if (machine.kind === 'windows') return null
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <span className="badge badge-demo">{t('demo.badge')}</span>
      <span>{t('demo.banner', { title: machine.title[locale === 'zh-CN' ? 'zh-CN' : 'en'] })}</span>
    </div>
  )
}
