import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderWithStore } from '../test-render'
import { FindingsStep } from './FindingsStep'

describe('FindingsStep states', () => {
  it('before a scan: asks for one', async () => {
    await renderWithStore(<FindingsStep />)
    expect(screen.getByText('Run a scan first to see what was found.')).toBeTruthy()
  })

  it('unknown facts: shown as unknown with their reason, never as a passed check', async () => {
    const snapshot = {
      schemaVersion: 1 as const,
      appVersion: '0.1.0',
      takenAt: '2026-11-21T00:00:00Z',
      source: { kind: 'windows' as const },
      facts: { services: { status: 'unknown' as const, durationMs: 20000, reason: 'timeout' as const } },
    }
    await renderWithStore(<FindingsStep />, { state: { scan: { phase: 'finished', outcome: 'completed', durationMs: 1, probes: {}, snapshot } } })
    expect(screen.getByTestId('no-findings')).toBeTruthy()
    expect(screen.getByTestId('fact-services').textContent).toContain('Unknown')
    expect(screen.getByTestId('fact-services').textContent).toContain('the check took too long')
  })
})
