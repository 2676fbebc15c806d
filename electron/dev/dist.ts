import { execFileSync } from 'node:child_process'
import { join, relative } from 'node:path'
import { bundledScripts, inspectReleaseBundle } from './inspect-bundle'

/**
 * `npm run dist [-- <electron-builder options>]`: the Windows installer, in three steps.
 *
 * 1. `WND_RELEASE=1 electron-vite build` into `out/`: the release bundle, without the simulated PC.
 * 2. The bundle inspection (`inspect-bundle.ts`): nothing that must not ship, everything that must.
 * 3. `electron-builder --win --publish never` with `electron-builder.yml`: NSIS installers for x64
 *    and arm64 in `dist/`. Needs Windows, or a machine where electron-builder can download
 *    Electron and NSIS (not our offline Linux machines). Extra options pass through, e.g.
 *    `npm run dist -- --x64` for one architecture.
 *
 * `npm run build:release` stops after step 2.
 */
const repoRoot = join(__dirname, '..', '..')
const args = process.argv.slice(2)
const buildOnly = args.includes('--build-only')
const builderArgs = args.filter((arg) => arg !== '--build-only')

function node(script: string, scriptArgs: string[], env: NodeJS.ProcessEnv = process.env): void {
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', script), ...scriptArgs], { cwd: repoRoot, stdio: 'inherit', env })
}

console.log('1/3 release bundle: WND_RELEASE=1 electron-vite build')
node(join('electron-vite', 'bin', 'electron-vite.js'), ['build'], { ...process.env, WND_RELEASE: '1' })

console.log('2/3 inspecting out/')
const problems = inspectReleaseBundle(join(repoRoot, 'out'), { repoRoot })
for (const problem of problems) console.error(`  ${problem.file}: [${problem.rule}] ${problem.detail}`)
if (problems.length > 0) {
  console.error(`release bundle: ${problems.length} problem(s); not packaging`)
  process.exit(1)
}
console.log(`  OK (${bundledScripts(repoRoot).bundled.length} PowerShell scripts embedded in ${relative(repoRoot, join(repoRoot, 'out', 'main'))})`)
if (buildOnly) process.exit(0)

console.log('3/3 electron-builder --win (electron-builder.yml)')
node(join('electron-builder', 'cli.js'), ['--win', '--publish', 'never', ...builderArgs])
