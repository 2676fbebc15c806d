import { assertNever } from '../../../../shared/util/assert-never'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import type { FixState } from '../../state/wizard-store'

type Plan = Pick<Extract<FixState, { phase: 'confirm' }>['plan'], 'reversibility' | 'restorePoint'>

/**
 * How a fix is taken back, for every kind of reversibility (never an empty section), and the
 * restore point only when the plan really creates one.
 */
export function UndoText({ plan }: { readonly plan: Plan }) {
  const t = useT()
  const d = useDiagnosisText()
  const { reversibility } = plan
  const text = (() => {
    switch (reversibility.kind) {
      case 'undoable':
        return t('fix.confirm.undoable')
      case 'self-healing':
      case 'manual':
        return d(reversibility.key)
      case 'none':
        return t('fix.confirm.noUndo')
      default:
        return assertNever(reversibility, 'reversibility')
    }
  })()
  return (
    <p className="muted" data-testid="fix-undo">
      {text}
      {plan.restorePoint && ` ${t('fix.confirm.restorePointUndo')}`}
    </p>
  )
}
