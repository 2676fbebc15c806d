import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { WIZARD_STEPS } from '../../shared/wizard/steps'
import { screenshotDir } from '../screenshot-dir'
import { openWizard } from './bridge-binding'

/** No horizontal overflow on a 1366×768 laptop or a 4K monitor (200 % scaling), in Chinese too. */
const SIZES = [
  { name: 'laptop', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
  { name: '4k', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 },
] as const

for (const size of SIZES) {
  test.describe(`${size.name} screen`, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, locale: 'zh-CN' })
    test('every step fits the width in Chinese', async ({ page }) => {
      await openWizard(page, { scenarioId: 'nat-0x80041002', locale: 'zh-CN', latencyScale: 0.02 })
      await page.getByTestId('consent-wsl-start').check()
      await page.getByTestId('start-scan').click()
      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
      for (const step of WIZARD_STEPS) {
        await page.getByTestId(`step-${step}`).click()
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow, step).toBeLessThanOrEqual(0)
      }
      await page.getByTestId('step-findings').click()
      if (size.name === '4k') await page.screenshot({ path: join(screenshotDir(), 'zh-CN-findings-4k.png') })
    })
  })
}
