import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { snapshot, withService } from '../../../shared/diagnosis/test-support/test-snapshot'
import { renderWithStore } from '../test-support/test-render'
import { ScanStep } from './ScanStep'

const finished = (s: ReturnType<typeof snapshot>) => ({
  scan: { phase: 'finished' as const, outcome: 'completed' as const, durationMs: 1200, probes: {}, snapshot: s },
})

/** Issue 12 #5: a summary like flutter doctor's, and icons that show what each check found. */
describe('Scan summary and honest colours', () => {
  it('a broken PC is not all green: "1 problem", and the services check shows the problem', async () => {
    const broken = snapshot({ services: withService('WSLService', { startType: 'disabled', status: 'Stopped' }), events: { unknown: 'timeout' } })
    await renderWithStore(<ScanStep />, { state: finished(broken) })
    const summary = screen.getByTestId('scan-summary')
    expect(summary.textContent).toMatch(/^1 problem, \d+ checks passed, \d+ not checked$/)
    expect(screen.getByTestId('probe-services').getAttribute('data-outcome')).toBe('problem')
    expect(screen.getByTestId('probe-events').getAttribute('data-outcome')).toBe('not-checked')
    expect(screen.getByTestId('probe-windows-version').getAttribute('data-outcome')).toBe('passed')
  })

  it('a healthy PC says so, in Chinese too', async () => {
    await renderWithStore(<ScanStep />, { state: { ...finished(snapshot()), locale: 'zh-CN' } })
    expect(screen.getByTestId('scan-summary').textContent).toMatch(/^未发现问题 · \d+ 项检查通过/)
  })
})
