import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/**
 * Chromium for the `web` project: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else
 * Playwright's own browser (on developer machines where its download works; docs/knowledge/build-and-release.md#linux-machines).
 */
function chromiumPath(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH']
  if (fromEnv) return fromEnv
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

const executablePath = chromiumPath()

/** Chromium as the web and perf projects use it. */
const WEB_USE = {
  browserName: 'chromium' as const,
  viewport: { width: 1366, height: 768 },
  launchOptions: {
    ...(executablePath ? { executablePath } : {}),
    // Root on an offline machine: no sandbox, no GPU, no background network (docs/knowledge/build-and-release.md#linux-machines).
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
}

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
      use: WEB_USE,
    },
    {
      // Timing runs after the web project, alone: two workers of other tests would measure the
      // machine's load, not the page.
      name: 'perf',
      testDir: 'e2e/perf',
      dependencies: ['web'],
      use: WEB_USE,
    },
    {
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
})
