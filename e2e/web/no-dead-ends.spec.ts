import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openWizard } from './bridge-binding'

/**
 * No dead ends (issue 12 item 6): a healthy result offers the networking check, the paste box and
 * the report; a "do this yourself" fix links to the Windows Settings page that does it.
 */
const shots = join(__dirname, '..', '..', 'test-results', 'no-dead-ends')

for (const locale of ['en-US', 'zh-CN'] as const) {
  test.describe(`no dead ends (${locale})`, () => {
    test.use({ locale, viewport: { width: 1366, height: 728 } })

    test('a healthy result offers the networking check, pasting what you saw, and the report', async ({ page }) => {
      await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale, latencyScale: 0.02 })
      await page.getByTestId('start-scan').click()
      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
      await page.getByTestId('see-findings').click()
      await expect(page.getByTestId('no-findings')).toBeVisible()
      await expect(page.getByTestId('healthy-next')).toBeVisible()
      await expect(page.getByTestId('network-check-run')).toBeVisible()
      await expect(page.getByTestId('link-doc-wsl-troubleshooting')).toHaveAttribute('href', 'https://learn.microsoft.com/windows/wsl/troubleshooting')
      await page.screenshot({ path: join(shots, `${locale}-healthy.png`), fullPage: true })

      await page.getByTestId('healthy-paste').click()
      await expect(page.getByTestId('pasted-output')).toBeFocused()
      await page.getByTestId('step-findings').click()
      await page.getByTestId('healthy-report').click()
      await expect(page.locator('#report-title')).toBeFocused()
    })

    test('"do this yourself" links to Windows Update where Windows must be updated', async ({ page }) => {
      await openWizard(page, { scenarioId: 'seed-22000-mirrored', locale, latencyScale: 0.02 })
      await page.getByTestId('start-scan').click()
      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
      await page.getByTestId('step-fix').click()
      const guidance = page.getByTestId('guidance-windows-feature-update').first()
      await expect(guidance.getByTestId('link-settings-windows-update')).toHaveAttribute('href', 'ms-settings:windowsupdate')
      await expect(guidance).toContainText(locale === 'en-US' ? 'Windows Update' : 'Windows 更新')
      await page.screenshot({ path: join(shots, `${locale}-fix-guidance.png`), fullPage: true })
    })
  })
}
