import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'

/**
 * The electronegativity gate (`npm run security:electronegativity`).
 *
 * electronegativity always exits 0 (docs/knowledge/build-and-release.md#linux-machines), so this script decides: it scans the Electron
 * sources (`electron/`) and the release bundle (`WND_RELEASE=1 electron-vite build` into a temp
 * folder), writes one SARIF report per target to `test-results/electronegativity/`, reads them
 * back, and fails on any HIGH or MEDIUM finding that `security/electronegativity-exceptions.json`
 * does not document, on any file it could not parse, and when the SARIF and the tool's own result
 * disagree. Before that it scans a planted insecure window and fails if that is NOT reported, so
 * a broken tool or install cannot make the gate pass silently.
 *
 * The tool is not a project dependency (147 MB of old packages): `.ci/run` installs it with
 *   npm install --prefix .tools/electronegativity @doyensec/electronegativity@1.10.3
 * `--tool DIR` or ELECTRONEGATIVITY_DIR points elsewhere. The online check
 * (AvailableSecurityFixesGlobalCheck) is excluded; the Electron version is given explicitly.
 *
 * SARIF from electronegativity carries no severity (only `level`: note = manual review, warning =
 * otherwise), so severity and confidence come from the tool's result for the same rule and place.
 */

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL' | 'UNKNOWN'

export interface Finding {
  readonly target: string
  readonly rule: string
  /** Relative to the repository for `sources`, to the bundle root for `bundle`; "N/A" for global checks. */
  readonly file: string
  readonly line: number
  readonly column: number
  readonly level: string
  readonly severity: Severity
  readonly confidence: string
}

export interface GateException {
  readonly target: string
  readonly rule: string
  readonly file: string
  /** How many findings this entry may cover (a second window in the same file is not covered). */
  readonly max: number
  readonly reason: string
}

export interface SarifLocation {
  readonly rule: string
  readonly uri: string
  readonly line: number
  readonly column: number
  readonly level: string
}

/** The results of a SARIF 2.1.0 log (all runs). Throws when it is not one. */
export function readSarif(text: string): SarifLocation[] {
  const log = JSON.parse(text) as { version?: string; runs?: { results?: unknown[] }[] }
  if (log.version !== '2.1.0' || !Array.isArray(log.runs)) throw new Error('not a SARIF 2.1.0 log')
  const found: SarifLocation[] = []
  for (const run of log.runs) {
    if (!Array.isArray(run.results)) throw new Error('SARIF run without results')
    for (const raw of run.results) {
      const result = raw as {
        ruleId?: string
        level?: string
        locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } } }[]
      }
      const location = result.locations?.[0]?.physicalLocation
      if (typeof result.ruleId !== 'string') throw new Error('SARIF result without ruleId')
      found.push({
        rule: result.ruleId,
        uri: location?.artifactLocation?.uri ?? 'file:///',
        line: location?.region?.startLine ?? 1,
        column: location?.region?.startColumn ?? 1,
        level: result.level ?? 'warning',
      })
    }
  }
  return found
}

/** The tool's own issue objects (its programmatic API), the source of severity. */
export interface ToolIssue {
  readonly id: string
  readonly file: string
  readonly location: { readonly line: number; readonly column: number }
  readonly severity: { readonly name: string }
  readonly confidence: { readonly name: string }
  readonly manualReview: boolean
}

/** SARIF locations joined with the tool's severities; unmatched ones are UNKNOWN (and fail). */
export function classify(target: string, root: string, sarif: readonly SarifLocation[], issues: readonly ToolIssue[]): Finding[] {
  const shown = (file: string) => (file === 'N/A' || file === 'file:///' ? 'N/A' : relative(root, file).split(sep).join('/'))
  const pool = issues.map((issue) => ({
    key: `${issue.id}|${shown(issue.file)}|${issue.location.line === 0 ? 1 : issue.location.line}|${issue.location.column + 1}`,
    issue,
    used: false,
  }))
  return sarif.map((location) => {
    const file = shown(location.uri)
    const match = pool.find((candidate) => !candidate.used && candidate.key === `${location.rule}|${file}|${location.line}|${location.column}`)
    if (match) match.used = true
    const severity = (match?.issue.severity.name ?? 'UNKNOWN') as Severity
    return {
      target,
      rule: location.rule,
      file,
      line: location.line,
      column: location.column,
      level: location.level,
      severity,
      confidence: match?.issue.confidence.name ?? 'UNKNOWN',
    }
  })
}

export interface Verdict {
  readonly failing: readonly Finding[]
  readonly excepted: readonly { readonly finding: Finding; readonly reason: string }[]
  readonly belowThreshold: readonly Finding[]
  readonly unusedExceptions: readonly GateException[]
}

