import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, sep } from 'node:path'

/**
 * What a release bundle (`WND_RELEASE=1 electron-vite build`, the `out/` that electron-builder
 * packs into app.asar) must and must not contain. Run on CI by `release-bundle.test.ts`, and before
 * packaging by `npm run dist` / the Windows workflow: `tsx electron/dev/inspect-bundle.ts out`.
 *
 * Must not: the simulated PC or its scenarios, the demo server or the renderer's HTTP bridge,
 * source maps, files outside main/preload/renderer, modules electron-builder will not ship.
 * Must: a single CommonJS preload that requires only `electron`; every PowerShell script the main
 * process globs embedded in the main bundle (so it is inside app.asar, never read from a
 * user-writable folder).
 */

export interface BundleProblem {
  readonly file: string
  readonly rule: string
  readonly detail: string
}

export interface InspectOptions {
  /** Repository root: where the scenarios, scripts and package.json are read from. */
  readonly repoRoot: string
}

/** Strings that exist only in the simulation, the demo server or the browser bridge. */
const FORBIDDEN_TEXT: readonly { readonly rule: string; readonly pattern: RegExp; readonly where: 'all' | 'renderer' }[] = [
  { rule: 'simulated-pc', pattern: /simulated-pc|simulated-machine|createSimulatedMachine|SimulatedPcHost/, where: 'all' },
  { rule: 'scenario-json', pattern: /"basedOn"|\bbasedOn:/, where: 'all' },
  { rule: 'demo-server', pattern: /electron[\\/]demo|\/api\/invoke|\/api\/events|require\("node:http"\)|require\("http"\)/, where: 'all' },
  { rule: 'http-bridge', pattern: /createHttpBridge|http-bridge|new EventSource\(/, where: 'renderer' },
  { rule: 'dev-server', pattern: /@vite\/client|vite\/dist|localhost:5173|127\.0\.0\.1:5317/, where: 'all' },
  { rule: 'source-map', pattern: /[#@] sourceMappingURL=/, where: 'all' },
]

function walk(dir: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) found.push(...walk(full))
    else found.push(full)
  }
  return found
}

function requires(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1] as string)
}

