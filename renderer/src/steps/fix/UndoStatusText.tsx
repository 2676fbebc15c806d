import { useT } from '../../i18n/use-t'
import type { WizardState } from '../../state/wizard-store'
import { FileVersionChooser } from './FileVersionChooser'

type Status = NonNullable<WizardState['undoStatus']>

/**
 * What an undo (or a recovery) answered, in the UI language; every status has its sentence. A file
 * changed since our fix brings the three-version choice.
 */
export function UndoStatusText({ status }: { readonly status: Status }) {
  const t = useT()
  const text = (() => {
    switch (status.status) {
      case 'running':
        return t('fix.result.undoing')
      case 'undone':
        return t('fix.result.undone')
      case 'declined':
        return t('fix.result.undoDeclined')
      case 'nothing-to-undo':
        return t('fix.result.nothingToUndo')
      case 'busy':
        return t('fix.busy')
      case 'file-changed':
        return t('fix.result.fileChanged')
      case 'kept-current':
        return t('fix.result.keptCurrent')
      case 'refused':
        return t('fix.result.undoRefused', { detail: status.detail ?? '' })
      case 'failed':
        return t('fix.result.undoFailed', { detail: status.detail ?? status.status })
    }
  })()
  return (
    <>
      <p data-testid="undo-status" data-status={status.status}>
        {text}
      </p>
      {status.status === 'file-changed' && status.versions !== undefined && <FileVersionChooser entryId={status.entryId} versions={status.versions} />}
    </>
  )
}
