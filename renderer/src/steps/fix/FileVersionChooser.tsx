import { useState } from 'react'
import { decodeBase64 } from '../../../../shared/util/base64'
import { mapBytes } from '../../../../shared/wslconfig/byte-map'
import { useT } from '../../i18n/use-t'
import { useWizard } from '../../state/store-context'
import type { FileVersions } from '../../state/wizard-store'
import { FileDiff } from './FileDiff'
import './file-versions.css'

/** The text a version's bytes hold, as WSL reads them; null when there was no file. */
function textOf(base64: string | null): string | null {
  if (base64 === null) return null
  const bytes = decodeBase64(base64)
  return bytes === null ? null : mapBytes(bytes).rawText
}

/**
 * Undo found the file changed since our fix (issue 10: never destroy newer work). The user sees the
 * three versions — before our fix, what the fix wrote, the file now — and chooses: keep the current
 * file, restore the one before our fix (the current one is kept as a backup copy by the script), or
 * edit by hand. Nothing is written until they choose "restore".
 */
export function FileVersionChooser({ entryId, versions }: { readonly entryId: string; readonly versions: FileVersions }) {
  const t = useT()
  const undoFix = useWizard((s) => s.undoFix)
  const keepCurrentFile = useWizard((s) => s.keepCurrentFile)
  const [manual, setManual] = useState(false)
  const panes = [
    { id: 'before', label: t('fix.versions.before'), text: textOf(versions.beforeBase64) },
    { id: 'ours', label: t('fix.versions.ours'), text: textOf(versions.oursBase64) },
    { id: 'current', label: t('fix.versions.current'), text: textOf(versions.currentBase64) },
  ] as const
  const ours = panes[1].text
  const current = panes[2].text
  return (
    <section className="file-versions" data-testid="file-versions" aria-labelledby={`versions-${entryId}`}>
      <h4 id={`versions-${entryId}`}>{t('fix.versions.title')}</h4>
      <p>{t('fix.versions.intro', { path: versions.path })}</p>
      <div className="file-versions-panes">
        {panes.map((pane) => (
          <figure key={pane.id} data-testid={`version-${pane.id}`}>
            <figcaption>{pane.label}</figcaption>
            <pre className="output">{pane.text ?? t('fix.versions.noFile')}</pre>
          </figure>
        ))}
      </div>
      {ours !== null && current !== null && <FileDiff path={versions.path} caption={t('fix.versions.sinceOurs')} before={ours} after={current} />}
      <div className="actions">
        <button type="button" className="primary" onClick={() => keepCurrentFile(entryId)} data-testid="versions-keep">
          {t('fix.versions.keep')}
        </button>
        <button type="button" onClick={() => void undoFix(entryId, { currentBase64: versions.currentBase64 })} data-testid="versions-restore">
          {t('fix.versions.restore')}
        </button>
        <button type="button" onClick={() => setManual(true)} aria-expanded={manual} data-testid="versions-manual">
          {t('fix.versions.manual')}
        </button>
      </div>
      {manual && <p data-testid="versions-manual-text">{t('fix.versions.manualText', { path: versions.path })}</p>}
    </section>
  )
}
