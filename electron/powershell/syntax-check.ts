import { createRequire } from 'node:module'
import { Language, Parser, type Node as TsNode } from 'web-tree-sitter'

/**
 * What kind of problem a {@link SyntaxIssue} describes.
 *
 * The first two come from tree-sitter's parse tree; the last three are project rules that the
 * grammar cannot express but every script we ship must obey.
 */
export type SyntaxIssueKind =
  | 'syntax-error'
  | 'missing-token'
  | 'non-ascii'
  | 'try-without-handler'
  | 'invoke-expression'

/**
 * One problem found in a PowerShell script, positioned so a developer can jump straight to it.
 *
 * `line` and `column` are 1-based; the column counts UTF-16 code units (JavaScript string
 * indices), which equals characters for the pure-ASCII scripts we require.
 */
export interface SyntaxIssue {
  kind: SyntaxIssueKind
  line: number
  column: number
  message: string
  /** A short, single-line snippet of the offending source, for humans reading CI logs. */
  excerpt: string
}

const EXCERPT_MAX = 60

// Matches the name of the string evaluator, optionally module-qualified and/or quoted:
// `iex`, `Invoke-Expression`, `Microsoft.PowerShell.Utility\Invoke-Expression`, `'iex'`.
const INVOKE_EXPRESSION = /^['"]?(?:[\w.]+\\)?(?:invoke-expression|iex)['"]?$/i

const OPENER_FOR: Readonly<Record<string, readonly string[]>> = {
  '}': ['{', '@{'],
  ')': ['(', '@(', '$('],
  ']': ['['],
}

let parserPromise: Promise<Parser> | undefined

/**
 * Load the PowerShell grammar once per process. Loading wasm costs tens of milliseconds, and
 * the lint checks many files, so every call shares one parser. A failed load is not cached,
 * so a later call can retry.
 */
function getParser(): Promise<Parser> {
  if (!parserPromise) {
    parserPromise = (async () => {
      // createRequire(import.meta.url) works both under vitest (ESM) and tsx (which shims
      // import.meta.url when it compiles this file as CommonJS).
      const require = createRequire(import.meta.url)
      const wasmPath = require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm')
      await Parser.init()
      const language = await Language.load(wasmPath)
      const parser = new Parser()
      parser.setLanguage(language)
      return parser
    })()
    parserPromise.catch(() => {
      parserPromise = undefined
    })
  }
  return parserPromise
}

/**
 * Syntax-check a PowerShell script without PowerShell, so Linux CI can catch broken probe and
 * repair scripts before they reach a Windows machine.
 *
 * Reports every tree-sitter ERROR and MISSING node plus three project rules:
 * - `non-ascii`: scripts travel as -EncodedCommand/stdin and must stay pure ASCII;
 * - `try-without-handler`: `try {}` needs `catch` or `finally` (PowerShell rejects it, the
 *   grammar accepts it);
 * - `invoke-expression`: we never evaluate strings, so `Invoke-Expression`/`iex` is banned.
 *
 * The try and Invoke-Expression rules read the parse tree (`try_statement` without
 * `catch_clauses`/`finally_clause`; command names and bareword arguments), so strings,
 * comments and here-strings can never confuse them, unlike a hand-written brace matcher.
 * An unclosed `{`/`(`/`[` is reported at the opener, and when a file has syntax errors a
 * quoted string spanning lines gets an "unterminated quote?" hint at its opening quote.
 *
 * Limits: this is tree-sitter-powershell, not PowerShell's own parser. Known false positives:
 * several `switch` clauses on one line, bareword comma lists (`Select-Object A, B`). Known
 * misses: a stray `else`. The two tree-based project rules only see code that parsed; inside
 * an ERROR region they may miss things, but that region is already reported. A Windows runner
 * should additionally run `[System.Management.Automation.Language.Parser]::ParseFile`.
 */
export async function checkPowerShellSyntax(source: string): Promise<SyntaxIssue[]> {
  const parser = await getParser()
  const tree = parser.parse(source)
  if (!tree) {
    throw new Error('tree-sitter returned no tree for the PowerShell source')
  }
  const lines = source.split('\n').map((line) => line.replace(/\r$/, ''))
  const issues: SyntaxIssue[] = []
  try {
    collectTreeIssues(tree.rootNode, lines, issues)
    if (tree.rootNode.hasError) collectSuspectStrings(tree.rootNode, issues)
    collectTryIssues(tree.rootNode, issues)
    collectInvokeExpressionIssues(tree.rootNode, issues)
  } finally {
    // The tree lives in wasm memory; free it rather than waiting for a finalizer.
    tree.delete()
  }
  issues.push(...findNonAscii(lines))
  return dedupeAndSort(issues)
}

function collectTreeIssues(node: TsNode, lines: string[], out: SyntaxIssue[]): void {
  if (node.isMissing) {
    out.push(describeMissing(node, lines))
    return
  }
  if (node.isError) {
    out.push(
      issueAt('syntax-error', node.startPosition.row, node.startPosition.column,
        'unexpected syntax (tree-sitter ERROR node)', node.text),
    )
  }
  let childReported = false
  for (const child of node.children) {
    if (child.hasError) {
      collectTreeIssues(child, lines, out)
      childReported = true
    }
  }
  // hasError without any visible ERROR/MISSING descendant means tree-sitter inserted a hidden
  // token (e.g. `_statement_terminator` between two switch clauses on one line). The node
  // API does not expose hidden nodes, so report the innermost node that contains it.
  if (node.hasError && !node.isError && !childReported) {
    out.push(
      issueAt('missing-token', node.startPosition.row, node.startPosition.column,
        `parser inserted a hidden missing token inside ${node.type}` +
          (node.type.startsWith('switch_') ? ' (several switch clauses on one line? put each on its own line)' : ''),
        node.text),
    )
  }
}

/**
 * A missing closer is reported at the opener it should close: tree-sitter places the MISSING
 * node at end of file, which tells nobody where the unbalanced brace is.
 */
function describeMissing(node: TsNode, lines: string[]): SyntaxIssue {
  const expected = node.type
  const at = `${node.startPosition.row + 1}:${node.startPosition.column + 1}`
  const openers = OPENER_FOR[expected]
  const parent = node.parent
  if (openers && parent) {
    const siblings = parent.children
    const index = siblings.findIndex((s) => s.id === node.id)
    for (let i = (index < 0 ? siblings.length : index) - 1; i >= 0; i--) {
      const sibling = siblings[i]
      if (sibling && openers.includes(sibling.type)) {
        const { row, column } = sibling.startPosition
        return issueAt('missing-token', row, column,
          `'${sibling.type}' is never closed (tree-sitter expected '${expected}' at ${at})`,
          lines[row]?.slice(column) ?? '')
      }
    }
  }
  return issueAt('missing-token', node.startPosition.row, node.startPosition.column,
    `missing '${expected}'`, lines[node.startPosition.row] ?? '')
}

/**
 * An unterminated quote swallows code up to the next quote of the same kind, so tree-sitter's
 * ERROR lands lines later. Multi-line quoted strings are legal, so this hint is only given
 * when the file already has syntax errors, and only for strings that start before the first
 * error. Here-strings are exempt: spanning lines is their purpose.
 */
function collectSuspectStrings(root: TsNode, out: SyntaxIssue[]): void {
  const errors = out.filter((i) => i.kind === 'syntax-error' || i.kind === 'missing-token')
  const firstErrorLine = Math.min(...errors.map((i) => i.line))
  for (const node of root.descendantsOfType(['expandable_string_literal', 'verbatim_string_characters'])) {
    const start = node.startPosition
    const end = node.endPosition
    if (end.row > start.row && start.row + 1 <= firstErrorLine) {
      out.push(
        issueAt('syntax-error', start.row, start.column,
          `string opened here runs on to line ${end.row + 1}; unterminated quote? (hint, file has syntax errors)`,
          node.text),
      )
    }
  }
}

function collectTryIssues(root: TsNode, out: SyntaxIssue[]): void {
  for (const node of root.descendantsOfType('try_statement')) {
    const hasHandler = node.children.some((c) => c.type === 'catch_clauses' || c.type === 'finally_clause')
    if (!hasHandler) {
      out.push(
        issueAt('try-without-handler', node.startPosition.row, node.startPosition.column,
          "'try' block has no 'catch' or 'finally'", node.text),
      )
    }
  }
}

function collectInvokeExpressionIssues(root: TsNode, out: SyntaxIssue[]): void {
  // Command position (`iex $s`, `& 'iex' $s`, `$s | Invoke-Expression`) and bareword
  // arguments (`Set-Alias run Invoke-Expression`). Comments and ordinary strings are not flagged.
  const candidates = root.descendantsOfType(['command_name', 'command_name_expr', 'generic_token'])
  for (const node of candidates) {
    if (node.type === 'command_name' && node.parent?.type === 'command_name_expr') continue
    if (INVOKE_EXPRESSION.test(node.text.trim())) {
      out.push(
        issueAt('invoke-expression', node.startPosition.row, node.startPosition.column,
          `'${node.text.trim()}' evaluates strings as code; call the command directly`, node.text),
      )
    }
  }
}

function findNonAscii(lines: string[]): SyntaxIssue[] {
  const issues: SyntaxIssue[] = []
  lines.forEach((line, row) => {
    const offenders = [...line.matchAll(/[^\x00-\x7F]/g)]
    const first = offenders[0]
    if (!first) return
    const codePoint = line.codePointAt(first.index) ?? 0
    const name = `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`
    const more = offenders.length > 1 ? ` (${offenders.length} on this line)` : ''
    const hint = codePoint === 0xfeff ? ' (byte order mark; save as ASCII/UTF-8 without BOM)' : ''
    issues.push(issueAt('non-ascii', row, first.index, `non-ASCII character ${name}${hint}${more}`, line))
  })
  return issues
}

function issueAt(kind: SyntaxIssueKind, row: number, column: number, message: string,
  text: string): SyntaxIssue {
  return { kind, line: row + 1, column: column + 1, message, excerpt: excerptOf(text) }
}

function excerptOf(text: string): string {
  const firstLine = text.split('\n').find((l) => l.trim() !== '') ?? ''
  const trimmed = firstLine.replace(/\r$/, '').trim()
  return trimmed.length > EXCERPT_MAX ? `${trimmed.slice(0, EXCERPT_MAX - 3)}...` : trimmed
}

function dedupeAndSort(issues: SyntaxIssue[]): SyntaxIssue[] {
  const seen = new Set<string>()
  const unique = issues.filter((issue) => {
    const key = `${issue.kind}:${issue.line}:${issue.column}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  return unique.sort((a, b) => a.line - b.line || a.column - b.column || a.kind.localeCompare(b.kind))
}
