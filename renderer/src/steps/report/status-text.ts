import type { MessageKey, MessageVars } from '../../i18n/i18n'
import type { OpenOutcome } from './OpenSnapshotButton'

/** What the live region says after the last action. */
export type ReportStatus =
  { readonly kind: 'copied' } | { readonly kind: 'copy-failed' } | { readonly kind: 'saved'; readonly file: string; readonly redacted: boolean } | OpenOutcome

/** The message for a status, and whether it reports a failure (shown as an alert panel). */
export function statusMessage(status: ReportStatus): { readonly key: MessageKey; readonly vars?: MessageVars; readonly failed: boolean } {
  switch (status.kind) {
    case 'copied':
      return { key: 'report.copied', failed: false }
    case 'copy-failed':
      return { key: 'report.copyFailed', failed: true }
    case 'saved':
      return { key: status.redacted ? 'report.saved.redacted' : 'report.saved', vars: { file: status.file }, failed: false }
    case 'opened':
      return { key: 'report.opened', failed: false }
    case 'error': {
      const error = status.error
      if (error.kind === 'not-json') return { key: 'report.openError.notJson', failed: true }
      if (error.kind === 'newer') return { key: 'report.openError.newer', vars: { version: String(error.version) }, failed: true }
      if (error.kind === 'too-large') return { key: 'report.openError.tooLarge', failed: true }
      if (error.kind === 'read') return { key: 'report.openError.read', failed: true }
      return { key: 'report.openError.notSnapshot', failed: true }
    }
  }
}
