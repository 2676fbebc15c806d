import type { WslLanguage } from '../../../../shared/wsl-messages/messages'
import type { Locale } from '../../i18n/i18n'

/** WSL's own texts are shown in the UI language: our locales map to WSL's resource folders. */
export function wslLanguage(locale: Locale): WslLanguage {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-US'
}
