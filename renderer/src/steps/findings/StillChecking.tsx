import type { ProbeId } from '../../../../shared/probes/probe-ids'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { useNow } from '../../state/use-now'
import type { ProbeProgress } from '../../state/wizard-store'

/**
 * "Still checking: events (6 s)…" — the probes of a running scan without an answer yet, with how
 * long each has run, above findings that may still change. Polite live region: it updates quietly.
 */
export function StillChecking({ pending, probes }: { readonly pending: readonly ProbeId[]; readonly probes: Partial<Record<ProbeId, ProbeProgress>> }) {
  const t = useT()
  const d = useDiagnosisText()
  const now = useNow(true)
  return (
    <div className="panel panel-pending" role="status" data-testid="still-checking">
      <h3>{t('findings.stillChecking.title')}</h3>
      <ul className="pending-probes">
        {pending.map((id) => {
          const progress = probes[id]
          const running = progress?.status === 'running' || progress?.status === 'slow'
          const seconds = running ? Math.max(0, Math.round((now - progress.since) / 1000)) : 0
          return (
            <li key={id} data-probe={id} data-status={progress?.status ?? 'queued'}>
              {t('findings.stillChecking.probe', { probe: d(`probe.${id}`), seconds })}
            </li>
          )
        })}
      </ul>
      <p className="muted">{t('findings.stillChecking.note')}</p>
    </div>
  )
}
