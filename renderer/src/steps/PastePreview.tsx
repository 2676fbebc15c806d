import { useMemo } from 'react'
import { diagnosePaste } from '../../../shared/diagnosis/diagnose-paste'
import { findErrorCodes } from '../../../shared/wsl-output/error-codes'
import { recognizeWslMessages } from '../../../shared/wsl-output/recognize-messages'
import { useDiagnosisText } from '../i18n/use-diagnosis-text'
import { useT } from '../i18n/use-t'

/**
 * What the pasted WSL output already tells, before any scan: the messages and error codes
 * recognised (in any of WSL's 22 languages) and the finding they point to. The scan then checks
 * the cause on this PC.
 */
export function PastePreview({ text }: { readonly text: string }) {
  const t = useT()
  const d = useDiagnosisText()
  const result = useMemo(() => {
    if (text.trim() === '') return null
    const messages = recognizeWslMessages(text).filter((m) => !m.within)
    const codes = findErrorCodes(text)
    // The same path as `npm run diagnose -- --evidence` (diagnose-paste.ts).
    return { messages, codes, top: diagnosePaste(text)[0] ?? null }
  }, [text])
  if (result === null) return null
  const { messages, codes, top } = result
  return (
    <div className="paste-preview" role="status" data-testid="paste-preview">
      {messages.length === 0 && codes.length === 0 ? (
        <p className="muted">{t('welcome.paste.nothing')}</p>
      ) : (
        <>
          <p className="muted">{t('welcome.paste.recognised', { messages: messages.length, codes: codes.map((c) => c.code).join(', ') || '—', language: messages[0]?.language ?? '—' })}</p>
          {top && <p data-testid="paste-top-finding">{t('welcome.paste.looksLike', { title: d(`finding.${top.id}.title`, top.args) })}</p>}
        </>
      )}
    </div>
  )
}
