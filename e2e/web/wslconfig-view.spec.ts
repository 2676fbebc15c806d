import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { screenshotDir } from '../screenshot-dir'
import { openWizard } from './bridge-binding'

const screenshots = screenshotDir()

/** Scans the simulated PC (without starting WSL) and opens the Findings step. */
async function scanToFindings(page: Page): Promise<void> {
  await page.getByTestId('start-scan').click()
  await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
  await page.getByTestId('see-findings').click()
}

const EXPECTED = {
  en: {
    warning: "Unknown key 'wsl2.networkMode' in C:\\Users\\sam\\.wslconfig:2",
    hint: 'Did you mean “wsl2.networkingMode”?',
  },
  // WSL fills the zh-CN template's `{}` in call order, so this is WSL's own (reordered) Chinese text.
  'zh-CN': {
    warning: 'wsl2.networkMode:C:\\Users\\sam\\.wslconfig 中的键“2”未知',
    hint: '你是想写“wsl2.networkingMode”吗？',
  },
} as const

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`.wslconfig view in ${locale}`, () => {
    test.use({ locale: locale === 'en' ? 'en-US' : 'zh-CN' })

    test('shows WSL’s warning at line 2 with the did-you-mean hint; "Fix these lines" opens the diff', async ({ page }) => {
      await openWizard(page, { scenarioId: 'wslconfig-networkmode-typo', locale: locale === 'en' ? 'en-US' : 'zh-CN' })
      await scanToFindings(page)
      const view = page.getByTestId('wslconfig-view')
      await expect(view).toHaveAttribute('open', '')
      const line = view.getByTestId('wslconfig-line-2')
      await expect(line.getByRole('rowheader')).toHaveText('2')
      await expect(line.locator('code')).toHaveText('networkMode=mirrored')
      await expect(line.getByTestId('wslconfig-warning')).toContainText(EXPECTED[locale].warning)
      await expect(line.getByTestId('wslconfig-hint')).toContainText(EXPECTED[locale].hint)
      await expect(view.getByTestId('wslconfig-line-1').getByTestId('wslconfig-warning')).toHaveCount(0)
      await expect(view.getByTestId('wslconfig-line-endings')).toContainText('CRLF')
      await view.scrollIntoViewIfNeeded()
      await page.screenshot({ path: join(screenshots, `${locale}-wslconfig-view.png`), fullPage: true })

      await view.getByTestId('wslconfig-fix-lines').click()
      await expect(page.locator('main')).toHaveAttribute('data-step', 'fix')
      const confirm = page.getByTestId('fix-confirm')
      await expect(confirm).toBeVisible()
      await expect(confirm.getByTestId('file-diff').locator('.diff-del')).toContainText('networkMode=mirrored')
      await expect(confirm.getByTestId('file-diff').locator('.diff-add')).toContainText('networkingMode=mirrored')
    })
  })
}

test('a Windows path with single backslashes: WSL’s escape warning at line 2, hint, and no automatic fix', async ({ page }) => {
  await openWizard(page, { scenarioId: 'wslconfig-windows-path-backslashes', locale: 'en-US' })
  await scanToFindings(page)
  const view = page.getByTestId('wslconfig-view')
  await expect(view).toHaveAttribute('open', '')
  const line = view.getByTestId('wslconfig-line-2')
  await expect(line.getByTestId('wslconfig-warning')).toContainText("Invalid escaped character: 'U' in C:\\Users\\lei\\.wslconfig:2")
  await expect(line.getByTestId('wslconfig-hint')).toHaveAttribute('data-hint', 'backslash-invalid-escape')
  await expect(line.getByTestId('wslconfig-hint')).toContainText('C:\\\\Users\\\\lei\\\\wsl\\\\bzImage')
  await expect(view.getByTestId('wslconfig-value-wsl2.memory')).toContainText('6442450944')
  await expect(view.getByTestId('wslconfig-fix-lines')).toHaveCount(0)
})

test('passed checks list only what was read; the WSL start not allowed is "not checked"', async ({ page }) => {
  await openWizard(page, { scenarioId: 'wslconfig-networkmode-typo', locale: 'en-US' })
  await scanToFindings(page)
  await page.getByTestId('passed-checks').locator('summary').click()
  await expect(page.getByTestId('passed-checks').locator('li[data-area="wslconfig"]')).toHaveCount(0)
  await expect(page.getByTestId('passed-checks').locator('li[data-area="nat-network"]')).toHaveCount(0)
  await page.getByTestId('not-checked').locator('summary').click()
  await expect(page.getByTestId('not-checked').locator('li[data-area="nat-network"]')).toContainText('starting WSL was not allowed')
})
