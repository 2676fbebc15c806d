import { useId } from 'react'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'

/**
 * This view never writes the file. "Fix these lines" opens the `wslconfig-fix-key` plan in the
 * Fix step, whose confirm screen shows the diff before anything is saved.
 */
export function FixLinesButton({ available, hasWarnings }: { readonly available: boolean; readonly hasWarnings: boolean }) {
  const t = useT()
  const planFix = useWizard((s) => s.planFix)
  const goTo = useWizard((s) => s.goTo)
  const noteId = useId()
  if (!available) return hasWarnings ? <p className="muted">{t('wslconfigView.manual')}</p> : null
  return (
    <div className="wslconfig-fix">
      <button
        type="button"
        data-testid="wslconfig-fix-lines"
        aria-describedby={noteId}
        onClick={() => {
          goTo('fix')
          void planFix('wslconfig-fix-key')
        }}
      >
        {t('wslconfigView.fix')}
      </button>
      <p className="muted" id={noteId}>
        {t('wslconfigView.fixNote')}
      </p>
    </div>
  )
}
