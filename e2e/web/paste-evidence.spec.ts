import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openWizard } from './bridge-binding'

const shots = join(__dirname, '..', '..', 'test-results', 'paste-evidence')
mkdirSync(shots, { recursive: true })

// The Windows 10 message of #11873, pasted on a PC the scan reads as Windows 11 24H2 (issue 11 #2).
const OLD_BUILD_MESSAGE =
  'wsl: Mirrored networking mode is not supported: Windows version 19045.4717 does not have the required features.\nFalling back to NAT networking.'

for (const locale of ['en-US', 'zh-CN'] as const) {
  test(`${locale}: a paste from an older state of the PC: the scan wins and the deciding check is named`, async ({ page }) => {
    await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale })
    await page.getByTestId('pasted-output').fill(OLD_BUILD_MESSAGE)
    await expect(page.getByTestId('paste-top-finding')).toBeVisible()
    await page.screenshot({ path: join(shots, `${locale}-welcome-paste.png`), fullPage: true })

    await page.getByTestId('start-scan').click()
    await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
    await page.getByTestId('see-findings').click()
    await expect(page.getByTestId('finding-mirrored-unsupported-windows')).toHaveCount(0)
    const top = page.getByTestId('findings').locator('article').first()
    await expect(top).toHaveAttribute('data-testid', 'finding-mirrored-fell-back-unknown-cause')
    await expect(top.getByTestId('evidence')).toContainText(locale === 'zh-CN' ? '来自电脑更早的状态' : 'came from an earlier state of the PC')
    await expect(page.getByTestId('verdict')).toHaveAttribute('data-verdict', 'undecided')
    await expect(page.getByTestId('deciding-check')).toHaveAttribute('data-probe', 'wsl-startup')
    await page.screenshot({ path: join(shots, `${locale}-findings-other-state.png`), fullPage: true })
  })
}

test('a Windows text pasted without its code still names the cause (issue 11 #3)', async ({ page }) => {
  await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale: 'en-US' })
  await page
    .getByTestId('pasted-output')
    .fill('The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.')
  await expect(page.getByTestId('paste-preview')).toContainText('0x80070422')
  await expect(page.getByTestId('paste-top-finding')).toContainText('WSL service')
})

for (const locale of ['en-US', 'zh-CN'] as const) {
  test(`${locale}: a paste that cannot decide says so and names the check the scan will run (issue 11 #4)`, async ({ page }) => {
    await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale })
    await page.getByTestId('pasted-output').fill('wsl: Failed to configure network (networkingMode Nat), falling back to networkingMode VirtioProxy.')
    const preview = page.getByTestId('paste-preview')
    await expect(preview.getByTestId('verdict')).toHaveAttribute('data-verdict', 'undecided')
    await expect(preview.getByTestId('deciding-check')).toHaveAttribute('data-probe', 'events')
    await page.getByTestId('paste-preview').screenshot({ path: join(shots, `${locale}-welcome-undecided.png`) })
  })
}
