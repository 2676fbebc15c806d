import { useRef } from 'react'
import { useT } from '../../i18n/use-t'
import { openSnapshot } from '../../state/report-actions'
import { useWizardStore } from '../../state/store-context'
import { readSnapshotFile, type SnapshotFileError } from './read-snapshot'

/** What opening a file did, for the Report step's status line. */
export type OpenOutcome = { readonly kind: 'opened' } | { readonly kind: 'error'; readonly error: SnapshotFileError }

/**
 * "Open a snapshot…": a labelled button driving a hidden file input. A valid snapshot replaces the
 * scan in the store; anything else changes nothing and reports why.
 */
export function OpenSnapshotButton({ onOutcome }: { readonly onOutcome: (outcome: OpenOutcome) => void }) {
  const t = useT()
  const store = useWizardStore()
  const input = useRef<HTMLInputElement>(null)
  const onFile = async (file: File | undefined) => {
    if (file === undefined) return
    const result = await readSnapshotFile(file)
    if (input.current) input.current.value = ''
    if (!result.ok) return onOutcome({ kind: 'error', error: result.error })
    openSnapshot(store, result.snapshot)
    onOutcome({ kind: 'opened' })
  }
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} data-testid="open-snapshot">
        {t('report.open')}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('report.open')}
        data-testid="open-snapshot-input"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
    </>
  )
}