function sourceFiles(dir: string): string[] {
  return walk(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts'))
}

/**
 * The PowerShell scripts the app bundles: every *.ps1 under electron/ matched by an
 * `import.meta.glob('…ps1', …)` in main-process source (how probe and fix scripts get embedded).
 * `unreferenced` lists the other *.ps1 files (dev tooling, fixtures, scripts not wired in yet).
 */
export function bundledScripts(repoRoot: string): { readonly bundled: string[]; readonly unreferenced: string[] } {
  const electronDir = join(repoRoot, 'electron')
  const patterns: RegExp[] = []
  for (const file of sourceFiles(electronDir)) {
    if (relative(electronDir, file).split(sep)[0] === 'dev') continue
    const code = readFileSync(file, 'utf8')
    for (const match of code.matchAll(/import\.meta\.glob(?:<[^>]*>)?\(\s*(['"`])([^'"`]+\.ps1)\1/g)) {
      const absolute = join(dirname(file), match[2] as string)
        .split(sep)
        .join('/')
      patterns.push(new RegExp(`^${absolute.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`))
    }
  }
  const all = walk(electronDir).filter((file) => file.toLowerCase().endsWith('.ps1'))
  const isBundled = (file: string) => patterns.some((pattern) => pattern.test(file.split(sep).join('/')))
  return { bundled: all.filter(isBundled), unreferenced: all.filter((file) => !isBundled(file)) }
}

/**
 * Text only a scenario file contains: its English summary. Not its id or title: a scenario is often
 * named and titled after the finding it demonstrates, and finding ids and titles legitimately ship.
 */
function scenarioMarkers(repoRoot: string): { readonly id: string; readonly texts: readonly string[] }[] {
  const dir = join(repoRoot, 'shared', 'scenarios')
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const scenario = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { id: string; title?: { en?: string }; summary?: { en?: string } }
      const texts = [scenario.summary?.en].filter((text): text is string => typeof text === 'string' && text.length >= 40)
      return { id: scenario.id, texts: texts.map((text) => JSON.stringify(text).slice(1, -1)) }
    })
}

export function inspectReleaseBundle(outDir: string, options: InspectOptions): BundleProblem[] {
  const problems: BundleProblem[] = []
  const add = (file: string, rule: string, detail: string) => problems.push({ file, rule, detail })
  const shown = (file: string) => relative(outDir, file).split(sep).join('/')

  for (const required of ['main/index.js', 'preload/index.js', 'renderer/index.html']) {
    if (!existsSync(join(outDir, required))) add(required, 'layout', 'missing')
  }
  if (problems.length > 0) return problems

  const pkg = JSON.parse(readFileSync(join(options.repoRoot, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  const shipped = new Set(Object.keys(pkg.dependencies ?? {}))
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]))
  const scenarios = scenarioMarkers(options.repoRoot)
  const mainCode: string[] = []

  for (const file of walk(outDir)) {
    const name = shown(file)
    const top = name.split('/')[0]
    // out/ also holds tsc's build info and the browser demo (out/web); electron-builder.yml packs
    // only main/, preload/ and renderer/ (builder-config-check.ts enforces that list).
    if (top !== 'main' && top !== 'preload' && top !== 'renderer') continue
    if (name.endsWith('.map')) add(name, 'source-map', 'source maps are not shipped')
    if (name.endsWith('.json')) add(name, 'scenario-json', 'no JSON files ship (scenarios, fixtures)')
    if (statSync(file).size > 20 * 1024 * 1024) add(name, 'size', 'larger than 20 MB')
    if (!/\.(js|cjs|mjs|html|css|svg|png|ico|woff2?)$/.test(name)) {
      if (!name.endsWith('.map') && !name.endsWith('.json')) add(name, 'layout', 'unexpected file type')
      continue
    }
    const text = readFileSync(file, 'utf8')
    for (const { rule, pattern, where } of FORBIDDEN_TEXT) {
      if (where === 'renderer' && top !== 'renderer') continue
      const match = pattern.exec(text)
      if (match) add(name, rule, `contains ${JSON.stringify(match[0])}`)
    }
    for (const scenario of scenarios) {
      if (scenario.texts.some((marker) => text.includes(marker))) add(name, 'scenario-json', `contains the test scenario ${JSON.stringify(scenario.id)}`)
    }
    if (top === 'main' && name.endsWith('.js')) {
      mainCode.push(text)
      for (const request of requires(text)) {
        const root = request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : (request.split('/')[0] as string)
        if (request.startsWith('.') || request === 'electron' || builtins.has(request) || shipped.has(root)) continue
        add(name, 'unshipped-module', `requires ${JSON.stringify(request)}, which is not in package.json "dependencies" (electron-builder would leave it out)`)
      }
    }
  }

  // The preload: one self-contained CommonJS file; a sandboxed preload can require only electron.
  const preloadFiles = walk(join(outDir, 'preload')).map(shown)
  if (preloadFiles.length !== 1) add('preload/', 'preload', `must be a single file, found ${preloadFiles.join(', ')}`)
  const preload = readFileSync(join(outDir, 'preload', 'index.js'), 'utf8')
  if (/^\s*(import\s[\s\S]*?from\s|import\s*["']|export\s)/m.test(preload))
    add('preload/index.js', 'preload', 'is an ES module; a sandboxed preload must be CommonJS')
  if (/\bimport\s*\(/.test(preload)) add('preload/index.js', 'preload', 'uses dynamic import()')
  const preloadRequires = requires(preload)
  if (preloadRequires.some((request) => request !== 'electron') || !preloadRequires.includes('electron')) {
    add('preload/index.js', 'preload', `must require only "electron", requires ${JSON.stringify(preloadRequires)}`)
  }

  // Every script the app runs is embedded (as a string literal) in the main bundle.
  const main = mainCode.join('\n')
  for (const script of bundledScripts(options.repoRoot).bundled) {
    const text = readFileSync(script, 'utf8')
    if (!main.includes(JSON.stringify(text).slice(1, -1))) {
      add(
        'main/',
        'script-not-embedded',
        `${relative(options.repoRoot, script).split(sep).join('/')} is not embedded in the main bundle (it must ship inside app.asar)`,
      )
    }
  }
  return problems
}

if (require.main === module) {
  const outDir = process.argv[2] ?? 'out'
  const repoRoot = join(__dirname, '..', '..')
  const problems = inspectReleaseBundle(outDir, { repoRoot })
  for (const script of bundledScripts(repoRoot).unreferenced) {
    console.log(`note: ${relative(repoRoot, script)} is not globbed by main-process code, so it does not ship`)
  }
  for (const problem of problems) console.log(`${problem.file}: [${problem.rule}] ${problem.detail}`)
  console.log(problems.length === 0 ? `release bundle ${outDir}: OK` : `release bundle ${outDir}: ${problems.length} problem(s)`)
  process.exit(problems.length === 0 ? 0 : 1)
}
