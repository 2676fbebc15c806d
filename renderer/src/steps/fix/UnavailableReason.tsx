import { useDiagnosisText } from '../../i18n/use-diagnosis-text'

/**
 * Why a fix is not offered, and — when the app cannot edit `.wslconfig` without changing bytes the
 * fix does not touch — the exact lines to type by hand (`unavailable.manualEdit`, its `lines`).
 */
export function UnavailableReason({ reason }: { readonly reason: { readonly key: string; readonly args?: Readonly<Record<string, string | number>> } }) {
  const d = useDiagnosisText()
  const lines = reason.key === 'unavailable.manualEdit' ? reason.args?.['lines'] : undefined
  return (
    <>
      <p>{d(reason.key, reason.args)}</p>
      {typeof lines === 'string' && (
        <pre className="output" data-testid="manual-edit-lines">
          {lines}
        </pre>
      )}
    </>
  )
}
