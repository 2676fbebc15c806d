import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { SCENARIOS } from '../../shared/scenarios'
import { openWizard } from './bridge-binding'

/**
 * Issue 12 "Done when": every shipped scenario, in both languages, scan → fix (the recommended
 * rung, through "Fix this") → verify, and Verify's verdict agrees with the Findings step after the
 * rescan: what Verify calls gone is not on Findings, what it calls still there is.
 */
const shots = join(__dirname, '..', '..', 'test-results', 'close-the-loop')
mkdirSync(shots, { recursive: true })
/** Screenshots of these scenarios' Scan, Findings, Verify and Report steps (looked at by hand). */
const SHOWN = new Set([
  'seed-22000-mirrored',
  'home-vmp-missing',
  'nat-0x80041002',
  'vpn-anyconnect-nat',
  'nat-dns-port-53-technitium',
  'firewall-gpo-local-rules-off',
  'ipv6-disabled-by-domain-gpo',
])
const LANGUAGES = [
  { locale: 'en-US', tag: 'en' },
  { locale: 'zh-CN', tag: 'zh-CN' },
] as const

async function scan(page: Page): Promise<void> {
  await page.getByTestId('consent-wsl-start').check()
  await page.getByTestId('start-scan').click()
  await expect(page.getByTestId('see-findings')).toBeVisible({ timeout: 20_000 })
  await expect(page.getByTestId('scan-summary')).toBeVisible()
}

/** Applies the fix on the confirm screen, through every restart it needs, and ends on Verify. */
async function applyToTheEnd(page: Page): Promise<void> {
  for (let part = 0; part < 4; part++) {
    await expect(page.getByTestId('fix-confirm')).toBeVisible()
    await page.getByTestId('apply-fix').click()
    await expect(page.getByTestId('fix-result')).toHaveAttribute('data-status', 'completed', { timeout: 20_000 })
    if (!(await page.getByTestId('restart-offer').isVisible())) {
      await page.getByTestId('go-verify').click()
      return
    }
    // A restart-only fix ("Restart Windows") restarts from its confirm button ("Restart now"), so
    // the offer may already be restarting (its button disabled).
    if (await page.getByTestId('restart-now').isEnabled()) await page.getByTestId('restart-now').click()
    // The simulated PC restarted; the app opens again (RunOnce --resume) on the Fix step.
    await page.reload()
    const panel = page.getByTestId('resume-panel')
    await expect(panel).toHaveAttribute('data-rebooted', 'true')
    if ((await panel.getAttribute('data-next-phase')) === 'none') {
      await page.getByTestId('resume-scan').click()
      await expect(page.getByTestId('verdict')).toBeVisible({ timeout: 20_000 })
      return
    }
    await page.getByTestId('resume-continue').click()
  }
  throw new Error('more restarts than any fix has')
}

for (const scenario of SCENARIOS) {
  for (const { locale, tag } of LANGUAGES) {
    test(`${scenario.id} (${tag}): the recommended fix, then Verify agrees with Findings`, async ({ page }) => {
      await openWizard(page, { scenarioId: scenario.id, locale, latencyScale: 0.02 })
      const shoot = async (name: string) => {
        if (SHOWN.has(scenario.id)) await page.screenshot({ path: join(shots, `${tag}-${scenario.id}-${name}.png`), fullPage: true })
      }
      await scan(page)
      await shoot('scan')
      await page.getByTestId('see-findings').click()
      await expect(page.locator('[data-scan-complete="true"]')).toBeVisible({ timeout: 20_000 })
      await shoot('findings')
      const fixThis = page.locator('[data-testid^="fix-this-"]').first()
      if ((await fixThis.count()) === 0) {
        // Nothing the app can apply fits this PC: no "Fix this", and Verify has nothing to claim.
        await page.getByTestId('step-verify').click()
        await expect(page.getByTestId('verify-none')).toBeVisible()
        return
      }
      const findingId = ((await fixThis.getAttribute('data-testid')) ?? '').replace('fix-this-', '')
      await fixThis.click()
      await applyToTheEnd(page)
      const verdict = page.getByTestId('verdict')
      await expect(verdict).toBeVisible()
      await shoot('verify')
      const kind = await verdict.getAttribute('data-verdict')
      const resolved = ((await verdict.getAttribute('data-resolved')) ?? '').split(' ').filter(Boolean)
      const remaining = ((await verdict.getAttribute('data-remaining')) ?? '').split(' ').filter(Boolean)
      if (scenario.groupPolicy?.registryPreferences !== undefined) {
        // A Group Policy Preferences value comes back at the restart (#11002): Verify must say "not
        // fixed" for that finding and name the next step, never claim the fix held.
        expect(kind).toBe('not-fixed')
        expect(remaining).toContain(findingId)
        await expect(page.getByTestId('came-back')).toHaveAttribute('data-findings', findingId)
        await expect(page.getByTestId('next-step')).toBeVisible()
        return
      }
      // The recommended rung changed the cause it was recommended for: gone, or (a workaround) still
      // listed only as information and shown on Verify as "still true", never as fixed.
      expect(kind).not.toBe('not-fixed')
      if (remaining.includes(findingId)) await expect(page.getByTestId(`still-true-${findingId}`)).toBeVisible()
      await page.getByTestId('verify-see-findings').click()
      await expect(page.locator('[data-scan-complete="true"]')).toBeVisible()
      for (const id of resolved) await expect(page.getByTestId(`finding-${id}`)).toHaveCount(0)
      for (const id of remaining) await expect(page.getByTestId(`finding-${id}`)).toHaveCount(1)
      if (SHOWN.has(scenario.id)) {
        await shoot('findings-after')
        await page.getByTestId('step-report').click()
        await expect(page.getByTestId('report-preview')).not.toBeEmpty({ timeout: 20_000 })
        await shoot('report')
      }
    })
  }
}
