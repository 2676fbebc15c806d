/**
 * Copies text to the clipboard. `navigator.clipboard` is refused in the app (its permission
 * handler denies every permission), so the fallback selects the visible preview and uses
 * `execCommand('copy')`, which needs no permission during a click.
 */
export async function copyText(text: string, preview: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // Denied: fall back to the selection below.
  }
  if (preview === null || typeof document.execCommand !== 'function') return false
  const selection = window.getSelection()
  if (selection === null) return false
  const range = document.createRange()
  range.selectNodeContents(preview)
  selection.removeAllRanges()
  selection.addRange(range)
  try {
    return document.execCommand('copy')
  } catch {
    return false
  }
}
