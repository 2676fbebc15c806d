/** `-EncodedCommand` takes base64 of the UTF-16LE script text (docs/security.md#elevation). */
export function encodeCommand(script: string): string {
  return Buffer.from(script, 'utf16le').toString('base64')
}
