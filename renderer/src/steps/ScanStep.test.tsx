import { act, fireEvent, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { renderWithStore } from '../test-support/test-render'
import { createFakeBridge } from '../state/test-support/fake-bridge'
import { PROBE_IDS, type ProbeId } from '../../../shared/probes/probe-ids'
import type { ProbeProgress } from '../state/wizard-store'
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
      state: {
        scan: {
          phase: 'running',
          scanId: 'scan-000001',
          startedAt: Date.now(),
          probes: {
            services: { status: 'running', since: Date.now() },
            'wsl-startup': { status: 'unknown', durationMs: 0, reason: 'no-consent', since: Date.now() },
          },
          facts: {},
        },
      },
    })
    expect(screen.getByTestId('probe-services').getAttribute('data-status')).toBe('running')
    expect(screen.getByTestId('probe-windows-version').getAttribute('data-status')).toBe('queued')
    expect(screen.getByTestId('probe-wsl-startup').textContent).toContain('starting WSL was not allowed')
    await act(async () => fireEvent.click(screen.getByTestId('cancel-scan')))
    expect(cancel).toHaveBeenCalledWith({ scanId: 'scan-000001' })
    // Probes still queued or running normally: the findings are not worth opening yet.
    expect(screen.queryByTestId('see-findings')).toBeNull()
  })

  it('running with only a slow probe left: says it goes on in the background and opens the findings so far', async () => {
    const since = Date.now() - 6_000
    const probes = Object.fromEntries(PROBE_IDS.map((id) => [id, { status: 'known', durationMs: 100, since }])) as Record<ProbeId, ProbeProgress>
    const { store } = await renderWithStore(<ScanStep />, {
      state: {
        scan: {
          phase: 'running',
          scanId: 'scan-000001',
          startedAt: since,
          probes: { ...probes, events: { status: 'slow', limitMs: 30_000, since } },
          facts: {},
        },
      },
    })
    expect(screen.getByTestId('probe-events').textContent).toMatch(/Still checking \(6 s\)… gives up after 30 s/)
    expect(screen.getByTestId('slow-note')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByTestId('see-findings')))
    expect(store.getState().step).toBe('findings')
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
