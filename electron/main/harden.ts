import { app, session, shell, type WebContents } from 'electron'
import { externalUrlAllowed } from '../../shared/security/external-links'

/**
 * Denies everything a troubleshooting wizard never needs (Electron checklist 5, 11–15): new
 * windows, navigation and redirects away from our page, webviews, and every permission request.
 * External links open only when they are on the allow-list (`shared/security/external-links.ts`):
 * https pages of the documentation hosts, or exactly the Windows Settings pages the app links to.
 */
export function hardenApp(options: { readonly appOrigin: string; readonly dev: boolean }): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openExternalIfAllowed(url)
      return { action: 'deny' }
    })
    contents.on('will-navigate', (event, url) => {
      if (!sameOrigin(url, options.appOrigin)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!sameOrigin(url, options.appOrigin)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    if (!options.dev) {
      // No reload or DevTools shortcuts in production builds.
      contents.on('before-input-event', (event, input) => {
        const key = input.key.toLowerCase()
        const reload = key === 'f5' || ((input.control || input.meta) && key === 'r')
        const devtools = key === 'f12' || ((input.control || input.meta) && input.shift && key === 'i')
        if (reload || devtools) event.preventDefault()
      })
    }
  })
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}` === origin
  } catch {
    return false
  }
}

function openExternalIfAllowed(url: string): void {
  const allowed = externalUrlAllowed(url)
  if (allowed !== null) void shell.openExternal(allowed)
}
