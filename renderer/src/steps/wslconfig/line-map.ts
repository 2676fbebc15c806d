import type { WslConfigEntry } from '../../../../shared/wslconfig/types'

/**
 * Maps the line numbers WSL prints (`…\.wslconfig:2`) to the rows we show (the text split at LF).
 *
 * They agree for LF and CRLF files, including `\` line continuations (WSL reports the last line of
 * a continued key, which is the row where its value ends). They differ only where a key or section
 * line ends with a lone CR: WSL's parser counts that CR as a line break, a lone CR at the start of
 * a line or inside a comment or skipped line is not counted. So each parsed line is anchored at the
 * row of its own offset, and lines between anchors keep the offset of the anchor before them.
 */
export function wslLineToRow(text: string, entries: readonly WslConfigEntry[]): (line: number) => number {
  const lfs: number[] = []
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) lfs.push(i)
  const rowCount = lfs.length + 1
  const rowAt = (offset: number): number => 1 + lfs.filter((lf) => lf < offset).length
  const anchors = entries
    .map((e) => ({ line: e.line, row: rowAt(e.kind === 'key' ? e.termPos : e.kind === 'section' ? e.start : e.errorPos) }))
    .sort((a, b) => a.line - b.line)
  return (line) => {
    const before = anchors.filter((a) => a.line <= line).pop()
    const row = before ? before.row + (line - before.line) : line
    return Math.min(Math.max(row, 1), rowCount)
  }
}
