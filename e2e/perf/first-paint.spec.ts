import { expect, test } from '@playwright/test'
import { openWizard } from '../web/bridge-binding'

/** Issue 14: first contentful paint ≤ 400 ms in Chromium, the median of several cold loads. */
const LOADS = 7
const FCP_BUDGET_MS = 400

test(`first contentful paint: median of ${LOADS} loads ≤ ${FCP_BUDGET_MS} ms`, async ({ browser }) => {
  const paints: number[] = []
  for (let i = 0; i < LOADS; i++) {
    // A fresh context each time: nothing cached from the load before.
    const context = await browser.newContext()
    const page = await context.newPage()
    await openWizard(page, { scenarioId: 'healthy-win11-24h2', locale: 'en-US' })
    await expect(page.getByTestId('start-scan')).toBeVisible()
    // The paint entry can be recorded a frame after the button is visible: wait for it.
    const handle = await page.waitForFunction(
      () => performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint')?.startTime ?? null,
      undefined,
      { timeout: 10_000 },
    )
    const fcp = await handle.jsonValue()
    expect(fcp).not.toBeNull()
    paints.push(fcp!)
    await context.close()
  }
  const sorted = [...paints].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]!
  console.log(`first contentful paint (ms): ${paints.map((p) => p.toFixed(0)).join(', ')}; median ${median.toFixed(0)}`)
  expect(median).toBeLessThanOrEqual(FCP_BUDGET_MS)
})
