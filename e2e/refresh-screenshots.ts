import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { README_SCREENSHOTS_ENV } from './screenshot-dir'

/**
 * `npm run screenshots`: refreshes the README's images in e2e/screenshots/ by running, in the `web`
 * project, every spec that saves screenshots through `screenshotDir()`, with the switch that sends
 * them there instead of test-results/. Commit the images it changed after looking at them.
 */
const root = join(__dirname, '..')
const webSpecs = join(__dirname, 'web')
const specs = readdirSync(webSpecs).filter((name) => name.endsWith('.spec.ts') && readFileSync(join(webSpecs, name), 'utf8').includes('screenshotDir('))
if (specs.length === 0) throw new Error('No spec under e2e/web/ saves screenshots through screenshotDir()')

// Playwright reads file arguments as patterns: bare file names match on every OS (no backslashes).
const cli = require.resolve('@playwright/test/cli')
const run = spawnSync(process.execPath, [cli, 'test', '--project=web', ...process.argv.slice(2), ...specs], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, [README_SCREENSHOTS_ENV]: '1' },
})
process.exitCode = run.status ?? 1