const BLOCKING: ReadonlySet<Severity> = new Set(['HIGH', 'MEDIUM', 'UNKNOWN'])

/**
 * HIGH and MEDIUM block, and so does any finding whose severity is unknown. So does a Node
 * integration finding that is not a manual-review note, whatever its severity: the tool rates an
 * explicit `nodeIntegration: true` INFORMATIONAL (it relies on its context-isolation and sandbox
 * checks to raise the alarm); this app never enables Node in a renderer.
 */
export function isBlocking(finding: Finding): boolean {
  return BLOCKING.has(finding.severity) || (finding.rule.startsWith('NODE_INTEGRATION') && finding.level !== 'note')
}

export function evaluate(findings: readonly Finding[], exceptions: readonly GateException[]): Verdict {
  const budget = exceptions.map((exception) => ({ exception, left: exception.max }))
  const failing: Finding[] = []
  const excepted: { finding: Finding; reason: string }[] = []
  const belowThreshold: Finding[] = []
  for (const finding of findings) {
    if (!isBlocking(finding)) {
      belowThreshold.push(finding)
      continue
    }
    const entry = budget.find(
      (candidate) =>
        candidate.left > 0 &&
        candidate.exception.target === finding.target &&
        candidate.exception.rule === finding.rule &&
        candidate.exception.file === finding.file,
    )
    if (entry) {
      entry.left--
      excepted.push({ finding, reason: entry.exception.reason })
    } else failing.push(finding)
  }
  return { failing, excepted, belowThreshold, unusedExceptions: budget.filter((entry) => entry.left === entry.exception.max).map((entry) => entry.exception) }
}

export function loadExceptions(file: string): GateException[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { exceptions?: unknown }
  if (!Array.isArray(parsed.exceptions)) throw new Error(`${file}: expected {"exceptions": [...]}`)
  return parsed.exceptions.map((raw, index) => {
    const entry = raw as Record<string, unknown>
    for (const key of ['target', 'rule', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].length === 0) throw new Error(`${file}: exception ${index} needs "${key}"`)
    }
    if ((entry['reason'] as string).length < 40) throw new Error(`${file}: exception ${index}: the reason must explain why (40+ characters)`)
    const max = entry['max'] ?? 1
    if (typeof max !== 'number' || !Number.isInteger(max) || max < 1) throw new Error(`${file}: exception ${index}: "max" must be a positive integer`)
    return { target: entry['target'] as string, rule: entry['rule'] as string, file: entry['file'] as string, max, reason: entry['reason'] as string }
  })
}

// ---------------------------------------------------------------------------------------------
// Running the tool

interface ToolRun {
  readonly errors: readonly { file: string; message: string; tolerable: boolean }[]
  readonly issues: readonly ToolIssue[]
}

type RunTool = (options: Record<string, unknown>) => Promise<ToolRun>

const repoRoot = resolve(__dirname, '..', '..')

function loadTool(dir: string): RunTool {
  const entry = join(dir, 'node_modules', '@doyensec', 'electronegativity')
  if (!existsSync(join(entry, 'package.json'))) {
    throw new Error(
      `electronegativity is not installed in ${dir}.\n` +
        `Install it (not a project dependency): npm install --prefix ${relative(process.cwd(), dir) || '.'} @doyensec/electronegativity@1.10.3 --no-audit --no-fund`,
    )
  }
  const version = (JSON.parse(readFileSync(join(entry, 'package.json'), 'utf8')) as { version: string }).version
  if (version !== '1.10.3') throw new Error(`electronegativity ${version} found, the gate is written for 1.10.3`)
  return require(entry) as RunTool
}

async function scan(
  tool: RunTool,
  target: string,
  input: string,
  reportDir: string,
  electronVersion: string,
): Promise<{ findings: Finding[]; problems: string[] }> {
  const sarifFile = join(reportDir, `${target}.sarif`)
  rmSync(sarifFile, { force: true })
  const result = await tool({
    input,
    output: sarifFile,
    isSarif: true,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: false,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  })
  const problems: string[] = []
  for (const error of result.errors) {
    if (!error.tolerable) problems.push(`${target}: could not parse ${relative(repoRoot, error.file)}: ${error.message} (the file was not scanned)`)
  }
  const sarif = await waitForSarif(sarifFile)
  if (sarif === null) return { findings: [], problems: [...problems, `${target}: no complete SARIF report was written`] }
  if (sarif.length !== result.issues.length) problems.push(`${target}: SARIF has ${sarif.length} results, the tool reported ${result.issues.length}`)
  const root = target === 'sources' ? repoRoot : input
  return { findings: classify(target, root, sarif, result.issues), problems }
}

