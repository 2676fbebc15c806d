import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { WIZARD_STEPS } from '../../shared/wizard/steps'
import { screenshotDir } from '../screenshot-dir'
import { openWizard } from './bridge-binding'

const screenshots = screenshotDir()

async function scanToEnd(page: Page): Promise<void> {
  await page.getByTestId('start-scan').click()
  await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
}

test('a scan reaches the real handlers on the simulated PC and the answer renders', async ({ page }) => {
  await openWizard(page, { scenarioId: 'seed-22000-mirrored', locale: 'en-US' })
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('WSL Network Doctor')
  await expect(page.getByTestId('demo-banner')).toContainText('simulated PC')

  await page.getByTestId('consent-wsl-start').check()
  await scanToEnd(page)
  for (const probe of ['windows-version', 'wsl-install', 'wslconfig-file', 'services', 'wsl-startup']) {
    await expect(page.getByTestId(`probe-${probe}`)).toHaveAttribute('data-status', 'known')
  }
  await page.getByTestId('see-findings').click()
  const top = page.getByTestId('findings').locator('article').first()
  await expect(top).toHaveAttribute('data-testid', 'finding-mirrored-unsupported-windows')
  await expect(top.getByTestId('evidence')).toContainText('10.0.22000.2836')
  // What WSL printed on start, computed by the simulated PC from its build and .wslconfig.
  await expect(top.getByTestId('wsl-said')).toContainText('wsl: Mirrored networking mode is not supported, falling back to NAT networking')
  await page.getByText('What the scan read').click()
  await expect(page.getByTestId('fact-windows')).toContainText('10.0.22000.2836')
  await expect(page.getByTestId('fact-wsl')).toContainText('WSL 2.1.5.0')
  await expect(page.getByTestId('fact-startup')).toContainText('NAT')
})

test('without consent the probe that starts WSL does not run and is shown as unknown', async ({ page }) => {
  await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale: 'en-US' })
  await scanToEnd(page)
  await expect(page.getByTestId('probe-wsl-startup')).toHaveAttribute('data-status', 'unknown')
  await expect(page.getByTestId('probe-wsl-startup')).toContainText('starting WSL was not allowed')
  await page.getByTestId('see-findings').click()
  await expect(page.getByTestId('no-findings')).toBeVisible()
  await page.getByText('What the scan read').click()
  await expect(page.getByTestId('fact-startup')).toContainText('Unknown')
})

test('the NAT failure PC shows that WSL did not start, with its error code path', async ({ page }) => {
  await openWizard(page, { scenarioId: 'nat-0x80041002', locale: 'en-US' })
  await page.getByTestId('consent-wsl-start').check()
  await scanToEnd(page)
  await page.getByTestId('see-findings').click()
  const finding = page.getByTestId('finding-nat-vmswitch-not-found')
  await expect(finding.getByTestId('wsl-said')).toContainText('Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002')
  await expect(finding.getByTestId('fixes').locator('li').first()).toHaveAttribute('data-fix', 'windows-update')
  await page.getByText('What the scan read').click()
  await expect(page.getByTestId('fact-startup')).toContainText('exit code -1')
})

test('the paste box steers the diagnosis: Chinese WSL output is recognised without a WSL start', async ({ page }) => {
  await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale: 'en-US' })
  await page.getByTestId('pasted-output').fill('wsl: 无法配置网络 (networkingMode Nat)，回退到 networkingMode VirtioProxy。')
  await scanToEnd(page)
  await page.getByTestId('see-findings').click()
  await expect(page.getByTestId('finding-nat-fell-back')).toBeVisible()
  await expect(page.getByTestId('finding-nat-fell-back').getByTestId('wsl-said')).toContainText('回退到 networkingMode VirtioProxy')
})

test('a running scan can be cancelled', async ({ page }) => {
  await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale: 'en-US', latencyScale: 3 })
  await page.getByTestId('consent-wsl-start').check()
  await page.getByTestId('start-scan').click()
  await expect(page.getByTestId('cancel-scan')).toBeVisible()
  await page.getByTestId('cancel-scan').click()
  await expect(page.getByRole('heading', { name: 'Scan cancelled' })).toBeVisible({ timeout: 10_000 })
  await expect(page.locator('[data-status="unknown"]').first()).toContainText('cancelled')
})

test.describe('Chinese from the first screen', () => {
  test.use({ locale: 'zh-CN' })

  test('follows the browser/OS locale and switching language keeps the state', async ({ page }) => {
    await openWizard(page, { scenarioId: 'seed-22000-mirrored', locale: 'zh-CN' })
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('WSL 网络医生')
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
    await scanToEnd(page)
    await page.getByTestId('language-select').selectOption('en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('WSL Network Doctor')
    await expect(page.getByRole('heading', { name: 'Scan finished' })).toBeVisible()
    await page.getByTestId('language-select').selectOption('zh-CN')
    await expect(page.getByRole('heading', { name: '扫描完成' })).toBeVisible()
  })
})

for (const locale of ['en', 'zh-CN'] as const) {
  test.describe(`every step in ${locale}`, () => {
    test.use({ locale: locale === 'en' ? 'en-US' : 'zh-CN' })

    test('is reachable and is captured as a screenshot', async ({ page }) => {
      await openWizard(page, { scenarioId: 'seed-22000-mirrored', locale: locale === 'en' ? 'en-US' : 'zh-CN' })
      await page.screenshot({ path: join(screenshots, `${locale}-1-welcome.png`), fullPage: true })
      await page.getByTestId('consent-wsl-start').check()
      await scanToEnd(page)
      for (const [index, step] of WIZARD_STEPS.entries()) {
        await page.getByTestId(`step-${step}`).click()
        await expect(page.getByTestId(`step-${step}`)).toHaveAttribute('aria-current', 'step')
        await expect(page.locator('main')).toHaveAttribute('data-step', step)
        // Steps load lazily: wait for the step itself, not its loading placeholder.
        await expect(page.locator('main h2').first()).toBeVisible()
        if (index > 0) await page.screenshot({ path: join(screenshots, `${locale}-${index + 1}-${step}.png`), fullPage: true })
      }
    })
  })
}

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark', locale: 'zh-CN' })

  test('follows the OS colour scheme', async ({ page }) => {
    await openWizard(page, { scenarioId: 'nat-0x80041002', locale: 'zh-CN' })
    await page.getByTestId('consent-wsl-start').check()
    await scanToEnd(page)
    await page.getByTestId('see-findings').click()
    await page.getByText('扫描读取到的信息').click()
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
    expect(background).toBe('rgb(32, 32, 32)')
    await page.screenshot({ path: join(screenshots, 'zh-CN-dark-findings.png'), fullPage: true })
  })
})

test('pasted WSL output is recognised before the scan and names the likely problem', async ({ page }) => {
  await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale: 'zh-CN' })
  await page
    .getByTestId('pasted-output')
    .fill('无法配置网络 (networkingMode Nat)。\n错误代码: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002')
  await expect(page.getByTestId('paste-preview')).toContainText('0x80041002')
  await expect(page.getByTestId('paste-top-finding')).toContainText('0x80041002')
})
