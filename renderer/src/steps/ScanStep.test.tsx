import { act, fireEvent, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderWithStore } from '../test-render'
import { createFakeBridge } from '../state/fake-bridge'
import { ScanStep } from './ScanStep'

const snapshot = { schemaVersion: 1 as const, appVersion: '0.1.0', takenAt: '2026-11-21T00:00:00Z', source: { kind: 'windows' as const }, facts: {} }

describe('ScanStep states', () => {
  it('idle: offers to start a scan', async () => {
    await renderWithStore(<ScanStep />)
    expect(screen.getByRole('button', { name: 'Start scan' })).toBeTruthy()
  })

  it('running: shows each probe waiting or running, elapsed time and a cancel that calls the bridge', async () => {
    const bridge = createFakeBridge({})
    const cancel = vi.spyOn(bridge, 'cancelScan')
    await renderWithStore(<ScanStep />, {
      bridge,
      state: { scan: { phase: 'running', scanId: 'scan-000001', startedAt: Date.now(), probes: { services: { status: 'running' }, 'wsl-startup': { status: 'unknown', durationMs: 0, reason: 'no-consent' } } } },
    })
    expect(screen.getByTestId('probe-services').getAttribute('data-status')).toBe('running')
    expect(screen.getByTestId('probe-windows-version').getAttribute('data-status')).toBe('queued')
    expect(screen.getByTestId('probe-wsl-startup').textContent).toContain('starting WSL was not allowed')
    await act(async () => fireEvent.click(screen.getByTestId('cancel-scan')))
    expect(cancel).toHaveBeenCalledWith({ scanId: 'scan-000001' })
  })

  it('cancelled: says so and offers to scan again', async () => {
    await renderWithStore(<ScanStep />, { state: { scan: { phase: 'finished', outcome: 'cancelled', durationMs: 1200, probes: {}, snapshot } } })
    expect(screen.getByRole('heading', { name: 'Scan cancelled' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Scan again' })).toBeTruthy()
  })

  it('failed: explains in words and keeps the code in details', async () => {
    await renderWithStore(<ScanStep />, { state: { scan: { phase: 'failed', error: { code: 'bridge-unavailable' } } } })
    expect(screen.getByRole('alert').textContent).toContain('The scan could not run.')
    expect(screen.getByRole('alert').textContent).toContain('bridge-unavailable')
  })
})
