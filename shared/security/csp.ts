/**
 * The renderer's Content Security Policy, used both as the `app://` response header (main) and as
 * the `<meta>` tag in index.html (for the browser demo and e2e), so the two cannot differ.
 *
 * No inline script or style, no remote anything, no plugins, no base or form targets, no framing
 * (Electron checklist item 7; docs/security.md#electron-hardening). React's `style={…}` is set
 * through the CSSOM, which `style-src 'self'` does not block.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
