import { useMemo } from 'react'
import { diagnosePaste } from '../../../shared/diagnosis/diagnose-paste'
import { verdictOf } from '../../../shared/diagnosis/finding-kind'
import { pastedOutputFacts, pastedOutputMessage, readPastedOutputs } from '../../../shared/diagnosis/pasted-outputs-read'
import { findErrorCodes } from '../../../shared/wsl-output/error-codes'
import { recognizeWslMessages } from '../../../shared/wsl-output/recognize-messages'
import { useDiagnosisText } from '../i18n/use-diagnosis-text'
import { useT } from '../i18n/use-t'
import { VerdictLine } from './findings/VerdictLine'

/**
 * What the pasted WSL output already tells, before any scan: the messages and error codes
 * recognised (in any of WSL's 22 languages) and the finding they point to. The scan then checks
 * the cause on this PC. When the paste alone cannot decide, it says so and names the check of the
 * scan that will (issue 11 #4), rather than presenting a symptom as the answer.
 */
export function PastePreview({ text }: { readonly text: string }) {
  const t = useT()
  const d = useDiagnosisText()
  const result = useMemo(() => {
    if (text.trim() === '') return null
    const messages = recognizeWslMessages(text).filter((m) => !m.within)
    const codes = findErrorCodes(text)
    // Command outputs a helper asked for (wsl --status, ipconfig /all, systeminfo…), each shown as "You pasted …".
    const outputs = pastedOutputFacts(readPastedOutputs(text)).map(pastedOutputMessage)
    // The same path as `npm run diagnose -- --evidence` (diagnose-paste.ts).
    const findings = diagnosePaste(text)
    const recognised = messages.length > 0 || codes.length > 0 || outputs.length > 0
    return { messages, codes, outputs, recognised, findings, top: findings[0] ?? null, undecided: recognised && verdictOf(findings, true).kind === 'undecided' }
  }, [text])
  if (result === null) return null
  const { messages, codes, outputs, recognised, findings, top, undecided } = result
  return (
    <div className="paste-preview" role="status" data-testid="paste-preview">
      {!recognised ? (
        <p className="muted">{t('welcome.paste.nothing')}</p>
      ) : (
        <>
          {(messages.length > 0 || codes.length > 0) && (
            <p className="muted">
              {t('welcome.paste.recognised', {
                messages: messages.length,
                codes: codes.map((c) => c.code).join(', ') || '—',
                language: messages[0]?.language ?? '—',
              })}
            </p>
          )}
          {outputs.length > 0 && (
            <ul className="muted" data-testid="paste-outputs">
              {outputs.map((o, i) => (
                <li key={`${o.key}-${i}`}>{d(o.key, o.args)}</li>
              ))}
            </ul>
          )}
          {top && <p data-testid="paste-top-finding">{t('welcome.paste.looksLike', { title: d(`finding.${top.id}.title`, top.args) })}</p>}
          {undecided && <VerdictLine findings={findings} observedFailure context="scan" />}
        </>
      )}
    </div>
  )
}
