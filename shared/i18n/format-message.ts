import type { Locale } from './locale'

/**
 * The one message formatter behind every catalog (UI, diagnosis, repair, report). Templates use a
 * small subset of ICU MessageFormat, enough for two languages:
 * - `{name}`: the argument; numbers in the locale's format, lists joined with `Intl.ListFormat`;
 * - `{count, plural, one {# line} other {# lines}}`: the branch `Intl.PluralRules` picks for the
 *   locale (`=0`-style exact branches first), `#` being the formatted number. Chinese has no
 *   plural forms, so its catalog just writes `{count} 行`.
 * An argument may carry a per-language value as `name@zh-CN` (WSL's own Chinese text, a Windows
 * term from `windows-terms.ts`); it wins over the plain `name` in that language.
 * A brace that does not start one of these (a CLSID like `{3d09c1ca-…}`) is literal text.
 * A missing argument stays visible as `{name}`: the catalog tests fail on it instead of the user
 * reading a silently shortened sentence.
 */
export type MessageValue = string | number | readonly string[]
export type MessageValues = Readonly<Record<string, MessageValue | undefined>>

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'arg'; readonly name: string }
  | { readonly kind: 'pound' }
  | { readonly kind: 'plural'; readonly name: string; readonly branches: ReadonlyMap<string, readonly Node[]> }

const parsed = new Map<string, readonly Node[]>()

export function formatMessage(locale: Locale, template: string, values: MessageValues = {}): string {
  return render(locale, parse(template), values, null)
}

/** The argument names a template uses (plural arguments included), for the catalogs' parity tests. */
export function templateArguments(template: string): string[] {
  const names = new Set<string>()
  const walk = (nodes: readonly Node[]) => {
    for (const node of nodes) {
      if (node.kind === 'arg') names.add(node.name)
      if (node.kind === 'plural') {
        names.add(node.name)
        for (const branch of node.branches.values()) walk(branch)
      }
    }
  }
  walk(parse(template))
  return [...names].sort()
}

/** Arguments used as plural counts: they must be numbers at the call site. */
export function pluralArguments(template: string): string[] {
  return parse(template)
    .filter((node): node is Extract<Node, { kind: 'plural' }> => node.kind === 'plural')
    .map((node) => node.name)
}

function parse(template: string): readonly Node[] {
  let nodes = parsed.get(template)
  if (nodes === undefined) {
    const [result, end] = parseNodes(template, 0, false)
    if (end !== template.length) throw new Error(`Unbalanced "}" in message: ${template}`)
    nodes = result
    parsed.set(template, nodes)
  }
  return nodes
}

const SIMPLE = /^\{(\w+)\}/
const PLURAL = /^\{(\w+),\s*plural,/
const SELECTOR = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/

/** Parses until the end, or (inside a plural branch) until the `}` that closes the branch. */
function parseNodes(template: string, start: number, inBranch: boolean): [Node[], number] {
  const nodes: Node[] = []
  let text = ''
  let i = start
  const flush = () => {
    if (text !== '') nodes.push({ kind: 'text', text })
    text = ''
  }
  while (i < template.length) {
    const char = template[i] ?? ''
    const rest = template.slice(i)
    if (char === '}' && inBranch) break
    if (char === '#' && inBranch) {
      flush()
      nodes.push({ kind: 'pound' })
      i += 1
      continue
    }
    if (char === '{') {
      const simple = SIMPLE.exec(rest)
      if (simple) {
        flush()
        nodes.push({ kind: 'arg', name: simple[1] ?? '' })
        i += simple[0].length
        continue
      }
      const plural = PLURAL.exec(rest)
      if (plural) {
        flush()
        const [node, end] = parsePlural(template, i + plural[0].length, plural[1] ?? '')
        nodes.push(node)
        i = end
        continue
      }
    }
    text += char
    i += 1
  }
  flush()
  return [nodes, i]
}

function parsePlural(template: string, start: number, name: string): [Node, number] {
  const branches = new Map<string, readonly Node[]>()
  let i = start
  for (;;) {
    const rest = template.slice(i)
    const close = /^\s*\}/.exec(rest)
    if (close) {
      i += close[0].length
      break
    }
    const selector = SELECTOR.exec(rest)
    if (!selector) throw new Error(`Bad plural branch in message: ${template}`)
    const [branch, end] = parseNodes(template, i + selector[0].length, true)
    if (template[end] !== '}') throw new Error(`Unclosed plural branch in message: ${template}`)
    branches.set(selector[1] ?? '', branch)
    i = end + 1
  }
  if (!branches.has('other')) throw new Error(`A plural needs an "other" branch: ${template}`)
  return [{ kind: 'plural', name, branches }, i]
}

function render(locale: Locale, nodes: readonly Node[], values: MessageValues, count: number | null): string {
  let out = ''
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        out += node.text
        break
      case 'pound':
        out += count === null ? '#' : formatNumber(locale, count)
        break
      case 'arg': {
        const value = lookup(locale, values, node.name)
        out += value === undefined ? `{${node.name}}` : formatValue(locale, value)
        break
      }
      case 'plural': {
        const value = lookup(locale, values, node.name)
        const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN
        if (!Number.isFinite(n)) {
          out += `{${node.name}}`
          break
        }
        const branch = node.branches.get(`=${n}`) ?? node.branches.get(new Intl.PluralRules(locale).select(n)) ?? node.branches.get('other') ?? []
        out += render(locale, branch, values, n)
        break
      }
      default:
        throw new Error(`Unknown message node ${JSON.stringify(node satisfies never)}`)
    }
  }
  return out
}

function lookup(locale: Locale, values: MessageValues, name: string): MessageValue | undefined {
  return values[`${name}@${locale}`] ?? values[name]
}

function formatValue(locale: Locale, value: MessageValue): string {
  if (typeof value === 'number') return formatNumber(locale, value)
  if (typeof value === 'string') return value
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(value)
}

/** Grouping and decimal sign of the locale; one decimal at most. */
function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)
}
