import { useMemo } from 'react'
import type { Finding } from '../../../../shared/diagnosis/finding'
import { buildMachineView } from '../../../../shared/diagnosis/machine-view'
import type { MachineSnapshot } from '../../../../shared/machine/snapshot'
import { useDiagnosisText } from '../../i18n/use-diagnosis-text'
import { useT } from '../../i18n/use-t'
import { buildConfigListing } from './config-listing'
import { ConfigFileMeta } from './ConfigFileMeta'
import { ConfigListing } from './ConfigListing'
import { ConfigNotices } from './ConfigNotices'
import { ConfigValues } from './ConfigValues'
import { fixKeyAvailable } from './fix-availability'
import { FixLinesButton } from './FixLinesButton'
import { policyOverrides } from './policy-overrides'
import './wslconfig-view.css'

/**
 * `.wslconfig` as WSL reads it: every line with WSL's own warnings and our hints under it, the
 * encoding and line ends, the values WSL ends up with, and file-level notices. Open by default
 * when there is something to see; edits go through the Fix step (diff first).
 */
export function WslconfigView({ snapshot, findings }: { readonly snapshot: MachineSnapshot; readonly findings: readonly Finding[] }) {
  const t = useT()
  const d = useDiagnosisText()
  const view = useMemo(() => buildMachineView(snapshot), [snapshot])
  const config = view.config.known ? view.config.value : null
  const listing = useMemo(() => (config ? buildConfigListing(config) : null), [config])
  if (!view.config.known) {
    return (
      <details className="wslconfig-view" data-testid="wslconfig-view">
        <summary>{t('wslconfigView.title')}</summary>
        <p className="unknown">{t('wslconfigView.unknown', { reason: d(`reason.${view.config.reason}`) })}</p>
      </details>
    )
  }
  if (config === null || listing === null) return null
  const warnings = config.parse.warnings.length + (config.parse.error ? 1 : 0)
  const open = warnings > 0 || config.hints.length > 0 || config.lookalikeFiles.length > 0 || policyOverrides(config.policy, config.parse.values).length > 0
  return (
    <details className="wslconfig-view" open={open} data-testid="wslconfig-view">
      <summary>
        <span className="wslconfig-view-title">{t('wslconfigView.title')}</span>{' '}
        {config.exists && <span className="badge badge-confidence">{t('wslconfigView.counts', { warnings, hints: config.hints.length })}</span>}
      </summary>
      <div className="wslconfig-view-body">
        <ConfigNotices config={config} fileHints={listing.fileHints} />
        {config.exists && <ConfigFileMeta config={config} />}
        {listing.rows.length > 0 && <ConfigListing rows={listing.rows} file={config.path ?? '.wslconfig'} />}
        {listing.controlChars && <p className="muted">{t('wslconfigView.controlChars')}</p>}
        {config.exists && config.bytes !== null && config.bytes.length > 0 && <ConfigValues config={config} />}
        <FixLinesButton available={fixKeyAvailable(view, findings)} hasWarnings={warnings > 0} />
      </div>
    </details>
  )
}
