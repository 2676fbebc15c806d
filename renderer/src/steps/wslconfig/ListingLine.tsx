import { formatConfigWarning } from '../../../../shared/wsl-messages/config-warning'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'
import type { ListingRow } from './config-listing'
import { hintMessage } from './hint-message'
import { wslLanguage } from './wsl-language'

/**
 * One line of the file, with WSL's warnings (its own words, in the UI language) and our hints
 * right under it. The notes are tied to the line with `aria-describedby`, so a screen reader
 * reads them with the line.
 */
export function ListingLine({ row, file, idPrefix }: { readonly row: ListingRow; readonly file: string; readonly idPrefix: string }) {
  const t = useT()
  const locale = useWizard((s) => s.locale)
  const language = wslLanguage(locale)
  const noteId = (i: number) => `${idPrefix}-line-${row.number}-note-${i}`
  const count = row.warnings.length + row.hints.length
  const describedBy = Array.from({ length: count }, (_, i) => noteId(i)).join(' ')
  return (
    <tr className={count > 0 ? 'wslconfig-line wslconfig-line-noted' : 'wslconfig-line'} data-testid={`wslconfig-line-${row.number}`}>
      <th scope="row" className="wslconfig-lineno">
        {row.number}
      </th>
      <td className="wslconfig-cell">
        <code className="wslconfig-code" aria-describedby={count > 0 ? describedBy : undefined}>
          {row.text}
        </code>
        {count > 0 && (
          <ul className="wslconfig-notes" aria-label={t('wslconfigView.lineNotes', { line: row.number })}>
            {row.warnings.map(({ warning, fatal }, i) => (
              <li
                key={`w${i}`}
                id={noteId(i)}
                className={fatal ? 'wslconfig-note wslconfig-note-error' : 'wslconfig-note wslconfig-note-warning'}
                data-testid="wslconfig-warning"
                data-message={warning.message}
              >
                <span className={`badge ${fatal ? 'badge-error' : 'badge-warning'}`}>{t(fatal ? 'wslconfigView.wslError' : 'wslconfigView.wslWarning')}</span>{' '}
                <span lang={language}>{formatConfigWarning(warning, language, file)}</span>
              </li>
            ))}
            {row.hints.map((hint, i) => {
              const message = hintMessage(hint)
              return (
                <li
                  key={`h${i}`}
                  id={noteId(row.warnings.length + i)}
                  className="wslconfig-note wslconfig-note-hint"
                  data-testid="wslconfig-hint"
                  data-hint={hint.id}
                >
                  <span className="badge badge-info">{t('wslconfigView.hint')}</span> {t(message.key, message.vars)}
                </li>
              )
            })}
          </ul>
        )}
      </td>
    </tr>
  )
}
