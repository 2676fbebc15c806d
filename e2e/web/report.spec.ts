import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { screenshotDir } from '../screenshot-dir'
import { openWizard } from './bridge-binding'

const screenshots = screenshotDir()

const TEXT = {
  en: {
    locale: 'en-US',
    title: 'This Windows version cannot run mirrored networking',
    redact: 'Redact personal information',
    wslSaid: 'wsl: Mirrored networking mode is not supported',
  },
  'zh-CN': { locale: 'zh-CN', title: '此 Windows 版本无法使用镜像网络', redact: '隐藏个人信息', wslSaid: 'wsl: Mirrored networking mode is not supported' },
} as const

for (const language of ['en', 'zh-CN'] as const) {
  test.describe(`report in ${language}`, () => {
    test.use({ locale: TEXT[language].locale })

    test('previews a redacted report, saves the snapshot and a new window opens it with the same findings', async ({ page, context }) => {
      const text = TEXT[language]
      await openWizard(page, { scenarioId: 'seed-22000-mirrored', locale: text.locale })
      await page.getByTestId('consent-wsl-start').check()
      await page.getByTestId('start-scan').click()
      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
      await page.getByTestId('see-findings').click()
      const topFinding = await page.getByTestId('findings').locator('article').first().getAttribute('data-testid')
      expect(topFinding).toBe('finding-mirrored-unsupported-windows')

      await page.getByTestId('step-report').click()
      const preview = page.getByTestId('report-preview')
      await expect(preview).toContainText('10.0.22000.2836')
      await expect(preview).toContainText(text.title)
      await expect(preview).toContainText('```text\n' + text.wslSaid)
      await expect(page.getByRole('checkbox', { name: text.redact })).toBeChecked()
      await expect(preview).toContainText('`C:\\Users\\<user>\\.wslconfig`')
      expect(await preview.textContent()).not.toMatch(/\blei\b/)
      await page.screenshot({ path: join(screenshots, `${language}-report.png`), fullPage: true })

      await page.getByRole('checkbox', { name: text.redact }).uncheck()
      await expect(preview).toContainText('C:\\Users\\lei\\.wslconfig')
      await page.getByRole('checkbox', { name: text.redact }).check()

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-snapshot').click()])
      expect(download.suggestedFilename()).toBe('wsl-network-doctor-snapshot-' + /\d{4}-\d{2}-\d{2}/.exec(download.suggestedFilename())?.[0] + '.json')
      const file = await download.path()
      const saved = JSON.parse(await readFile(file, 'utf8')) as { schemaVersion: number; facts: Record<string, { data?: { path?: string } }> }
      expect(saved.schemaVersion).toBe(1)
      expect(saved.facts['wslconfig-file']?.data?.path).toBe('C:\\Users\\<user>\\.wslconfig')
      await expect(page.getByTestId('report-status')).toContainText(download.suggestedFilename())

      const helpdesk = await context.newPage()
      await openWizard(helpdesk, { scenarioId: 'healthy-win11-24h2', locale: text.locale })
      await helpdesk.getByTestId('step-report').click()
      await helpdesk.getByTestId('open-snapshot-input').setInputFiles(file)
      await expect(helpdesk.getByTestId('opened-snapshot')).toContainText('seed-22000-mirrored')
      await helpdesk.getByTestId('step-findings').click()
      await expect(helpdesk.getByTestId('findings').locator('article').first()).toHaveAttribute('data-testid', topFinding!)
    })
  })
}
