import type { PreparedReport } from '../../../../shared/report/prepare'
import { isEmptySummary, type RedactionSummary } from '../../../../shared/report/redact'
import type { MessageKey, MessageVars } from '../../i18n/i18n'
import { useT } from '../../i18n/use-t'

/**
 * The redaction switch and what it hid. The list of replaced values is the user's own data and is
 * shown only here, folded, so they can check nothing personal is left before sharing.
 */
export function RedactionPanel({
  redact,
  onChange,
  redaction,
  pending = false,
}: {
  readonly redact: boolean
  readonly onChange: (redact: boolean) => void
  readonly redaction: PreparedReport['redaction']
  /** The report is still being prepared (or failed): nothing to summarise yet. */
  readonly pending?: boolean
}) {
  const t = useT()
  return (
    <div className={redact ? 'panel panel-safe' : 'panel panel-warn'} data-testid="redaction">
      <label className="consent">
        <input type="checkbox" checked={redact} onChange={(e) => onChange(e.target.checked)} data-testid="redact-toggle" aria-describedby="redact-hint" />
        <span>
          <span className="consent-label">{t('report.redact')}</span>
          <span className="hint" id="redact-hint">
            {t('report.redact.hint')}
          </span>
        </span>
      </label>
      {pending ? null : redaction === null ? (
        <p data-testid="redaction-summary">{t('report.redact.off')}</p>
      ) : isEmptySummary(redaction.summary) ? (
        <p data-testid="redaction-summary">{t('report.redact.nothing')}</p>
      ) : (
        <>
          <p data-testid="redaction-summary">{t('report.redact.summary', { list: countList(redaction.summary, t) })}</p>
          <details>
            <summary>{t('report.redact.details')}</summary>
            <ul className="check-list" data-testid="redaction-details">
              {redaction.replacements.map((r) => (
                <li key={r.token}>
                  {t(`report.kind.${r.kind}`)}: <code>{r.original}</code> → <code>{r.token}</code>
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </div>
  )
}

/** "user names: 1, IP addresses: 2": only the kinds that were found. */
function countList(summary: RedactionSummary, t: (key: MessageKey, vars?: MessageVars) => string): string {
  const kinds = (Object.keys(summary) as (keyof RedactionSummary)[]).filter((kind) => summary[kind] > 0)
  return kinds.map((kind) => t(`report.count.${kind}`, { n: summary[kind] })).join(t('report.listSeparator'))
}
