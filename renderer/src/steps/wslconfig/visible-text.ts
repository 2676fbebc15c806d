/**
 * Shows characters WSL sees but a text box hides: NUL (typical of UTF-16 read as UTF-8), a lone CR
 * and other C0 controls become their Unicode "control picture" (U+2400 block); tabs stay tabs.
 */
export function visibleText(text: string): { readonly text: string; readonly replaced: boolean } {
  let replaced = false
  const out = text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => {
    replaced = true
    const code = c.charCodeAt(0)
    return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code)
  })
  return { text: out, replaced }
}
