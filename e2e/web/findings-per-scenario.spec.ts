import { expect, test } from '@playwright/test'
import { SCENARIOS } from '../../shared/scenarios'
import { openWizard } from './bridge-binding'

/**
 * Every shipped scenario, scanned in the wizard with WSL start allowed: the Findings step shows the
 * scenario's expected top finding first, with its evidence (issue: diagnosis "Done when").
 */
for (const scenario of SCENARIOS) {
  test(`${scenario.id} → ${scenario.expectedTopFinding ?? 'no problems'}`, async ({ page }) => {
    await openWizard(page, { scenarioId: scenario.id, locale: 'en-US', latencyScale: 0.02 })
    await page.getByTestId('consent-wsl-start').check()
    await page.getByTestId('start-scan').click()
    await page.getByTestId('see-findings').click({ timeout: 20_000 })
    if (scenario.expectedTopFinding === null) {
      await expect(page.locator('.finding-error, .finding-warning')).toHaveCount(0)
      return
    }
    const top = page.locator('[data-testid^="finding-"]').first()
    await expect(top).toHaveAttribute('data-testid', `finding-${scenario.expectedTopFinding}`)
    await expect(top.getByTestId('evidence').locator('li').first()).toBeVisible()
  })
}
