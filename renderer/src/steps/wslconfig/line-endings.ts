/** How the file's lines end; the editor keeps this style when a fix rewrites the file. */
export type LineEndingStyle = 'crlf' | 'lf' | 'cr' | 'mixed' | 'none'

/** Counts of each line end in the file's own text (before the CRT turns CR LF into LF). */
export interface LineEndings {
  readonly style: LineEndingStyle
  readonly crlf: number
  readonly lf: number
  readonly cr: number
}

/** Classifies the line ends of `rawText`: one kind, several (`mixed`), or none (a single line). */
export function lineEndings(rawText: string): LineEndings {
  let crlf = 0
  let lf = 0
  let cr = 0
  for (let i = 0; i < rawText.length; i++) {
    const c = rawText.charCodeAt(i)
    if (c === 0x0d && rawText.charCodeAt(i + 1) === 0x0a) {
      crlf++
      i++
    } else if (c === 0x0d) cr++
    else if (c === 0x0a) lf++
  }
  const kinds = [crlf > 0, lf > 0, cr > 0].filter(Boolean).length
  const style: LineEndingStyle = kinds === 0 ? 'none' : kinds > 1 ? 'mixed' : crlf > 0 ? 'crlf' : lf > 0 ? 'lf' : 'cr'
  return { style, crlf, lf, cr }
}
