import { diffArrays } from 'diff'
import type { FixPlan } from '../../../../shared/repair/fix-plan'
import { useT } from '../../i18n/use-t'

type FileChange = NonNullable<FixPlan['fileChange']>

/**
 * A line diff of the `.wslconfig` change (before any save, the user sees exactly what changes).
 * Texts are what the bytes really hold; lines compare with their line ends, so a change of line
 * ends alone is visible (marked), and an encoding change is named — never the same text twice.
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

/**
 * Lines removed and added, in order, by jsdiff's Myers diff (O(ND): a `.wslconfig` may be up to
 * 1 MiB, where a plain LCS table would be quadratic in memory). If the files are so different that
 * the diff takes longer than DIFF_TIME_LIMIT_MS, every old line is shown removed and every new one
 * added — still exactly the change, only less compact.
 */
export function diffLines(a: readonly Line[], b: readonly Line[]): Row[] {
  const changes = diffArrays([...a], [...b], { comparator: (x, y) => x.text === y.text && x.end === y.end, timeout: DIFF_TIME_LIMIT_MS })
  const rows: Row[] =
    changes === undefined
      ? [...a.map((line) => ({ kind: 'del' as const, ...line })), ...b.map((line) => ({ kind: 'add' as const, ...line }))]
      : changes.flatMap((change) =>
          change.value.map((line) => ({ kind: change.added ? ('add' as const) : change.removed ? ('del' as const) : ('same' as const), ...line })),
        )
  // An empty last line (the file ends with a line end, or a new file) is not a change worth showing.
  return rows.filter((row) => !(row.text === '' && row.end === ''))
}

const DIFF_TIME_LIMIT_MS = 1000
