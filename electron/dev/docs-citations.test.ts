import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROBE_IDS } from '../../shared/probes/probe-ids'
import { FIX_CATALOG } from '../../shared/repair/catalog'
import { checkFiles, citationsIn, diskRepo, githubSlug, markdownAnchors, outsideCitationsIn, REPO_ROOT, sourceFiles, type RepoFiles } from './docs-citations'

/** An in-memory repository for planted cases. */
function repoOf(files: Record<string, string>): RepoFiles {
  return { read: (p) => files[p] ?? null }
}

describe('githubSlug (GitHub heading anchors)', () => {
  it('lower-cases, drops punctuation and turns spaces into hyphens', () => {
    expect(githubSlug('What WSL checks when it starts')).toBe('what-wsl-checks-when-it-starts')
    expect(githubSlug('Windows 11 21H2')).toBe('windows-11-21h2')
    expect(githubSlug('`wsl.exe` output')).toBe('wslexe-output')
    expect(githubSlug('FSE and PortTrackerEnabledMode')).toBe('fse-and-porttrackerenabledmode')
    expect(githubSlug('A & B')).toBe('a--b')
    expect(githubSlug('Minimum Windows for WSL 2')).toBe('minimum-windows-for-wsl-2')
  })

  it('keeps letters of any script and underscores, and the text of links', () => {
    expect(githubSlug('简体中文')).toBe('简体中文')
    expect(githubSlug('snake_case key')).toBe('snake_case-key')
    expect(githubSlug('See [the docs](https://example.com/x)')).toBe('see-the-docs')
  })
})

describe('markdownAnchors', () => {
  it('numbers repeated headings the way GitHub does', () => {
    expect([...markdownAnchors('# A\n## Notes\n## Notes\n### Notes\n')]).toEqual(['a', 'notes', 'notes-1', 'notes-2'])
  })

  it('ignores headings inside code fences and takes explicit HTML anchors', () => {
    const anchors = markdownAnchors('## Real\n```sh\n# not a heading\n```\n<a id="custom"></a>\n~~~\n## fenced\n~~~\n')
    expect(anchors.has('real')).toBe(true)
    expect(anchors.has('not-a-heading')).toBe(false)
    expect(anchors.has('fenced')).toBe(false)
    expect(anchors.has('custom')).toBe(true)
  })

  it('does not treat a {#id} suffix as an anchor (GitHub renders it as text)', () => {
    expect([...markdownAnchors('## Fuses {#fuses}\n')]).toEqual(['fuses-fuses'])
  })
})

describe('citationsIn', () => {
  it('finds docs/… citations in any file, with and without anchor', () => {
    const text = '// see docs/knowledge/fixes.md#restore-points and docs/snapshot.md\n"docs/snapshot.schema.json"'
    expect(citationsIn('a.ts', text)).toEqual([
      { target: 'docs/knowledge/fixes.md', anchor: 'restore-points', line: 1 },
      { target: 'docs/snapshot.md', anchor: null, line: 1 },
      { target: 'docs/snapshot.schema.json', anchor: null, line: 2 },
    ])
  })

  it('does not take a path that only ends in docs/ for a citation', () => {
    expect(citationsIn('a.ts', 'node_modules/x/docs/readme.md')).toEqual([])
  })

  it('resolves relative Markdown links and same-file anchors; skips URLs and non-Markdown links', () => {
    const text = '[a](probes.md#services) [b](../security.md) [c](#sources) [d](https://x.test/a.md) [e](../../e2e/x.png)'
    expect(citationsIn('docs/knowledge/x.md', text)).toEqual([
      { target: 'docs/knowledge/probes.md', anchor: 'services', line: 1 },
      { target: 'docs/security.md', anchor: null, line: 1 },
      { target: 'docs/knowledge/x.md', anchor: 'sources', line: 1 },
    ])
  })
})

describe('outsideCitationsIn', () => {
  it.each([
    ['// (wsl-networking.md C.4, E.4)'],
    ['// engineering.md §4'],
    ['# PowerShell cannot run here (toolchain.md)'],
    ['see anchors.md'],
    ['(KB §3)'],
    ['source: "release notes (KB A.2)"'],
    ['(knowledge base A.2)'],
    ['# Probe events (knowledge D.6)'],
    ['# Helper (engineering section 4)'],
    ['read ../shared/knowledge/wsl-networking.md'],
    ['"/work/shared/wsl-facts/wsl-messages.json"'],
    ['"basedOn": ["seeds/nat-0x80041002.zh.txt"]'],
  ])('refuses %s', (line) => {
    const problems = outsideCitationsIn('f.ts', `ok\n${line}\n`)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.every((p) => p.file === 'f.ts' && p.line === 2)).toBe(true)
  })

  it.each([
    ["import { x } from '../../shared/probes/facts'"],
    ['// docs/knowledge/wsl-checks.md#sources'],
    ['// the docs/knowledge section it implements'],
    ['shared/wsl-messages/wsl-messages.json'],
  ])('accepts %s', (line) => {
    expect(outsideCitationsIn('f.ts', line)).toEqual([])
  })
})

