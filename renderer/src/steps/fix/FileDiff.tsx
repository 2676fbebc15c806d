import type { FixPlan } from '../../../../shared/repair/fix-plan'
import { useT } from '../../i18n/use-t'

type FileChange = NonNullable<FixPlan['fileChange']>

/**
 * A line diff of the `.wslconfig` change (before any save, the user sees exactly what changes).
 * Texts are what the bytes really hold; lines compare with their line ends, so a change of line
 * ends alone is visible (marked), and an encoding change is named — never the same text twice.
 * Plain longest-common-subsequence over lines: the files are small.
 */
export function FileDiff({ path, before, after, encodingBefore, encodingAfter, caption }: FileChange & { readonly caption?: string }) {
  const t = useT()
  const a = splitLines(before)
  const b = splitLines(after)
  const rows = diffLines(a, b)
  const showEnds = endKinds(a) !== endKinds(b)
  return (
    <figure className="diff">
      <figcaption>{caption ?? t('fix.confirm.diff', { path })}</figcaption>
      {encodingBefore !== undefined && encodingAfter !== undefined && encodingBefore !== encodingAfter && (
        <p data-testid="file-diff-encoding">
          {t('fix.confirm.encodingChange', { from: t(`fix.confirm.encoding.${encodingBefore}`), to: t(`fix.confirm.encoding.${encodingAfter}`) })}
        </p>
      )}
      <pre className="output" data-testid="file-diff">
        {rows.map((row, i) => (
          <span key={i} className={`diff-${row.kind}`}>
            {row.kind === 'add' ? '+ ' : row.kind === 'del' ? '- ' : '  '}
            {row.text}
            {showEnds && row.kind !== 'same' && row.end !== '' && <span className="muted"> {t(`fix.confirm.lineEnd.${endName(row.end)}`)}</span>}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  )
}

/** One line: its text and the line end that follows it ('' for the last line without one). */
export interface Line {
  readonly text: string
  readonly end: string
}

type Row = { kind: 'same' | 'add' | 'del' } & Line

/** Splits at CR LF, LF and lone CR, keeping each line's end. */
export function splitLines(text: string): Line[] {
  const out: Line[] = []
  const re = /\r\n|\n|\r/g
  let last = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ text: text.slice(last, m.index), end: m[0] })
    last = m.index + m[0].length
  }
  if (last < text.length || out.length === 0) out.push({ text: text.slice(last), end: '' })
  return out
}

function endName(end: string): 'crlf' | 'lf' | 'cr' {
  return end === '\r\n' ? 'crlf' : end === '\n' ? 'lf' : 'cr'
}

/** Which line ends a text uses, e.g. "cr" or "crlf+lf". */
function endKinds(lines: readonly Line[]): string {
  return [...new Set(lines.filter((l) => l.end !== '').map((l) => endName(l.end)))].sort().join('+')
}

export function diffLines(a: readonly Line[], b: readonly Line[]): Row[] {
  const n = a.length
  const m = b.length
  const same = (x: Line | undefined, y: Line | undefined): boolean => x !== undefined && y !== undefined && x.text === y.text && x.end === y.end
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = same(a[i], b[j]) ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  const rows: Row[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && same(a[i], b[j])) {
      rows.push({ kind: 'same', ...a[i++]! })
      j++
    }
    // Removed lines before added ones, as `diff -u` shows them.
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) rows.push({ kind: 'del', ...a[i++]! })
    else rows.push({ kind: 'add', ...b[j++]! })
  }
  // An empty last line (the file ends with a line end, or a new file) is not a change worth showing.
  return rows.filter((row) => !(row.text === '' && row.end === ''))
}
