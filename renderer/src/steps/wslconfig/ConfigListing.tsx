import { useId } from 'react'
import { useT } from '../../i18n/use-t'
import type { ListingRow } from './config-listing'
import { ListingLine } from './ListingLine'

/** The file as a numbered table; line numbers are row headers so each line is announced with its number. */
export function ConfigListing({ rows, file }: { readonly rows: readonly ListingRow[]; readonly file: string }) {
  const t = useT()
  const idPrefix = useId().replace(/[^A-Za-z0-9_-]/g, '')
  return (
    <table className="wslconfig-listing" data-testid="wslconfig-listing">
      <caption className="wslconfig-sr-only">{t('wslconfigView.listing')}</caption>
      <colgroup>
        <col className="wslconfig-col-lineno" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="wslconfig-sr-only">
            {t('wslconfigView.lineHeader')}
          </th>
          <th scope="col" className="wslconfig-sr-only">
            {t('wslconfigView.textHeader')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <ListingLine key={row.number} row={row} file={file} idPrefix={`wslconfig${idPrefix}`} />
        ))}
      </tbody>
    </table>
  )
}
