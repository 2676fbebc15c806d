import type { ReactNode } from 'react'
import type { MachineSnapshot } from '../../../../shared/machine/snapshot'
import { networkingStatus, type NetworkingStatus } from '../../../../shared/diagnosis/networking-verdict'
import { readNetworkCheck, type CheckResult } from '../../../../shared/probes/network-check/network-check-results'
import { assertNever } from '../../../../shared/util/assert-never'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT, type TFunction } from '../../i18n/use-t'
import './network-check.css'

const ICON: Readonly<Record<CheckResult['outcome'], string>> = { pass: '✓', fail: '✗', info: 'ℹ', 'not-checked': '–' }

/**
 * The inside-WSL networking check as a ✓/✗ table: one verdict line (the same `networkingStatus`
 * Findings, Verify and the report use), then one row per check with what it rests on. Shown on
 * Findings and, by Verify, after a fix; `action` is where the caller puts "Run the networking check".
 */
export function NetworkCheckTable({ snapshot, action }: { readonly snapshot: Pick<MachineSnapshot, 'facts'>; readonly action?: ReactNode }) {
  const t = useT()
  const status = networkingStatus(snapshot)
  const entry = snapshot.facts['wsl-network-check']
  const reading = entry?.status === 'known' ? readNetworkCheck(entry.data) : null
  return (
    <section className={`panel netcheck ${panelClass(status)}`} aria-labelledby="netcheck-title" data-testid="network-check" data-status={status.kind}>
      <h3 id="netcheck-title">{t('netcheck.title')}</h3>
      <p className="netcheck-verdict" data-testid="network-check-verdict">
        <VerdictText status={status} />
      </p>
      {reading !== null && <p className="muted">{t('netcheck.distro', { distro: reading.distro ?? t('netcheck.defaultDistro') })}</p>}
      {reading?.kind === 'not-run' && reading.detail !== '' && (
        <>
          <p className="muted">{t('netcheck.wslSaid')}</p>
          <pre className="output">{reading.detail}</pre>
        </>
      )}
      {reading?.kind === 'read' && (
        <table className="netcheck-table">
          <thead>
            <tr>
              <th scope="col">{t('netcheck.col.check')}</th>
              <th scope="col">{t('netcheck.col.result')}</th>
              <th scope="col">{t('netcheck.col.details')}</th>
            </tr>
          </thead>
          <tbody>
            {reading.checks.map((row) => (
              <tr key={row.id} data-check={row.id} data-outcome={row.outcome}>
                <th scope="row">{t(`netcheck.check.${row.id}`)}</th>
                <td className={`netcheck-outcome netcheck-${row.outcome}`}>
                  <span aria-hidden="true">{ICON[row.outcome]}</span> {t(`netcheck.outcome.${row.outcome}`)}
                </td>
                <td>
                  {row.outcome === 'not-checked' && <span className="muted">{t(`netcheck.notChecked.${row.reason}`)} </span>}
                  {row.outcome === 'info' && row.note !== undefined && <span className="muted">{t(`netcheck.note.${row.note}`)} </span>}
                  {row.evidence !== '' && <code className="netcheck-evidence">{row.evidence}</code>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {action}
    </section>
  )
}

function VerdictText({ status }: { readonly status: NetworkingStatus }) {
  const t = useT()
  const d = useDiagnosisText()
  switch (status.kind) {
    case 'works':
      return <span className="result-ok">✓ {t('netcheck.verdict.works')}</span>
    case 'fails':
      return <span className="result-bad">✗ {t('netcheck.verdict.fails', { checks: checkList(t, status.failed) })}</span>
    case 'not-checked':
      return <span>{t('netcheck.verdict.notChecked')}</span>
    case 'unknown': {
      const { reason } = status
      const text =
        reason.kind === 'probe'
          ? d(`reason.${reason.reason}`)
          : reason.kind === 'not-run'
            ? t(`netcheck.unknown.${reason.reason}`)
            : t('netcheck.unknown.incomplete', { checks: checkList(t, reason.missing) })
      return <span className="unknown">{t('netcheck.verdict.unknown', { reason: text })}</span>
    }
    default:
      return assertNever(status, 'networking status')
  }
}

function checkList(t: TFunction, ids: readonly CheckResult['id'][]): string {
  return ids.map((id) => t(`netcheck.check.${id}`)).join(t('netcheck.listSeparator'))
}

function panelClass(status: NetworkingStatus): string {
  switch (status.kind) {
    case 'works':
      return 'panel-safe'
    case 'fails':
      return 'panel-error'
    case 'unknown':
      return 'panel-warn'
    case 'not-checked':
      return 'panel-pending'
    default:
      return assertNever(status, 'networking status')
  }
}
