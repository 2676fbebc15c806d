/**
 * Text that becomes part of a PowerShell command without being able to change its meaning.
 *
 * Constrained Language Mode (what AppLocker/WDAC force on managed PCs) forbids `[Convert]`,
 * `[Text.Encoding]` and `[ScriptBlock]::Create`, so data can no longer travel as base64 decoded by
 * .NET (docs/knowledge/powershell-hosting.md#constrained-language-mode). Instead:
 * - data travels as JSON whose every character outside printable ASCII, and every quote, is a
 *   `\uXXXX` escape: the literal holds no quote character PowerShell knows (ASCII `'` or the
 *   typographic U+2018..U+201B), so `'...'` around it cannot be closed early, and
 *   `ConvertFrom-Json` (allowed in every language mode) restores the exact value;
 * - our own script text, which the gates keep ASCII, travels as single-quoted lines with `''`.
 */

/** JSON of `data` with only printable ASCII, no `'` and no `"`-free surprises: safe between `'…'`. */
export function asciiJson(data: unknown): string {
  const json = JSON.stringify(data ?? null)
  return json.replace(/[^\x20-\x7e]|'/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** One line of our own (ASCII) script as a single-quoted PowerShell string literal. */
export function singleQuotedAsciiLine(line: string): string {
  if (!/^[\x09\x20-\x7e]*$/.test(line)) {
    throw new Error(`script line is not printable ASCII: ${JSON.stringify(line.slice(0, 80))}`)
  }
  return `'${line.replace(/'/g, "''")}'`
}
