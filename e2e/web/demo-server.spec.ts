import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'

/**
 * `npm run demo` as a user runs it: the built page talks to the demo server's HTTP bridge, which
 * runs the real handlers on a simulated PC. Uses the bundle global-setup built (`--no-build`).
 */
const port = 5400 + Math.floor(Math.random() * 500)
let server: ChildProcess

test.beforeAll(async () => {
  server = spawn(
    process.execPath,
    ['--import', 'tsx', join('electron', 'demo', 'server.ts'), '--no-build', '--port', String(port), '--scenario', 'nat-0x80041002'],
    {
      cwd: join(__dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('demo server did not start')), 20_000)
    server.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Open http://127.0.0.1')) {
        clearTimeout(timer)
        resolve()
      }
    })
  })
})

test.afterAll(() => {
  server.kill()
})

test('the browser demo scans a simulated PC over its HTTP bridge', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/`)
  await expect(page.getByTestId('demo-banner')).toContainText('NAT network creation fails with 0x80041002')
  await page.getByTestId('consent-wsl-start').check()
  await page.getByTestId('start-scan').click()
  // The demo server runs the simulated PC at its real pace: a busy CI machine needs more than 5 s.
  await expect(page.getByTestId('probe-services')).toHaveAttribute('data-status', 'known', { timeout: 20_000 })
  await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
  await page.getByTestId('see-findings').click()
  await expect(page.getByTestId('fact-startup-output')).toContainText('ConfigureNetworking/HNS/0x80041002')
})
