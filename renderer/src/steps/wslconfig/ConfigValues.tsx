import type { ConfigView } from '../../../../shared/diagnosis/machine-view'
import { useT } from '../../i18n/use-t'

/**
 * What WSL ends up with: canonical key = value as WSL renders it (enum case, sizes in bytes). The
 * gap between this table and the file is the point: a misspelled key simply is not here.
 */
export function ConfigValues({ config }: { readonly config: ConfigView }) {
  const t = useT()
  const entries = Object.entries(config.parse.values)
  const error = config.parse.error
  return (
    <section className="wslconfig-values" aria-labelledby="wslconfig-values-title" data-testid="wslconfig-values">
      <h4 id="wslconfig-values-title">{t('wslconfigView.values')}</h4>
      {error ? (
        <p className="muted">{t('wslconfigView.valuesIgnored', { line: error.line })}</p>
      ) : entries.length === 0 ? (
        <p className="muted">{t('wslconfigView.valuesNone')}</p>
      ) : (
        <table className="wslconfig-values-table">
          <thead>
            <tr>
              <th scope="col">{t('wslconfigView.valuesKey')}</th>
              <th scope="col">{t('wslconfigView.valuesValue')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([key, value]) => (
              <tr key={key} data-testid={`wslconfig-value-${key}`}>
                <th scope="row">
                  <code>{key}</code>
                </th>
                <td>
                  <code>{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
