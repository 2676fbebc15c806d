import type { StepReport } from '../../state/wizard-store'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'

type Step = { readonly describe: { readonly key: string; readonly args: Readonly<Record<string, string | number>> } }

/** Each step of the running (or finished) phase with its live status. */
export function FixStepList({ steps, reports }: { readonly steps: readonly Step[]; readonly reports: readonly StepReport[] }) {
  const t = useT()
  const d = useDiagnosisText()
  return (
    <ol className="probe-list fix-progress" aria-live="polite" data-testid="fix-progress">
      {steps.map((step, index) => {
        const status = reports.find((r) => r.index === index)?.status ?? 'pending'
        const detail = reports.find((r) => r.index === index)?.detail
        return (
          <li
            key={index}
            className={`probe probe-${status === 'done' ? 'known' : status === 'failed' ? 'unknown' : status}`}
            data-status={status}
            data-testid={`fix-step-${index}`}
          >
            <span className="probe-icon" aria-hidden="true" />
            <span className="probe-name">{d(step.describe.key, step.describe.args)}</span>
            <span className="probe-status" title={detail ?? undefined}>
              {t(`fix.status.${status}`)}
            </span>
          </li>
        )
      })}
    </ol>
  )
}
