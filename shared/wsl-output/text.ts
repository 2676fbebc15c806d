/**
 * Cleans raw wsl.exe output before parsing: drops UTF-16 leftovers (NULs and BOMs that appear when
 * UTF-16LE output is read as 8-bit text, docs/knowledge/wsl-checks.md#console-output-of-wsl) and turns CRLF / lone CR into LF.
 * Line count is unchanged, so line numbers found in the result match the original text.
 */
export function normalizeWslText(text: string): string {
  return text.replace(/[\u0000\uFEFF]/g, '').replace(/\r\n?/g, '\n')
}

/** Offsets where each line starts, for turning a match offset into a 1-based line number. */
export function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** The 1-based line holding `offset`, by binary search over `lineStarts` output. */
export function lineAt(starts: readonly number[], offset: number): number {
  let low = 0
  let high = starts.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if ((starts[mid] ?? 0) <= offset) low = mid
    else high = mid - 1
  }
  return low + 1
}

/**
 * Blanks lines longer than `maxLength` (keeping the line count), so tolerant regexes never backtrack
 * over a pasted blob: WSL's own lines are a few hundred characters at most.
 */
export function blankLongLines(text: string, maxLength: number): string {
  return text
    .split('\n')
    .map((line) => (line.length > maxLength ? '' : line))
    .join('\n')
}
