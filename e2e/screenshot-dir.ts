import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** Set to `1` by `npm run screenshots` (e2e/refresh-screenshots.ts), and by nothing else. */
export const README_SCREENSHOTS_ENV = 'WND_README_SCREENSHOTS'

/**
 * Where the specs save the wizard's screenshots. A test run writes them to test-results/screenshots/
 * (ignored by git), so `npm test` leaves the tree clean; only `npm run screenshots` writes
 * e2e/screenshots/, the committed images the README shows.
 */
export function screenshotDir(): string {
  const dir = process.env[README_SCREENSHOTS_ENV] === '1' ? join(__dirname, 'screenshots') : join(__dirname, '..', 'test-results', 'screenshots')
  mkdirSync(dir, { recursive: true })
  return dir
}
