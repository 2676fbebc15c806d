import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { BRIDGE_EVENTS, BRIDGE_METHODS } from '../../shared/ipc/bridge'

/**
 * The Electron binary, or the reason there is none. Read from `electron/path.txt`, which exists
 * only after the binary was downloaded; `require('electron')` would instead try to download it
 * (and fail) on our offline Linux machines, where installs skip the binary (docs/knowledge/build-and-release.md#linux-machines).
 */
function electronBinary(): { path: string } | { skip: string } {
  let root: string
  try {
    root = dirname(require.resolve('electron/package.json'))
  } catch {
    return { skip: 'the electron package is not installed' }
  }
  const pathFile = join(root, 'path.txt')
  if (!existsSync(pathFile)) {
    return { skip: 'no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, offline); this test runs on the Windows CI runner' }
  }
  const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { skip: `Electron binary missing at ${binary}` }
}

const binary = electronBinary()
// A skip is not a pass: say why, where the run log shows it.
if ('skip' in binary) console.warn(`[electron e2e] SKIPPED: ${binary.skip}`)

test.describe('Electron app', () => {
  test.skip('skip' in binary, 'skip' in binary ? binary.skip : '')

  test('opens a hardened window on the wizard and scans through the preload bridge', async () => {
    if ('skip' in binary) return
    const args = [join(__dirname, '..', '..', 'out', 'main', 'index.js')]
    if (process.platform !== 'win32') args.push('--scenario=seed-22000-mirrored')
    const app = await electron.launch({ executablePath: binary.path, args })
    try {
      const page = await app.firstWindow()
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      // The page gets named methods only: no ipcRenderer, no require, no process.
      const surface = await page.evaluate(() => ({
        api: Object.keys((window as unknown as { doctor: object }).doctor).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }))
      // Exactly the contract's methods and events, from the same tables the preload is built from.
      const expected = [...Object.keys(BRIDGE_METHODS), ...Object.keys(BRIDGE_EVENTS)].sort()
      expect(surface).toEqual({ api: expected, require: 'undefined', process: 'undefined' })
      const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL())
      expect(url).toBe('app://doctor/index.html')
      await page.getByTestId('start-scan').click()
      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 120_000 })
    } finally {
      await app.close()
    }
  })
})
