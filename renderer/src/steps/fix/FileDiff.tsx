import { useT } from '../../i18n/use-t'

/**
 * A line diff of the `.wslconfig` change (before any save, the user sees exactly what changes).
 * Plain longest-common-subsequence over lines: the files are small.
 */
export function FileDiff({ path, before, after }: { readonly path: string; readonly before: string; readonly after: string }) {
  const t = useT()
  const rows = diffLines(before.split(/\r?\n/), after.split(/\r?\n/))
  return (
    <figure className="diff">
      <figcaption>{t('fix.confirm.diff', { path })}</figcaption>
      <pre className="output" data-testid="file-diff">
        {rows.map((row, i) => (
          <span key={i} className={`diff-${row.kind}`}>
            {row.kind === 'add' ? '+ ' : row.kind === 'del' ? '- ' : '  '}
            {row.text}
            {'\n'}
          </span>
        ))}
      </pre>
    </figure>
  )
}

type Row = { kind: 'same' | 'add' | 'del'; text: string }

export function diffLines(a: readonly string[], b: readonly string[]): Row[] {
  const n = a.length
  const m = b.length
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  const rows: Row[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) rows.push({ kind: 'same', text: a[i++]! }), j++
    // Removed lines before added ones, as `diff -u` shows them.
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) rows.push({ kind: 'del', text: a[i++]! })
    else rows.push({ kind: 'add', text: b[j++]! })
  }
  // A trailing empty line (file ends with a newline) is not a change worth showing.
  return rows.filter((row, index) => !(index === rows.length - 1 && row.text === '' && row.kind === 'same'))
}
