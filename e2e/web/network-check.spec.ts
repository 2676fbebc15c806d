import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { screenshotDir } from '../screenshot-dir'
import { openWizard } from './bridge-binding'

const shots = screenshotDir()

/**
 * The networking check inside WSL on the Findings step: not run without consent, offered with a
 * button that asks first, then the ✓/✗ table from the simulated distro (a VPN in NAT: TCP and
 * HTTPS fail; the healthy mirrored PC: everything works). Screenshots in both languages.
 */
for (const locale of ['en-US', 'zh-CN'] as const) {
  test(`networking check: asked for on Findings, then a ✓/✗ table (${locale})`, async ({ page }) => {
    await openWizard(page, { scenarioId: 'vpn-anyconnect-nat', locale })
    await page.getByTestId('start-scan').click()
    await page.getByTestId('see-findings').click()
    const table = page.getByTestId('network-check')
    await expect(table).toHaveAttribute('data-status', 'not-checked')
    await page.getByTestId('network-check-run').click()
    await expect(page.getByTestId('network-check-confirm')).toBeVisible()
    await table.screenshot({ path: join(shots, `network-check-${locale}-ask.png`) })
    await page.getByTestId('network-check-confirm').click()
    await expect(table).toHaveAttribute('data-status', 'fails', { timeout: 15_000 })
    await expect(table.locator('tr[data-check="tcp-443"]')).toHaveAttribute('data-outcome', 'fail')
    await expect(table.locator('tr[data-check="dns-resolution"]')).toHaveAttribute('data-outcome', 'pass')
    await table.screenshot({ path: join(shots, `network-check-${locale}-vpn.png`) })
    await expect(page.locator('[data-scan-complete="true"]')).toBeVisible({ timeout: 15_000 })
    await page.screenshot({ path: join(shots, `network-check-${locale}-findings.png`), fullPage: true })
  })

  test(`networking check: works on the healthy mirrored PC (${locale})`, async ({ page }) => {
    await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale })
    await page.getByTestId('consent-wsl-start').check()
    await page.getByTestId('start-scan').click()
    await page.getByTestId('see-findings').click()
    const table = page.getByTestId('network-check')
    await expect(table).toHaveAttribute('data-status', 'works', { timeout: 15_000 })
    await expect(table.locator('tr[data-check="localhost-linux-to-windows"]')).toHaveAttribute('data-outcome', 'pass')
    await table.screenshot({ path: join(shots, `network-check-${locale}-healthy.png`) })
  })
}
