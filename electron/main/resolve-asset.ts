import { extname, join, normalize, sep } from 'node:path'

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/**
 * Maps an `app://doctor/…` URL to a file inside the renderer folder, or null.
 *
 * Refuses other hosts, encoded traversal (`%2e%2e`), backslashes and anything that normalizes
 * outside `root`: the protocol handler must never become a file server for the whole disk.
 */
export function resolveAsset(requestUrl: string, root: string, expectedHost: string): { readonly file: string; readonly mime: string } | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.host !== expectedHost) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\\') || path.includes('\0')) return null
  const relative = path === '/' || path === '' ? 'index.html' : path.replace(/^\/+/, '')
  const file = normalize(join(root, relative))
  const base = normalize(root.endsWith(sep) ? root : root + sep)
  if (!file.startsWith(base)) return null
  return { file, mime: MIME[extname(file).toLowerCase()] ?? 'application/octet-stream' }
}
