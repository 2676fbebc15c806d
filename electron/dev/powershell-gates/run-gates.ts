import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { collectComposed } from './collect-composed'
import { collectFiles } from './collect-files'
import { CLM_GATE_MODE, MissingToolchainError, runGates, type ClmMode, type GateItem, type GateProblem } from './gates'

// Usage: node --liftoff-only --import tsx electron/dev/powershell-gates/run-gates.ts
//          [--clm=report|block] [--keep-composed=<dir>] [files or dirs...]
// Without paths: every *.ps1/*.psm1 under electron/ plus every script the TypeScript composes.
// With paths: only those (how .ci/run proves the gate rejects a planted script).
// Prints `file:line:col rule message` per problem and a summary; exit 1 on any blocking problem
// (or when nothing was checked), 2 when the gate itself could not run.

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')

interface Options {
  readonly targets: string[]
  readonly clmMode: ClmMode
  readonly keepComposed: string | undefined
}

function parseArgs(argv: readonly string[]): Options {
  const targets: string[] = []
  let clmMode = CLM_GATE_MODE
  let keepComposed: string | undefined
  for (const arg of argv) {
    if (arg === '--clm=block' || arg === '--clm=report') clmMode = arg.slice(6) as ClmMode
    else if (arg.startsWith('--keep-composed=')) keepComposed = path.resolve(arg.slice('--keep-composed='.length))
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`)
    else targets.push(arg)
  }
  return { targets, clmMode, keepComposed }
}

function shown(name: string): string {
  return name.startsWith('composed:') ? name : path.relative(process.cwd(), name) || name
}

function format(problem: GateProblem, items: ReadonlyMap<string, GateItem>): string {
  const tag = problem.blocking ? '' : problem.fullLanguage ? ' [report-only: declared FullLanguage]' : ' [report-only]'
  // Composed text has no file to open, so show the offending line itself.
  const item = items.get(problem.name)
  const excerpt = item && problem.name.startsWith('composed:') ? ` | ${(item.text.split('\n')[problem.line - 1] ?? '').trim().slice(0, 100)}` : ''
  return `${shown(problem.name)}:${problem.line}:${problem.column} ${problem.rule} ${problem.message}${tag}${excerpt}`
}

function main(argv: readonly string[]): number {
  const options = parseArgs(argv)
  const electronDir = path.join(REPO_ROOT, 'electron')
  const files = collectFiles(options.targets.length > 0 ? options.targets : [electronDir], REPO_ROOT)
  const { items: composed, failures } = options.targets.length > 0 ? { items: [], failures: [] } : collectComposed(electronDir)
  const items = [...files.items, ...composed]
  if (options.keepComposed !== undefined) {
    mkdirSync(options.keepComposed, { recursive: true })
    for (const item of composed) writeFileSync(path.join(options.keepComposed, `${item.name.replace(/[^\w.-]+/g, '_')}.ps1`), item.text)
  }
  const composeProblems: GateProblem[] = failures.map((f) => ({
    name: f.name,
    line: 1,
    column: 1,
    rule: 'compose-error',
    message: f.message,
    blocking: true,
    fullLanguage: false,
  }))
  const problems = [...files.problems, ...composeProblems, ...(items.length > 0 ? runGates(items, { clmMode: options.clmMode }) : [])]
  const byName = new Map(items.map((item) => [item.name, item]))
  for (const problem of problems) console.log(format(problem, byName))

  const blocking = problems.filter((p) => p.blocking).length
  const reported = problems.length - blocking
  const clmFiles = new Set(problems.filter((p) => p.rule.startsWith('clm/')).map((p) => shown(p.name)))
  console.log(
    `${files.items.length} files and ${composed.length} composed scripts checked: ${blocking} blocking problems, ` +
      `${reported} reported only (clm mode: ${options.clmMode}; ${clmFiles.size} scripts with clm findings)`,
  )
  if (files.items.length + composed.length === 0) {
    console.error('run-gates: no PowerShell scripts found; a gate that checked nothing must not pass')
    return 1
  }
  return blocking > 0 ? 1 : 0
}

try {
  process.exit(main(process.argv.slice(2)))
} catch (error) {
  console.error(
    error instanceof MissingToolchainError ? error.message : `run-gates failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  )
  process.exit(2)
}
