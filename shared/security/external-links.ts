/**
 * Every place outside the app a link may open: Windows Settings pages (the `ms-settings:` URIs of
 * Microsoft's "Launch Windows Settings" reference) and Microsoft's documentation. One registry:
 * the renderer links only to these ids, and the main process opens only these exact URIs (or an
 * https page on one of the hosts), so a compromised page cannot make Windows launch anything else.
 * Sources: docs/knowledge/windows-terms.md#settings-links.
 */
export const EXTERNAL_LINKS = {
  'settings-windows-update': 'ms-settings:windowsupdate',
  'settings-network-status': 'ms-settings:network-status',
  'settings-proxy': 'ms-settings:network-proxy',
  'settings-installed-apps': 'ms-settings:appsfeatures',
  'settings-recovery': 'ms-settings:recovery',
  'doc-wsl-networking': 'https://learn.microsoft.com/windows/wsl/networking',
  'doc-wsl-mirrored': 'https://learn.microsoft.com/windows/wsl/networking#mirrored-mode-networking',
  'doc-wsl-troubleshooting': 'https://learn.microsoft.com/windows/wsl/troubleshooting',
  // The page WSL itself prints when virtualization is off (its MessageEnableVirtualization).
  'doc-enable-virtualization': 'https://aka.ms/enablevirtualization',
} as const

export type ExternalLinkId = keyof typeof EXTERNAL_LINKS

/**
 * `https://host` followed by a path, query, fragment or nothing: no user info, no port, no
 * backslash (shared code has no URL class; this is stricter than one).
 */
const HTTPS_URL = /^https:\/\/([a-z0-9.-]+)(?:[/?#][\x21-\x7e]*)?$/i

function httpsHost(uri: string): string | null {
  return HTTPS_URL.exec(uri)?.[1]?.toLowerCase() ?? null
}

/** https hosts whose pages may open in the browser (the documentation the app links to). */
export const EXTERNAL_HOSTS: readonly string[] = [
  ...new Set([
    ...Object.values(EXTERNAL_LINKS)
      .map(httpsHost)
      .filter((host): host is string => host !== null),
    // Links inside the knowledge base and reports point at WSL's issues and Microsoft Support.
    'github.com',
    'support.microsoft.com',
  ]),
]

const SETTINGS_URIS: ReadonlySet<string> = new Set(Object.values(EXTERNAL_LINKS).filter((uri) => uri.startsWith('ms-settings:')))

/**
 * What the main process may hand to the OS, or null: an https page on an allowed host, or exactly
 * one of the Settings pages above (no other scheme: not `file:`, not other `ms-settings:` pages,
 * not `search-ms:` or any other protocol handler).
 */
export function externalUrlAllowed(url: string): string | null {
  const host = httpsHost(url)
  if (host !== null) return EXTERNAL_HOSTS.includes(host) ? url : null
  return SETTINGS_URIS.has(url) ? url : null
}
