import { readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkPowerShellSyntax, type SyntaxIssue } from '../powershell/syntax-check'

// Usage: node --liftoff-only --import tsx electron/dev/lint-powershell.ts [files or dirs...]
// (`npm run lint:ps`). Without arguments it checks every *.ps1 under electron/.
// --liftoff-only matters: without it V8 keeps the process busy for seconds after the wasm
// parser ran; we also call process.exit explicitly so nothing can keep the lint alive.

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const SKIP_DIRS = new Set(['node_modules', '.git'])

interface FileReport {
  file: string
  issues: Array<Pick<SyntaxIssue, 'line' | 'column' | 'message' | 'excerpt'> & { kind: string }>
}

/**
 * Expand the CLI arguments into the list of scripts to check. Directories are searched
 * recursively for *.ps1 (skipping node_modules and symlinks, so a link cycle cannot hang CI);
 * an explicitly named file is checked whatever its extension, because the caller asked for it.
 * Paths that do not exist are returned separately so they fail the run instead of vanishing.
 */
async function collectScripts(targets: string[]): Promise<{ files: string[], missing: string[] }> {
  const files = new Set<string>()
  const missing: string[] = []
  for (const target of targets) {
    const absolute = path.resolve(target)
    const info = await stat(absolute).catch(() => undefined)
    if (!info) {
      missing.push(absolute)
    } else if (info.isDirectory()) {
      for (const file of await findPs1(absolute)) files.add(file)
    } else {
      files.add(absolute)
    }
  }
  return { files: [...files].sort(), missing }
}

async function findPs1(dir: string): Promise<string[]> {
  const found: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) found.push(...await findPs1(full))
    } else if (entry.isFile() && entry.name.toLowerCase().endsWith('.ps1')) {
      found.push(full)
    }
  }
  return found
}

/**
 * Check one script file. UTF-16 files (what Windows PowerShell 5.1 editors often save) are
 * reported once as non-ASCII instead of producing a flood of parse errors from the NUL bytes.
 */
async function lintFile(file: string): Promise<FileReport> {
  const bytes = await readFile(file)
  const bom = bytes.subarray(0, 2).toString('hex')
  if (bom === 'fffe' || bom === 'feff') {
    return {
      file,
      issues: [{ kind: 'non-ascii', line: 1, column: 1, message: 'file is UTF-16 encoded; save it as ASCII', excerpt: '' }],
    }
  }
  return { file, issues: await checkPowerShellSyntax(bytes.toString('utf8')) }
}

function formatIssue(file: string, issue: FileReport['issues'][number]): string {
  const shown = path.relative(process.cwd(), file) || file
  const excerpt = issue.excerpt && !issue.message.includes(issue.excerpt) ? `: ${issue.excerpt}` : ''
  return `${shown}:${issue.line}:${issue.column} ${issue.kind} ${issue.message}${excerpt}`
}

async function main(argv: string[]): Promise<number> {
  const targets = argv.length > 0 ? argv : [path.join(REPO_ROOT, 'electron')]
  const { files, missing } = await collectScripts(targets)
  let issueCount = 0
  for (const file of missing) {
    console.log(formatIssue(file, { kind: 'io-error', line: 1, column: 1, message: 'no such file or directory', excerpt: '' }))
    issueCount++
  }
  for (const file of files) {
    const report = await lintFile(file)
    for (const issue of report.issues) console.log(formatIssue(file, issue))
    issueCount += report.issues.length
  }
  console.log(`${files.length} scripts checked, ${issueCount} issues`)
  if (files.length === 0) {
    console.error('lint-powershell: no PowerShell scripts found; a lint that checked nothing must not pass')
    return 1
  }
  return issueCount > 0 ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('lint-powershell failed:', error instanceof Error ? error.stack ?? error.message : error)
    process.exit(2)
  },
)
