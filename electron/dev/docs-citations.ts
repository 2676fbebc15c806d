import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Keeps the project's citations inside the project: code, scripts, scenarios and docs cite
 * `docs/…md#anchor`, and every such anchor must be a heading that exists (GitHub's slug rules, so
 * the link also works on GitHub). Citations of the notes the project was started from, which are
 * not in the repository, are refused: a newcomer cannot open them.
 *
 * Run `npx tsx electron/dev/docs-citations.ts` for the list of problems; the test
 * `docs-citations.test.ts` fails on any.
 */

/** Text that names a document outside the repository (the original research notes). */
const OUTSIDE_PATTERNS: readonly { readonly pattern: RegExp; readonly what: string }[] = [
  { pattern: /(?:\.\.\/|\/work\/)shared\/(?:knowledge|wsl-facts|seeds)\b/, what: 'the research notes outside the repository (../shared/…)' },
  { pattern: /(?<![\w/.-])shared\/knowledge\//, what: 'the research notes in shared/knowledge/' },
  { pattern: /(?<![\w/.-])seeds\/[\w.-]+\.txt/, what: 'a seed article outside the repository (seeds/…)' },
  { pattern: /\bwsl-networking\.md\b/, what: 'wsl-networking.md (not in the repository)' },
  { pattern: /\bengineering\.md\b/, what: 'engineering.md (not in the repository)' },
  { pattern: /\btoolchain\.md\b/, what: 'toolchain.md (not in the repository)' },
  { pattern: /\banchors\.md\b/, what: 'anchors.md (not in the repository)' },
  { pattern: /\bKB (?:§|[A-G]\.\d|S\d)/, what: '"KB §" (a section of notes not in the repository)' },
  { pattern: /\bknowledge base (?:[A-G]\.\d|S\d|§)/, what: 'a section of the knowledge notes ("knowledge base A.2")' },
  { pattern: /(?<![\w/])knowledge(?:-base)? (?:[A-G]\.\d|S\d|section [A-GS])/, what: 'a section of the knowledge notes ("knowledge F.13")' },
  { pattern: /\bengineering section \d/, what: 'a section of engineering notes not in the repository' },
]

export interface Problem {
  readonly file: string
  readonly line: number
  readonly message: string
}

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(heading: string): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images keep their text
    .replace(/<[^>]+>/g, '') // inline HTML tags
    .trim()
    .toLowerCase()
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-')
}

/** Every anchor a Markdown file offers: heading slugs (numbered when repeated) and HTML ids. */
export function markdownAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  let fence: string | null = null
  for (const line of markdown.split(/\r?\n/)) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line)
    if (fenceMatch) {
      const marker = fenceMatch[1]!
      if (fence === null) fence = marker[0]!
      else if (marker[0] === fence) fence = null
      continue
    }
    if (fence !== null) continue
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)
    if (heading) {
      const base = githubSlug(heading[1]!)
      const count = seen.get(base) ?? 0
      seen.set(base, count + 1)
      anchors.add(count === 0 ? base : `${base}-${count}`)
    }
    for (const html of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(html[1]!)
  }
  return anchors
}

/** A cited document: repository-relative path, optional anchor, where it was cited. */
export interface Citation {
  readonly target: string
  readonly anchor: string | null
  readonly line: number
}

/**
 * Citations in one file: `docs/….md#anchor` (and `docs/….json`) written anywhere, plus, in Markdown
 * files, relative links to `.md` files and `#anchor` links within the file.
 */
export function citationsIn(file: string, text: string): Citation[] {
  const out: Citation[] = []
  const lines = text.split(/\r?\n/)
  const isMarkdown = file.endsWith('.md')
  lines.forEach((content, index) => {
    const line = index + 1
    for (const m of content.matchAll(/(?<![\w/.-])docs\/[\w./-]*?\.(?:md|json)(?:#[\w-]+)?/g)) {
      const [target, anchor] = m[0].split('#')
      out.push({ target: target!, anchor: anchor ?? null, line })
    }
    if (!isMarkdown) return
    for (const m of content.matchAll(/\]\(([^)\s]+)\)/g)) {
      const link = m[1]!
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue // https:, mailto:, ms-settings:
      const [pathPart, anchor] = link.split('#')
      if (pathPart === '' || pathPart === undefined) {
        out.push({ target: file, anchor: anchor ?? null, line })
        continue
      }
      if (!pathPart.endsWith('.md')) continue
      const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart))
      out.push({ target: resolved, anchor: anchor ?? null, line })
    }
  })
  return out
}

