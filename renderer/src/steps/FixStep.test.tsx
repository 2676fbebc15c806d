import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithStore } from '../test-render'
import { FixStep } from './FixStep'
import { VerifyStep } from './VerifyStep'

describe('FixStep states', () => {
  it('before a scan: asks for a scan first', async () => {
    await renderWithStore(<FixStep />)
    expect(screen.getByText('Scan this PC first: fixes are planned from what the scan found.')).toBeTruthy()
  })

  it('unavailable: says why in the user\'s language', async () => {
    await renderWithStore(<FixStep />, { state: { locale: 'zh-CN', fix: { phase: 'unavailable', fixId: 'wslconfig-set-nat', reason: { key: 'unavailable.policyLocked' } } } })
    expect(screen.getByTestId('fix-unavailable').textContent).toContain('网络模式由你所在组织的策略决定')
  })

  it('declined UAC: nothing changed, retry offered', async () => {
    const plan = {
      fixId: 'enable-sharedaccess' as const,
      addresses: ['nat-ics-disabled' as const],
      phases: [{ steps: [], rebootAfter: false }],
      needsAdmin: true,
      reboots: 0,
      stopsDistros: false,
      runningDistros: [],
      affects: [],
      reversibility: { kind: 'undoable' as const },
      restorePoint: false,
      verifyProbes: [],
    }
    await renderWithStore(<FixStep />, { state: { fix: { phase: 'result', fixId: 'enable-sharedaccess', plan, planPhase: 0, options: {}, result: { status: 'declined', steps: [] } } } })
    expect(screen.getByTestId('fix-result').textContent).toContain('Nothing was changed')
    expect(screen.getByTestId('retry-fix')).toBeTruthy()
  })

  it('error from the bridge: an error panel, not a crash', async () => {
    await renderWithStore(<FixStep />, { state: { fix: { phase: 'error', fixId: 'wsl-shutdown', error: { code: 'handler-failed', detail: 'boom' } } } })
    expect(screen.getByRole('alert').textContent).toContain('handler-failed')
  })
})

describe('VerifyStep states', () => {
  it('before any fix: nothing to verify', async () => {
    await renderWithStore(<VerifyStep />)
    expect(screen.getByText('Nothing to verify: no fix was applied.')).toBeTruthy()
  })
})
