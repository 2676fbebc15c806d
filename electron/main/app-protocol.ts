import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp'
import { APP_HOST, APP_SCHEME } from './app-origin'
import { resolveAsset } from './resolve-asset'

/** Must run before `app` is ready: `app://` is standard and secure, without `bypassCSP`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/** Serves the built renderer from `root` with the CSP as a response header (checklist 7, 18). */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAsset(request.url, root, APP_HOST)
    if (asset === null) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(asset.file)
      return new Response(body, {
        headers: {
          'content-type': asset.mime,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
