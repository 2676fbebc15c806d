import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/**
 * Chromium for the `web` project: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else
 * Playwright's own browser (on developer machines where its download works; toolchain.md).
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) return fromEnv
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

const executablePath = chromiumPath()

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  reporter: [['list']],
  globalSetup: './e2e/global-setup.ts',
  projects: [
    {
      name: 'web',
      testDir: 'e2e/web',
      use: {
        browserName: 'chromium',
        viewport: { width: 1366, height: 768 },
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          // Root on an offline machine: no sandbox, no GPU, no background network (toolchain.md).
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
})
