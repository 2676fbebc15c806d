import type { ArgKind } from './message-args'

/** A WSL message template turned into a regular expression body (no anchors, no flags). */
export interface MessagePattern {
  /** Regex source; capture group i holds the argument `argOrder[i]` (call order). */
  readonly source: string
  readonly argOrder: readonly number[]
  /** Literal characters in the template: more means a more specific match. */
  readonly score: number
  /** Longest lower-case run of letters/digits that any match must contain (cheap pre-filter). */
  readonly anchor: string
  /** Lines the template spans. */
  readonly lines: number
}

/** Horizontal whitespace (regex class), including the no-break and ideographic spaces some translations use. */
export const SPACE = '[\\t \\u00A0\\u2007\\u202F\\u3000]'

const PUNCTUATION: Readonly<Record<string, string>> = {
  ':': ':：',
  '.': '.。．',
  ',': ',，、',
  ';': ';；',
  '(': '(（',
  ')': ')）',
  '!': '!！',
  '?': '?？',
}
const QUOTES = '\'"`“”‘’«»„『』「」'
const PERIODS = '.。．'

type Token =
  | { readonly kind: 'arg'; readonly index: number }
  | { readonly kind: 'space' }
  | { readonly kind: 'newline' }
  | { readonly kind: 'punct'; readonly char: string }
  | { readonly kind: 'quote' }
  | { readonly kind: 'char'; readonly char: string }

/**
 * Compiles one template of wsl-messages.json (or a legacy text) so that WSL output matches it
 * whatever small typographic drift the translation or WSL version has
 * (docs/knowledge/wsl-checks.md#mirrored-fallback-messages: match tolerantly, on stable tokens):
 * - `{}` is a lazy one-line capture (`\d+` for `int` arguments when `strict`); `{2}` names the
 *   call-order argument explicitly (legacy translations that reordered arguments);
 * - whitespace between words is one or more spaces of any kind, and optional next to punctuation
 *   and CJK text; `\n` matches one or more line breaks;
 * - ASCII and full-width punctuation are interchangeable, a line's final period is optional, and
 *   any quote character matches any other or none.
 */
export function compileTemplate(template: string, kinds: readonly ArgKind[], strict: boolean): MessagePattern {
  const tokens = tokenize(template)
  const fragments: Fragment[] = []
  const argOrder: number[] = []
  let score = 0
  let lines = 1
  let run = ''
  let anchor = ''
  let spaced = false
  const literal = (source: string, counts: boolean): void => {
    fragments.push({ kind: 'literal', source, counts })
    spaced = false
  }
  const optionalSpace = (): void => {
    if (!spaced) fragments.push({ kind: 'literal', source: `${SPACE}*`, counts: false })
    spaced = true
  }
  const endRun = (): void => {
    if (run.length > anchor.length) anchor = run
    run = ''
  }
  tokens.forEach((token, i) => {
    if (token.kind !== 'char' || !/[\p{L}\p{N}]/u.test(token.char)) endRun()
    switch (token.kind) {
      case 'arg':
        argOrder.push(token.index)
        fragments.push({ kind: strict && kinds[token.index] === 'int' ? 'int' : 'text' })
        spaced = false
        return
      case 'space':
        if (spaced) return
        if (wordLike(tokens[i - 1]) && wordLike(tokens[i + 1])) {
          literal(`${SPACE}+`, false)
          spaced = true
        } else optionalSpace()
        return
      case 'newline':
        lines++
        optionalSpace()
        literal(`\\n(?:${SPACE}*\\n)*`, true)
        optionalSpace()
        return
      case 'punct': {
        score++
        optionalSpace()
        const next = tokens[i + 1]
        const lineEnd = next === undefined || next.kind === 'newline'
        const optional = lineEnd && PERIODS.includes(token.char)
        literal(`[${escapeClass(PUNCTUATION[token.char] ?? token.char)}]${optional ? '?' : ''}`, !optional)
        optionalSpace()
        return
      }
      case 'quote':
        optionalSpace()
        literal(`[${escapeClass(QUOTES)}]?`, false)
        optionalSpace()
        return
      case 'char':
        score++
        if (/[\p{L}\p{N}]/u.test(token.char)) run += token.char.toLowerCase()
        literal(escapeChar(token.char), true)
    }
  })
  endRun()
  return { source: assemble(fragments), argOrder, score, anchor, lines }
}

type Fragment = { readonly kind: 'text' } | { readonly kind: 'int' } | { readonly kind: 'literal'; readonly source: string; readonly counts: boolean }

/**
 * Joins the fragments. A free-text `{}` ends at the first place where the text up to the next
 * free-text `{}` matches (an atomic group, emulated by a look-ahead and a back-reference), so a
 * long line that almost matches fails in linear time instead of trying every way to split it.
 */
function assemble(fragments: readonly Fragment[]): string {
  let source = ''
  fragments.forEach((fragment, i) => {
    if (fragment.kind === 'literal') source += fragment.source
    else if (fragment.kind === 'int') source += '(\\d+)'
    else {
      let tail = ''
      let anchored = false
      let j = i + 1
      for (; j < fragments.length; j++) {
        const next = fragments[j]
        if (next === undefined || next.kind === 'text') break
        if (next.kind === 'int') tail += '\\d+'
        else {
          tail += next.source
          anchored ||= next.counts
        }
      }
      if (j === fragments.length) {
        tail += `${SPACE}*$`
        anchored = true
      }
      source += anchored ? `(?=(?<a${i}>[^\\n]+?)${tail})\\k<a${i}>` : '([^\\n]+?)'
    }
  })
  return source
}

/** A space between two of these separates words and must be there; elsewhere (CJK, punctuation) it may be missing. */
function wordLike(token: Token | undefined): boolean {
  if (token === undefined) return false
  if (token.kind === 'arg') return true
  return token.kind === 'char' && /[\p{L}\p{N}]/u.test(token.char) && !/[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(token.char)
}

function tokenize(template: string): Token[] {
  const tokens: Token[] = []
  let next = 0
  for (let i = 0; i < template.length; i++) {
    const c = template[i] ?? ''
    const placeholder = /^\{(\d*)\}/.exec(template.slice(i, i + 6))
    if (placeholder) {
      const explicit = placeholder[1]
      tokens.push({ kind: 'arg', index: explicit ? Number(explicit) : next++ })
      i += placeholder[0].length - 1
    } else if (c === '\n' || c === '\r') {
      if (tokens.at(-1)?.kind === 'space') tokens.pop()
      if (tokens.at(-1)?.kind !== 'newline') tokens.push({ kind: 'newline' })
    } else if (/\s/.test(c)) {
      const last = tokens.at(-1)?.kind
      if (last !== 'space' && last !== 'newline') tokens.push({ kind: 'space' })
    } else if (c in PUNCTUATION || Object.values(PUNCTUATION).some((set) => set.includes(c))) {
      tokens.push({ kind: 'punct', char: asciiPunctuation(c) })
    } else if (QUOTES.includes(c)) {
      tokens.push({ kind: 'quote' })
    } else {
      tokens.push({ kind: 'char', char: c })
    }
  }
  return tokens
}

function asciiPunctuation(c: string): string {
  return Object.entries(PUNCTUATION).find(([, set]) => set.includes(c))?.[0] ?? c
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c
}

function escapeClass(chars: string): string {
  return chars.replace(/[\]\\^-]/g, (c) => `\\${c}`)
}