/** Lines of one file that cite a document outside the repository. */
export function outsideCitationsIn(file: string, text: string): Problem[] {
  const problems: Problem[] = []
  text.split(/\r?\n/).forEach((content, index) => {
    for (const { pattern, what } of OUTSIDE_PATTERNS) {
      if (pattern.test(content)) problems.push({ file, line: index + 1, message: `cites ${what}: cite docs/…md#anchor instead` })
    }
  })
  return problems
}

/**
 * Headings written `## Title {#id}`: GitHub shows the braces as text and makes no `id` anchor, so a
 * citation of `#id` would be dead on GitHub. `<a id="id"></a>` above the heading works everywhere.
 */
export function pandocAnchorsIn(file: string, text: string): Problem[] {
  const problems: Problem[] = []
  text.split(/\r?\n/).forEach((content, index) => {
    const m = /^\s{0,3}#{1,6}\s.*\{#([\w-]+)\}\s*$/.exec(content)
    if (m)
      problems.push({
        file,
        line: index + 1,
        message: `heading anchor {#${m[1]}} is not an anchor on GitHub: put <a id="${m[1]}"></a> on the line above instead`,
      })
  })
  return problems
}

/** Reads repository files by repository-relative path; a test passes an in-memory tree. */
export interface RepoFiles {
  read(relativePath: string): string | null
}

/** Every problem in the given files: outside citations, and docs citations whose file or heading is missing. */
export function checkFiles(files: readonly string[], repo: RepoFiles): Problem[] {
  const problems: Problem[] = []
  const anchorCache = new Map<string, Set<string> | null>()
  const anchorsOf = (target: string): Set<string> | null => {
    if (!anchorCache.has(target)) {
      const text = repo.read(target)
      anchorCache.set(target, text === null ? null : markdownAnchors(text))
    }
    return anchorCache.get(target)!
  }
  for (const file of files) {
    const text = repo.read(file)
    if (text === null) continue
    problems.push(...outsideCitationsIn(file, text))
    if (file.endsWith('.md')) problems.push(...pandocAnchorsIn(file, text))
    for (const c of citationsIn(file, text)) {
      if (!c.target.endsWith('.md')) {
        if (repo.read(c.target) === null) problems.push({ file, line: c.line, message: `cites ${c.target}, which does not exist` })
        continue
      }
      const anchors = anchorsOf(c.target)
      if (anchors === null) problems.push({ file, line: c.line, message: `cites ${c.target}, which does not exist` })
      else if (c.anchor !== null && !anchors.has(c.anchor)) {
        problems.push({ file, line: c.line, message: `cites ${c.target}#${c.anchor}: no heading with that anchor` })
      }
    }
  }
  return problems
}

const SCANNED = /\.(?:ts|tsx|mts|cts|js|mjs|cjs|ps1|psm1|sh|json|md|yml|yaml)$/
const SKIPPED_DIRS = new Set(['node_modules', '.tools', 'out', 'dist', '.git', 'test-results', 'playwright-report', 'coverage'])
/** The checker and its test spell the refused names on purpose. */
const SELF = new Set(['electron/dev/docs-citations.ts', 'electron/dev/docs-citations.test.ts'])
/** Files without a telling extension that still hold citations. */
const EXTRA_FILES = ['.ci/run']

/** Repository-relative paths of every file the check reads. */
export function sourceFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(rel)
      } else if (entry.isFile() && SCANNED.test(entry.name) && !SELF.has(rel)) out.push(rel)
    }
  }
  walk('')
  for (const extra of EXTRA_FILES) if (existsSync(path.join(root, extra))) out.push(extra)
  return out.sort()
}

export function diskRepo(root: string): RepoFiles {
  return {
    read(relativePath) {
      const full = path.join(root, relativePath)
      if (!full.startsWith(root) || !existsSync(full) || !statSync(full).isFile()) return null
      return readFileSync(full, 'utf8')
    },
  }
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkFiles(sourceFiles(REPO_ROOT), diskRepo(REPO_ROOT))
  for (const p of problems) console.log(`${p.file}:${p.line}: ${p.message}`)
  console.log(`${problems.length} problem(s)`)
  process.exitCode = problems.length === 0 ? 0 : 1
}
