import { execFile } from 'node:child_process'
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundledScripts, inspectReleaseBundle, type BundleProblem } from './inspect-bundle'

const repoRoot = join(__dirname, '..', '..')
const run = promisify(execFile)
const work = mkdtempSync(join(tmpdir(), 'wnd-bundle-'))
const releaseOut = join(work, 'release')
const devOut = join(work, 'dev')

/** `electron-vite build` into `outDir`, as `npm run dist` (release) or `npm start` (dev) does. */
async function build(outDir: string, release: boolean): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
  if (release) env['WND_RELEASE'] = '1'
  else delete env['WND_RELEASE']
  const cli = join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  await run(process.execPath, [cli, 'build', '--outDir', outDir, '--logLevel', 'error'], { cwd: repoRoot, env })
}

const rules = (problems: readonly BundleProblem[]) => [...new Set(problems.map((problem) => problem.rule))].sort()

beforeAll(async () => {
  await Promise.all([build(releaseOut, true), build(devOut, false)])
}, 120_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

describe('release bundle (WND_RELEASE=1 electron-vite build: what app.asar ships)', () => {
  it('has no simulated PC, scenarios, demo or dev-server code, HTTP bridge or source maps; a CJS preload; every script embedded', () => {
    expect(inspectReleaseBundle(releaseOut, { repoRoot })).toEqual([])
  })

  it('emits no simulation chunk and embeds the probe and fix scripts', () => {
    expect(readdirSync(join(releaseOut, 'main', 'chunks')).filter((name) => name.includes('simulated'))).toEqual([])
    const scripts = bundledScripts(repoRoot).bundled.map((file) => file.replace(/\\/g, '/'))
    expect(scripts.filter((file) => file.includes('/probes/scripts/')).length).toBeGreaterThanOrEqual(13)
    expect(scripts.some((file) => file.endsWith('/powershell/prelude.ps1'))).toBe(true)
  })

  it('the dev build (npm start, e2e electron project) still carries the simulation', () => {
    expect(readdirSync(join(devOut, 'main', 'chunks')).some((name) => name.startsWith('simulated-machine'))).toBe(true)
  })

  describe('planted defects fail', () => {
    it('shipping the dev build: simulated PC and scenario ids are reported', () => {
      expect(rules(inspectReleaseBundle(devOut, { repoRoot }))).toEqual(['scenario-json', 'simulated-pc'])
    })

    it('source maps, JSON, an HTTP bridge, a non-CJS or multi-file preload, an unshipped module and a missing script are reported', () => {
      const planted = join(work, 'planted')
      cpSync(releaseOut, planted, { recursive: true })
      const mainJs = join(planted, 'main', 'index.js')
      appendFileSync(mainJs, '\n//# sourceMappingURL=index.js.map\nrequire("left-pad")\n')
      writeFileSync(join(planted, 'main', 'index.js.map'), '{}')
      writeFileSync(join(planted, 'main', 'seed-22000-mirrored.json'), '{"id":"seed-22000-mirrored"}')
      const seed = JSON.parse(readFileSync(join(repoRoot, 'shared', 'scenarios', 'seed-22000-mirrored.json'), 'utf8')) as { summary: { en: string } }
      appendFileSync(join(planted, 'main', 'chunks', 'extra.js'), `\nconst summary = ${JSON.stringify(seed.summary.en)}\n`)
      const rendererJs = readdirSync(join(planted, 'renderer', 'assets')).find((name) => name.endsWith('.js')) as string
      appendFileSync(join(planted, 'renderer', 'assets', rendererJs), '\nnew EventSource(`${o}/api/events`)\n')
      writeFileSync(join(planted, 'preload', 'index.js'), 'import { contextBridge } from "electron"\nrequire("fs")\n')
      writeFileSync(join(planted, 'preload', 'chunk.js'), '')
      // A script the main process globs that is not in the bundle (its text changed after the build).
      const [probe] = bundledScripts(repoRoot).bundled
      expect(probe).toBeDefined()
      const problems = inspectReleaseBundle(planted, { repoRoot: withChangedScript(probe as string) })
      expect(rules(problems)).toEqual(['demo-server', 'http-bridge', 'preload', 'scenario-json', 'script-not-embedded', 'source-map', 'unshipped-module'])
      expect(
        problems
          .filter((problem) => problem.rule === 'preload')
          .map((problem) => problem.detail)
          .join('\n'),
      ).toMatch(/single file[\s\S]*ES module[\s\S]*only "electron"/)
    })

    it('a missing preload is reported', () => {
      const broken = join(work, 'no-preload')
      cpSync(releaseOut, broken, { recursive: true })
      rmSync(join(broken, 'preload', 'index.js'))
      expect(inspectReleaseBundle(broken, { repoRoot })).toEqual([{ file: 'preload/index.js', rule: 'layout', detail: 'missing' }])
    })
  })
})

/**
 * A copy of the parts of the repository the inspector reads, with one bundled script edited, so
 * its text no longer matches the one embedded in the bundle.
 */
function withChangedScript(script: string): string {
  const copy = join(work, 'repo')
  if (!existsSync(copy)) {
    for (const part of ['package.json', 'electron', 'shared/scenarios']) cpSync(join(repoRoot, part), join(copy, part), { recursive: true })
  }
  appendFileSync(join(copy, script.slice(repoRoot.length)), '\n# changed after the build\n')
  return copy
}
