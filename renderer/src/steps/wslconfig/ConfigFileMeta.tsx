import type { ConfigView } from '../../../../shared/diagnosis/machine-view'
import type { MessageKey } from '../../i18n/i18n'
import { useT } from '../../i18n/use-t'
import { lineEndings } from './line-endings'

/** Which file, how big, and the two things WSL's CRT read depends on: encoding and line ends. */
export function ConfigFileMeta({ config }: { readonly config: ConfigView }) {
  const t = useT()
  const endings = lineEndings(config.rawText)
  const encoding: MessageKey = config.hints.some((h) => h.id === 'utf16-without-bom')
    ? 'wslconfigView.encoding.utf16-no-bom'
    : config.hints.some((h) => h.id === 'not-utf8')
      ? 'wslconfigView.encoding.not-utf8'
      : `wslconfigView.encoding.${config.encoding ?? 'utf8'}`
  return (
    <dl className="wslconfig-meta" aria-label={t('wslconfigView.about')} data-testid="wslconfig-meta">
      <div>
        <dt>{t('wslconfigView.path')}</dt>
        <dd>
          <code>{config.path}</code>
        </dd>
      </div>
      {config.bytes !== null && (
        <div>
          <dt>{t('wslconfigView.size')}</dt>
          <dd>{t('wslconfigView.sizeValue', { bytes: config.bytes.length })}</dd>
        </div>
      )}
      {config.bytes !== null && config.bytes.length > 0 && (
        <>
          <div>
            <dt>{t('wslconfigView.encoding')}</dt>
            <dd data-testid="wslconfig-encoding">{t(encoding)}</dd>
          </div>
          <div>
            <dt>{t('wslconfigView.lineEndings')}</dt>
            <dd data-testid="wslconfig-line-endings">
              {t(`wslconfigView.lineEndings.${endings.style}`, { crlf: endings.crlf, lf: endings.lf, cr: endings.cr })}
            </dd>
          </div>
        </>
      )}
    </dl>
  )
}
