/**
 * Static reading of probe scripts, so Linux CI can check that each `.ps1` returns the fields its
 * zod fact schema expects (`shared/probes/facts/`) without running PowerShell.
 *
 * Contract (see compose-script.ts): a probe body ends with ONE top-level statement
 * `return [ordered]@{ ... }`, written at column 0, whose entries become the probe's `data`. This
 * module finds that statement and lists the keys at the first nesting level of the hashtable.
 *
 * The parser is deliberately small. It understands exactly what can hide a brace or a key:
 * - single-quoted strings (`''` escapes), double-quoted strings (backtick escapes, `""`, and
 *   `$( ... )` subexpressions, scanned as code, so nested quotes inside them are fine),
 *   here-strings (`@' ... '@`, `@" ... "@`), line comments (`#`) and block comments (`<# #>`);
 * - brackets `{}` `()` `[]` (so nested `@{}` / `@()` / `$()` / `[type]` / script blocks are skipped);
 * - backtick escapes in code (line continuations).
 * An entry starts at the beginning of the hashtable, after `;`, or after a newline that does not
 * continue the previous entry (a line ending in `=`, `|` or `,` does), at the first nesting level;
 * its key is a bareword (`name`) or a quoted string (`'name'`, `"name"` without expansion),
 * followed by `=`. Anything else in key position is reported as an error instead of
 * being guessed at, so an unsupported construct fails the test loudly rather than passing silently.
 *
 * Limits: the `return [ordered]@{` search is textual (the last match at column 0), so a here-string
 * line that starts with that text after the real return would confuse it; the check that nothing
 * but comments follows the closing brace makes such a case fail rather than pass.
 */

export interface ReturnedKeys {
  readonly keys: string[]
  /** Offset of the `@{` that opens the returned hashtable. */
  readonly start: number
  /** Offset just past its closing `}`. */
  readonly end: number
}

export class ScriptContractError extends Error {}

const CLOSER: Readonly<Record<string, string>> = { '{': '}', '(': ')', '[': ']' }
const KEY = /^(?:([A-Za-z_][A-Za-z0-9_]*)|'((?:[^']|'')*)'|"([^"`$]*)")[ \t]*=(?!=)/

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length
}

/** Index just past a `#` line comment (the newline itself is not consumed). */
function skipLineComment(source: string, i: number): number {
  const nl = source.indexOf('\n', i)
  return nl < 0 ? source.length : nl
}

function skipBlockComment(source: string, i: number): number {
  const end = source.indexOf('#>', i + 2)
  if (end < 0) throw new ScriptContractError(`unterminated block comment at line ${lineOf(source, i)}`)
  return end + 2
}

/** Is there a here-string opener (`@'` or `@"` followed by end of line) at `i`? */
function hereStringQuote(source: string, i: number): string | undefined {
  if (source[i] !== '@') return undefined
  const quote = source[i + 1]
  if (quote !== "'" && quote !== '"') return undefined
  const rest = /^[ \t]*\r?\n/.exec(source.slice(i + 2))
  return rest ? quote : undefined
}

function skipHereString(source: string, i: number, quote: string): number {
  const pattern = new RegExp(`\\n${quote === '"' ? '"' : "'"}@`, 'g')
  pattern.lastIndex = i + 2
  const match = pattern.exec(source)
  if (!match) throw new ScriptContractError(`unterminated here-string at line ${lineOf(source, i)}`)
  return match.index + match[0].length
}

function skipSingleQuoted(source: string, i: number): number {
  let j = i + 1
  while (j < source.length) {
    if (source[j] === "'") {
      if (source[j + 1] === "'") {
        j += 2
        continue
      }
      return j + 1
    }
    j++
  }
  throw new ScriptContractError(`unterminated single-quoted string at line ${lineOf(source, i)}`)
}

function skipDoubleQuoted(source: string, i: number): number {
  let j = i + 1
  while (j < source.length) {
    const c = source[j]
    if (c === '`') {
      j += 2
    } else if (c === '"') {
      if (source[j + 1] === '"') {
        j += 2
        continue
      }
      return j + 1
    } else if (c === '$' && source[j + 1] === '(') {
      j = skipBalanced(source, j + 2, ')')
    } else {
      j++
    }
  }
  throw new ScriptContractError(`unterminated double-quoted string at line ${lineOf(source, i)}`)
}

/**
 * Skips one string, comment or escape starting at `i`; returns the index after it, or undefined
 * when `i` starts none of them.
 */
function skipNonCode(source: string, i: number): number | undefined {
  const c = source[i]
  const here = hereStringQuote(source, i)
  if (here !== undefined) return skipHereString(source, i, here)
  if (c === '<' && source[i + 1] === '#') return skipBlockComment(source, i)
  if (c === '#') return skipLineComment(source, i)
  if (c === "'") return skipSingleQuoted(source, i)
  if (c === '"') return skipDoubleQuoted(source, i)
  // A backtick escapes the next character; before CRLF it is a line continuation of 3 characters.
  if (c === '`') return source.startsWith('\r\n', i + 1) ? i + 3 : i + 2
  return undefined
}