/** The tool writes its report with an un-awaited `fs.writeFile`: wait until it is complete. */
async function waitForSarif(file: string, timeoutMs = 15_000): Promise<SarifLocation[] | null> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return readSarif(readFileSync(file, 'utf8'))
    } catch {
      if (Date.now() > deadline) return null
      await new Promise((resolveWait) => setTimeout(resolveWait, 50))
    }
  }
}

function buildRelease(outDir: string): void {
  const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  execFileSync(process.execPath, [cli, 'build', '--outDir', outDir, '--logLevel', 'error'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, WND_RELEASE: '1', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  })
}

/** A window every Electron security guide forbids; the tool must report it or the gate is broken. */
const PLANTED_WINDOW = `const { BrowserWindow } = require('electron')
const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })
win.loadURL('https://example.com')
`

function format(finding: Finding): string {
  return `${finding.severity.padEnd(6)} ${finding.rule} ${finding.file}${finding.file === 'N/A' ? '' : `:${finding.line}:${finding.column}`} [${finding.target}, ${finding.confidence}${finding.level === 'note' ? ', manual review' : ''}]`
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

async function main(args: string[]): Promise<number> {
  const toolDir = resolve(option(args, '--tool') ?? process.env['ELECTRONEGATIVITY_DIR'] ?? join(repoRoot, '.tools', 'electronegativity'))
  const reportDir = resolve(option(args, '--report-dir') ?? join(repoRoot, 'test-results', 'electronegativity'))
  const bundleArg = option(args, '--bundle')
  const exceptionsFile = join(repoRoot, 'security', 'electronegativity-exceptions.json')
  mkdirSync(reportDir, { recursive: true })
  const tool = loadTool(toolDir)
  const electronVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version
  const exceptions = loadExceptions(exceptionsFile)
  const work = mkdtempSync(join(tmpdir(), 'wnd-electronegativity-'))
  try {
    // 1. Self-test: the planted window must fail.
    const planted = join(work, 'planted')
    mkdirSync(planted)
    writeFileSync(join(planted, 'bad-window.js'), PLANTED_WINDOW)
    const selfTest = await scan(tool, 'planted', planted, work, electronVersion)
    const plantedVerdict = evaluate(selfTest.findings, exceptions)
    const plantedHigh = plantedVerdict.failing.filter((finding) => finding.severity === 'HIGH' && finding.file === 'bad-window.js')
    if (plantedHigh.length === 0) {
      console.error('electronegativity gate: BROKEN — a window with nodeIntegration: true, contextIsolation: false was not reported as HIGH')
      return 2
    }
    console.log(`self-test: planted insecure window → ${plantedHigh.map((finding) => finding.rule).join(', ')} (HIGH): the gate can fail`)

    // 2. The sources and the release bundle.
    let bundle = bundleArg === undefined ? undefined : resolve(bundleArg)
    if (bundle === undefined) {
      bundle = join(work, 'release')
      buildRelease(bundle)
    }
    const targets: [string, string][] = [
      ['sources', join(repoRoot, 'electron')],
      ['bundle', bundle],
    ]
    const findings: Finding[] = []
    const problems: string[] = []
    for (const [name, input] of targets) {
      if (!existsSync(input) || !isAbsolute(input)) throw new Error(`${name}: ${input} does not exist`)
      const result = await scan(tool, name, input, reportDir, electronVersion)
      findings.push(...result.findings)
      problems.push(...result.problems)
    }
    const verdict = evaluate(findings, exceptions)
    for (const { finding, reason } of verdict.excepted) console.log(`excepted ${format(finding)}\n         ${reason}`)
    for (const finding of verdict.belowThreshold) console.log(`info     ${format(finding)}`)
    for (const exception of verdict.unusedExceptions) console.log(`note: exception no longer needed: ${exception.rule} ${exception.file} [${exception.target}]`)
    for (const finding of verdict.failing) console.error(`FAIL     ${format(finding)}`)
    for (const problem of problems) console.error(`FAIL     ${problem}`)
    const failed = verdict.failing.length + problems.length
    console.log(
      `electronegativity ${failed === 0 ? 'passed' : 'FAILED'}: ${findings.length} findings (${verdict.failing.length} blocking, ${verdict.excepted.length} documented exceptions, ` +
        `${verdict.belowThreshold.length} low/informational); reports in ${relative(repoRoot, reportDir)}/`,
    )
    return failed === 0 ? 0 : 1
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`electronegativity gate: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(2)
    },
  )
}
