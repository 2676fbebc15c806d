import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { WIZARD_STEPS } from '../../shared/wizard/steps'
import { openWizard } from './bridge-binding'

/**
 * Every step, in both languages, on five PCs: axe-core (WCAG 2.1 A/AA rules) must find nothing
 * serious or critical. Light and dark theme both count: contrast is checked in each.
 */
const SCENARIOS = ['seed-22000-mirrored', 'nat-0x80041002', 'zh-cn-localhost-proxy', 'home-vmp-missing', 'wslconfig-networkmode-typo']

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    )
}

for (const locale of ['en-US', 'zh-CN'] as const) {
  for (const scenarioId of SCENARIOS) {
    test(`${scenarioId} in ${locale}: every step passes axe`, async ({ page }) => {
      await openWizard(page, { scenarioId, locale, latencyScale: 0.02 })
      expect(await seriousViolations(page), 'welcome').toEqual([])
      await page.getByTestId('consent-wsl-start').check()
      await page.getByTestId('start-scan').click()
      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
      for (const step of WIZARD_STEPS.slice(1)) {
        await page.getByTestId(`step-${step}`).click()
        // Open every disclosure so hidden content is checked too.
        const closed = page.locator('main details:not([open]) > summary')
        for (let guard = 0; guard < 50 && (await closed.count()) > 0; guard++) await closed.first().click()
        expect(await seriousViolations(page), step).toEqual([])
      }
    })
  }
}

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' })
  test('findings and a fix confirm pass axe in dark mode', async ({ page }) => {
    await openWizard(page, { scenarioId: 'nat-0x80041002', locale: 'en-US', latencyScale: 0.02 })
    await page.getByTestId('consent-wsl-start').check()
    await page.getByTestId('start-scan').click()
    await page.getByTestId('see-findings').click({ timeout: 20_000 })
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('step-fix').click()
    await page.getByTestId('review-nat-vmswitch-not-found-delete-wsl-hns-network').click()
    expect(await seriousViolations(page)).toEqual([])
  })
})

test('the whole scan → findings → fix path works with the keyboard alone', async ({ page }) => {
  await openWizard(page, { scenarioId: 'seed-22000-mirrored', locale: 'en-US', latencyScale: 0.02 })
  const focusOn = async (testId: string, max = 40) => {
    for (let i = 0; i < max; i++) {
      if (await page.getByTestId(testId).evaluate((el) => el === document.activeElement)) return
      await page.keyboard.press('Tab')
    }
    throw new Error(`could not reach ${testId} with Tab`)
  }
  await focusOn('consent-wsl-start')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('consent-wsl-start')).toBeChecked()
  await focusOn('start-scan')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
  await focusOn('see-findings')
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toHaveAttribute('data-step', 'findings')
  // The focused element is visibly outlined (focus-visible styles).
  await focusOn('step-fix')
  const outline = await page.getByTestId('step-fix').evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')
  await page.keyboard.press('Enter')
  await focusOn('review-mirrored-unsupported-windows-wslconfig-set-nat', 80)
  await page.keyboard.press('Enter')
  await focusOn('apply-fix', 80)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('fix-result')).toHaveAttribute('data-status', 'completed')
})