/** Scans code from `i` up to and including the `closer` that balances it; returns the index after it. */
function skipBalanced(source: string, i: number, closer: string): number {
  let j = i
  while (j < source.length) {
    const skipped = skipNonCode(source, j)
    if (skipped !== undefined) {
      j = skipped
      continue
    }
    const c = source[j] as string
    const nested = CLOSER[c]
    if (nested !== undefined) {
      j = skipBalanced(source, j + 1, nested)
      continue
    }
    if (c === '}' || c === ')' || c === ']') {
      if (c !== closer) throw new ScriptContractError(`expected '${closer}' but found '${c}' at line ${lineOf(source, j)}`)
      return j + 1
    }
    j++
  }
  throw new ScriptContractError(`missing '${closer}' before end of script (opened before line ${lineOf(source, i)})`)
}

/** Keys of the hashtable literal whose `{` is at `open`, and the index after its `}`. */
export function readHashtableKeys(source: string, open: number): { keys: string[]; end: number } {
  if (source[open] !== '{') throw new ScriptContractError(`no '{' at offset ${open}`)
  const keys: string[] = []
  let i = open + 1
  let entryStart = true
  // The last significant character at the first level: a line ending in `=`, `|` or `,` continues
  // the same entry on the next line (`key =` / pipeline / array), so no new key starts there.
  let last = ';'
  while (i < source.length) {
    const c = source[i] as string
    if (c === ' ' || c === '\t' || c === '\r') {
      i++
      continue
    }
    if (c === '\n') {
      if (last !== '=' && last !== '|' && last !== ',') entryStart = true
      i++
      continue
    }
    if (c === ';') {
      entryStart = true
      last = ';'
      i++
      continue
    }
    if (c === '}') return { keys, end: i + 1 }
    const isComment = c === '#' || (c === '<' && source[i + 1] === '#')
    if (entryStart && !isComment) {
      const match = KEY.exec(source.slice(i))
      if (!match) {
        const nl = source.indexOf('\n', i)
        const text = source.slice(i, nl < 0 ? undefined : nl)
        throw new ScriptContractError(`unsupported hashtable entry at line ${lineOf(source, i)}: ${text.trim()}`)
      }
      keys.push(match[1] ?? (match[2] !== undefined ? match[2].replace(/''/g, "'") : (match[3] as string)))
      i += match[0].length
      entryStart = false
      last = '='
      continue
    }
    const skipped = skipNonCode(source, i)
    if (skipped !== undefined) {
      // Comments do not change `last`; a string or an escape is a value.
      if (!isComment) last = c === '`' ? last : 'x'
      i = skipped
      continue
    }
    const nested = CLOSER[c]
    if (nested !== undefined) {
      i = skipBalanced(source, i + 1, nested)
      last = 'x'
      continue
    }
    if (c === ')' || c === ']') throw new ScriptContractError(`unbalanced '${c}' at line ${lineOf(source, i)}`)
    last = c
    i++
  }
  throw new ScriptContractError(`missing '}' for the hashtable opened at line ${lineOf(source, open)}`)
}

/** Only whitespace and comments from `i` to the end? */
function onlyTrivia(source: string, i: number): boolean {
  let j = i
  while (j < source.length) {
    const c = source[j] as string
    if (/\s/.test(c)) {
      j++
    } else if (c === '#') {
      j = skipLineComment(source, j)
    } else if (c === '<' && source[j + 1] === '#') {
      j = skipBlockComment(source, j)
    } else {
      return false
    }
  }
  return true
}

/**
 * The keys of a probe script's final `return [ordered]@{ ... }`, in source order.
 * Throws {@link ScriptContractError} when the script does not follow the contract.
 */
export function extractReturnedKeys(source: string): ReturnedKeys {
  const pattern = /^return[ \t]+\[ordered\][ \t]*@\{/gm
  let last: RegExpExecArray | undefined
  for (let m = pattern.exec(source); m !== null; m = pattern.exec(source)) last = m
  if (!last) throw new ScriptContractError('no top-level `return [ordered]@{` at the start of a line')
  const open = last.index + last[0].length - 1
  const { keys, end } = readHashtableKeys(source, open)
  if (!onlyTrivia(source, end)) {
    throw new ScriptContractError(`code follows the final return (line ${lineOf(source, end)}); the return must be the last statement`)
  }
  return { keys, start: open - 1, end }
}

/** Differences between the keys a script returns and the keys a schema declares. */
export function compareKeys(
  scriptKeys: readonly string[],
  schemaKeys: readonly string[],
): {
  missingInScript: string[]
  extraInScript: string[]
  duplicatesInScript: string[]
} {
  const script = new Set(scriptKeys)
  const schema = new Set(schemaKeys)
  return {
    missingInScript: [...schema].filter((k) => !script.has(k)).sort(),
    extraInScript: [...script].filter((k) => !schema.has(k)).sort(),
    duplicatesInScript: scriptKeys.filter((k, idx) => scriptKeys.indexOf(k) !== idx),
  }
}
