import type { IpcError } from '../../../shared/ipc/result'
import { useT } from '../i18n/use-t'

/** A failure the user cannot fix in place: what happened in words, the code in a disclosure. */
export function ErrorPanel({ title, body, error }: { readonly title: string; readonly body: string; readonly error: IpcError }) {
  const t = useT()
  return (
    <section className="panel panel-error" role="alert">
      <h2>{title}</h2>
      <p>{body}</p>
      <details>
        <summary>{t('app.errorDetails')}</summary>
        <code>
          {error.code}
          {error.detail ? `: ${error.detail}` : ''}
        </code>
      </details>
    </section>
  )
}
