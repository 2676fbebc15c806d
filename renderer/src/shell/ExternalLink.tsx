import { EXTERNAL_LINKS, type ExternalLinkId } from '../../../shared/security/external-links'
import { useT } from '../i18n/use-t'

/**
 * A link out of the app: a Windows Settings page or a Microsoft page from the one allow-list.
 * `target=_blank` hands it to the main process, which opens only allow-listed URIs (harden.ts).
 */
export function ExternalLink({ id }: { readonly id: ExternalLinkId }) {
  const t = useT()
  return (
    <a className="external-link" href={EXTERNAL_LINKS[id]} target="_blank" rel="noreferrer" data-testid={`link-${id}`}>
      {t(`link.${id}`)}
    </a>
  )
}
