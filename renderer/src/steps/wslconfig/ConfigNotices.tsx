import type { ConfigView } from '../../../../shared/diagnosis/machine-view'
import { formatWslMessage } from '../../../../shared/wsl-messages/messages'
import type { WslConfigHint } from '../../../../shared/wslconfig/hints'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'
import { hintMessage } from './hint-message'
import { policyOverrides } from './policy-overrides'
import { wslLanguage } from './wsl-language'

/**
 * What is true of the file as a whole: it does not exist (defaults apply), a lookalike exists,
 * policy overrides settings (in WSL's own words), the parser stops, the encoding is wrong.
 */
export function ConfigNotices({ config, fileHints }: { readonly config: ConfigView; readonly fileHints: readonly WslConfigHint[] }) {
  const t = useT()
  const locale = useWizard((s) => s.locale)
  const language = wslLanguage(locale)
  const path = config.path ?? '.wslconfig'
  const overridden = policyOverrides(config.policy, config.parse.values)
  const error = config.parse.error
  return (
    <>
      {!config.exists && (
        <p className="panel panel-safe wslconfig-notice" data-testid="wslconfig-missing">
          {t('wslconfigView.missing', { path })}
        </p>
      )}
      {config.lookalikeFiles.length > 0 && (
        <p className="panel panel-warn wslconfig-notice" data-testid="wslconfig-lookalike">
          {t('wslconfigView.lookalike', { files: config.lookalikeFiles.join(', '), path })}
        </p>
      )}
      {config.exists && config.bytes === null && <p className="panel wslconfig-notice">{t('wslconfigView.tooLarge')}</p>}
      {config.exists && config.bytes !== null && config.bytes.length === 0 && <p className="panel panel-safe wslconfig-notice">{t('wslconfigView.empty')}</p>}
      {fileHints.map((hint) => {
        const message = hintMessage(hint)
        return (
          <p key={hint.id} className="panel panel-warn wslconfig-notice" data-testid="wslconfig-encoding-notice" data-hint={hint.id}>
            {t(message.key, message.vars)}
          </p>
        )
      })}
      {error && (
        <p className="panel panel-error wslconfig-notice" data-testid="wslconfig-stops">
          {t('wslconfigView.stops', { line: error.line })}
        </p>
      )}
      {overridden.length > 0 && (
        <div className="panel panel-warn wslconfig-notice" data-testid="wslconfig-policy">
          <p>{t('wslconfigView.policy')}</p>
          <ul>
            {overridden.map((key) => (
              <li key={key} lang={language}>
                {formatWslMessage('MessageSettingOverriddenByPolicy', language, [key])}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  )
}
