/**
 * Data for scripts travels as base64 of UTF-8 JSON: the alphabet `[A-Za-z0-9+/=]` cannot break out of
 * a single-quoted PowerShell string, so no untrusted text is ever spliced into script text
 * (docs/security.md#data-not-code).
 */
export function encodeScriptInput(data: unknown): string {
  const json = JSON.stringify(data ?? null)
  return Buffer.from(json, 'utf8').toString('base64')
}

/** `-EncodedCommand` takes base64 of the UTF-16LE script text (docs/security.md#elevation). */
export function encodeCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64')
}

/** Base64 of UTF-8 text, for a script that is decoded and run inside an existing session. */
export function encodeUtf8(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}
