import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { SCENARIOS } from '../../shared/scenarios'
import { openWizard } from './bridge-binding'

/**
 * Keyboard and fit (issue 12 item 10): focus follows each navigation to the new screen's
 * heading, Esc cancels a confirm screen, the primary button is on screen without scrolling in a
 * maximised window on a 1366×768 laptop (the taskbar leaves ≈1366×728), and no text is smaller
 * than 13 px. Both languages; screenshots go to test-results/ for a look.
 */
const LAPTOP = { width: 1366, height: 728 }
const shots = join(__dirname, '..', '..', 'test-results', 'keyboard-and-fit')

const LANGUAGES = [
  { locale: 'en-US', tag: 'en', startScan: 'Start scan' },
  { locale: 'zh-CN', tag: 'zh-CN', startScan: '开始扫描' },
] as const

/** The id of the focused element's nearest element with an id (the heading itself, here). */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? '')

/** The smallest computed font size of any element that shows text of its own, and where. */
async function smallestText(page: Page): Promise<{ size: number; where: string }> {
  return page.evaluate(() => {
    let smallest = { size: Number.POSITIVE_INFINITY, where: '' }
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '')
      if (!ownText || element.offsetParent === null) continue
      const size = Number.parseFloat(getComputedStyle(element).fontSize)
      if (size < smallest.size)
        smallest = { size, where: `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').trim().slice(0, 40)}` }
    }
    return smallest
  })
}

/** Text on screen that looks like an unfilled catalog argument: `{version}`, `{count}`… */
async function unfilledArguments(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText)
  return text.match(/\{[A-Za-z]\w*\}/g) ?? []
}

for (const language of LANGUAGES) {
  test.describe(`keyboard and fit (${language.tag})`, () => {
    test.use({ viewport: LAPTOP, locale: language.locale })

    test("focus moves to each new screen's heading, and Esc cancels the confirm screen", async ({ page }) => {
      await openWizard(page, { scenarioId: 'seed-22000-mirrored', locale: language.locale, latencyScale: 0.02 })
      await expect(page.getByTestId('start-scan')).toHaveText(language.startScan)

      await page.getByTestId('start-scan').focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => focusedId(page)).toBe('scan-title')

      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
      await page.getByTestId('see-findings').focus()
      await page.keyboard.press('Enter')
      await expect.poll(() => focusedId(page)).toBe('findings-title')

      await page.getByTestId('step-fix').click()
      await expect.poll(() => focusedId(page)).toBe('fix-title')

      const review = page.locator('[data-testid^="review-"]').first()
      await review.focus()
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('fix-confirm')).toBeVisible()
      await expect.poll(() => focusedId(page)).toBe('fix-confirm-title')
      await page.screenshot({ path: join(shots, `${language.tag}-confirm.png`) })

      await page.keyboard.press('Escape')
      await expect(page.getByTestId('fix-confirm')).toHaveCount(0)
      await expect(page.getByTestId('fix-chooser')).toBeVisible()
      await expect.poll(() => focusedId(page)).toBe('fix-title')
    })

    test('the primary button of each step is on screen without scrolling, and no text is under 13 px', async ({ page }) => {
      await openWizard(page, { scenarioId: 'seed-22000-mirrored', locale: language.locale, latencyScale: 0.02 })
      await expect(page.getByTestId('start-scan')).toBeInViewport()
      expect((await smallestText(page)).size).toBeGreaterThanOrEqual(13)
      await page.screenshot({ path: join(shots, `${language.tag}-welcome.png`) })

      await page.getByTestId('consent-wsl-start').check()
      await page.getByTestId('start-scan').click()
      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
      await expect(page.getByTestId('see-findings')).toBeInViewport()
      await page.screenshot({ path: join(shots, `${language.tag}-scan.png`) })

      await page.getByTestId('see-findings').click()
      await page.locator('.facts-panel > summary').first().click()
      const findingsText = await smallestText(page)
      expect(findingsText.size, findingsText.where).toBeGreaterThanOrEqual(13)
      await page.screenshot({ path: join(shots, `${language.tag}-findings.png`), fullPage: true })

      await page.getByTestId('step-fix').click()
      await page.locator('[data-testid^="review-"]').first().click()
      await expect(page.getByTestId('apply-fix')).toBeInViewport()
      const confirmText = await smallestText(page)
      expect(confirmText.size, confirmText.where).toBeGreaterThanOrEqual(13)
      expect(await unfilledArguments(page)).toEqual([])
    })
  })
}

for (const language of LANGUAGES) {
  test.describe(`the restart confirm screen (${language.tag})`, () => {
    test.use({ viewport: LAPTOP, locale: language.locale })
    test('says save your work, lists the restart, and its button says "Restart now"', async ({ page }) => {
      await openWizard(page, { scenarioId: 'hns-stale-0x803b0001', locale: language.locale, latencyScale: 0.02 })
      await page.getByTestId('consent-wsl-start').check()
      await page.getByTestId('start-scan').click()
      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
      await page.getByTestId('step-fix').click()
      await page.locator('[data-testid$="-reboot"][data-testid^="review-"]').first().click()
      await expect(page.getByTestId('save-work')).toBeVisible()
      await expect(page.getByTestId('fix-step-restart')).toContainText('shutdown.exe /r')
      await expect(page.getByTestId('apply-fix')).toHaveText(language.tag === 'en' ? 'Restart now' : '立即重启')
      await expect(page.getByTestId('apply-fix')).toBeInViewport()
      await page.screenshot({ path: join(shots, `${language.tag}-confirm-restart.png`) })
    })
  })
}

test.describe('no unfilled argument on any screen', () => {
  test.use({ viewport: LAPTOP })
  // Every shipped scenario, alternating the language, through Findings, Fix and Report.
  SCENARIOS.forEach((scenario, index) => {
    const language = LANGUAGES[index % LANGUAGES.length] ?? LANGUAGES[0]
    test(`${scenario.id} (${language.tag})`, async ({ page }) => {
      await openWizard(page, { scenarioId: scenario.id, locale: language.locale, latencyScale: 0.02 })
      await page.getByTestId('consent-wsl-start').check()
      await page.getByTestId('start-scan').click()
      await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
      expect(await unfilledArguments(page), 'scan').toEqual([])
      await page.getByTestId('see-findings').click()
      await page.locator('.facts-panel > summary').first().click()
      await expect(page.getByTestId('facts')).toBeVisible()
      expect(await unfilledArguments(page), 'findings').toEqual([])
      await page.getByTestId('step-fix').click()
      await expect(page.locator('#fix-title')).toBeVisible()
      expect(await unfilledArguments(page), 'fix').toEqual([])
      await page.getByTestId('step-report').click()
      await expect(page.locator('#report-title')).toBeVisible()
      expect(await unfilledArguments(page), 'report').toEqual([])
    })
  })
})
