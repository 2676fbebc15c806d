import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { openWizard } from './bridge-binding'

/** Screens of the repair-you-can-trust flows, both languages, into test-results/ (looked at by hand). */
const shots = process.env['WND_SHOTS_DIR'] ?? join(__dirname, '..', '..', 'test-results', 'repair-trust')
mkdirSync(shots, { recursive: true })

async function scan(page: Page): Promise<void> {
  await page.getByTestId('consent-wsl-start').check()
  await page.getByTestId('start-scan').click()
  await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
}

for (const [locale, tag] of [
  ['en-US', 'en'],
  ['zh-CN', 'zh-CN'],
] as const) {
  test(`${tag}: undo finds the file edited since the fix; the three versions; restore over it`, async ({ page }) => {
    const runtime = await openWizard(page, { scenarioId: 'seed-22000-mirrored', locale })
    const original = runtime.host.scenario.wslconfig
    await scan(page)
    await page.getByTestId('step-fix').click()
    await page.getByTestId('review-mirrored-unsupported-windows-wslconfig-set-nat').click()
    await page.getByTestId('apply-fix').click()
    await expect(page.getByTestId('fix-result')).toHaveAttribute('data-status', 'completed')
    runtime.host.userEditsWslconfig(`${runtime.host.scenario.wslconfig?.text ?? ''}memory=8GB\r\n`)
    const edited = runtime.host.scenario.wslconfig
    await page.getByTestId('undo-fix').click()
    await expect(page.getByTestId('file-versions')).toBeVisible()
    await expect(page.getByTestId('version-current')).toContainText('memory=8GB')
    expect(runtime.host.scenario.wslconfig).toEqual(edited)
    await page.getByTestId('versions-manual').click()
    await page.getByTestId('file-versions').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, `${tag}-undo-three-versions.png`), fullPage: true })
    await page.getByTestId('versions-restore').click()
    await expect(page.getByTestId('undo-status')).toHaveAttribute('data-status', 'undone')
    expect(runtime.host.scenario.wslconfig).toEqual(original)
  })

  test(`${tag}: a fix interrupted mid-run is offered for recovery at the next start, after a fresh scan`, async ({ page }) => {
    const runtime = await openWizard(page, { scenarioId: 'ics-disabled', locale })
    await scan(page)
    await page.getByTestId('step-fix').click()
    await page.getByTestId('review-nat-ics-disabled-enable-sharedaccess').click()
    // The elevated side hangs in its first step; the app is then closed and opened again.
    runtime.host.setElevatedFault({ kind: 'hang', atStep: 0 })
    await page.getByTestId('apply-fix').click()
    await expect(page.locator('[aria-busy="true"]')).toBeVisible()
    // Mid-run means a step is running: the journal then holds the run (written before each step).
    // Reloading earlier (during the UAC wait) would test a run that never started.
    await expect(page.locator('[data-testid^="fix-step-"][data-status="running"]').first()).toBeVisible({ timeout: 20_000 })
    await page.reload()
    await expect(page.getByTestId('recovery-panel')).toBeVisible({ timeout: 20_000 })
    await page.screenshot({ path: join(shots, `${tag}-recovery-before-scan.png`), fullPage: true })
    await page.getByTestId('recovery-scan').click()
    // The scan shows its progress, then the Fix step offers the choices on the re-read state.
    await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
    await page.getByTestId('step-fix').click()
    await expect(page.getByTestId('recovery-keep')).toBeVisible({ timeout: 20_000 })
    await page.getByTestId('recovery-panel').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, `${tag}-recovery-choices.png`), fullPage: true })
    await expect(page.getByTestId('recovery-finish')).toBeVisible()
    // Only the page reloaded: the hung run still holds the repair lock in this process, so the one
    // writer answers "busy" instead of racing it (after a real restart the lock is gone).
    await page.getByTestId('recovery-keep').click()
    await expect(page.getByTestId('undo-status')).toHaveAttribute('data-status', 'busy')
  })
}