describe('checkFiles (planted repositories)', () => {
  const docs = {
    'docs/knowledge/fixes.md': '# Fixes\n## Restore points\n## wsl-shutdown\n',
    'docs/security.md': '# Security\n## Elevation\n[back](knowledge/fixes.md#restore-points) [self](#elevation)\n',
  }

  it('passes when every cited file and heading exists', () => {
    const repo = repoOf({ ...docs, 'a.ts': '// docs/knowledge/fixes.md#wsl-shutdown, docs/security.md#elevation' })
    expect(checkFiles(['a.ts', 'docs/security.md'], repo)).toEqual([])
  })

  it('fails on a missing heading', () => {
    const repo = repoOf({ ...docs, 'a.ts': '\n// docs/knowledge/fixes.md#no-such-fix' })
    expect(checkFiles(['a.ts'], repo)).toEqual([{ file: 'a.ts', line: 2, message: 'cites docs/knowledge/fixes.md#no-such-fix: no heading with that anchor' }])
  })

  it('fails on a missing file', () => {
    const repo = repoOf({ ...docs, 'a.json': '{"basedOn": ["docs/knowledge/gone.md#x"]}' })
    expect(checkFiles(['a.json'], repo)).toEqual([{ file: 'a.json', line: 1, message: 'cites docs/knowledge/gone.md, which does not exist' }])
  })

  it('fails on a broken relative link inside the docs', () => {
    const repo = repoOf({ ...docs, 'docs/knowledge/x.md': '[y](fixes.md#restore-point)\n' })
    expect(checkFiles(['docs/knowledge/x.md'], repo)).toHaveLength(1)
  })

  it('fails on a {#id} heading anchor, which GitHub does not make, and accepts <a id> instead', () => {
    const pandoc = repoOf({ 'docs/x.md': '## Keys {#keys}\n', 'a.ts': '// docs/x.md#keys' })
    expect(checkFiles(['docs/x.md', 'a.ts'], pandoc).map((p) => p.file)).toEqual(['docs/x.md', 'a.ts'])
    const html = repoOf({ 'docs/x.md': '<a id="keys"></a>\n## Keys, as WSL reads them\n', 'a.ts': '// docs/x.md#keys' })
    expect(checkFiles(['docs/x.md', 'a.ts'], html)).toEqual([])
  })

  it('fails on a citation of the notes outside the repository', () => {
    const repo = repoOf({ ...docs, 'b.ps1': '# Fix x (knowledge E.6). ELEVATED.' })
    expect(checkFiles(['b.ps1'], repo)).toEqual([expect.objectContaining({ file: 'b.ps1', line: 1 })])
  })
})

describe('the repository', () => {
  const files = sourceFiles(REPO_ROOT)

  it('scans code, scripts, scenarios and docs, but not node_modules or build output', () => {
    expect(files).toContain('README.md')
    expect(files).toContain('shared/scenarios/nat-0x80041002.json')
    expect(files).toContain('electron/fixes/scripts/delete-wsl-hns-network.ps1')
    expect(files).toContain('docs/knowledge/fixes.md')
    expect(files.some((f) => f.startsWith('node_modules/') || f.startsWith('out/') || f.startsWith('.tools/'))).toBe(false)
  })

  it('cites only documents inside the repository, and only headings that exist', () => {
    const problems = checkFiles(files, diskRepo(REPO_ROOT)).map((p) => `${p.file}:${p.line}: ${p.message}`)
    expect(problems).toEqual([])
  })
})

describe('the knowledge docs cover every registry entry', () => {
  const anchorsOf = (doc: string) => markdownAnchors(readFileSync(path.join(REPO_ROOT, doc), 'utf8'))

  it('docs/knowledge/fixes.md has a section for every fix in the catalog (what it changes, undo, risks)', () => {
    const anchors = anchorsOf('docs/knowledge/fixes.md')
    expect(FIX_CATALOG.map((f) => f.id).filter((id) => !anchors.has(id))).toEqual([])
  })

  it('docs/knowledge/probes.md has a section for every probe', () => {
    const anchors = anchorsOf('docs/knowledge/probes.md')
    expect(PROBE_IDS.filter((id) => !anchors.has(id))).toEqual([])
  })
})
