import { screen, within } from '@testing-library/react'
import { MachineSnapshot } from '../../../shared/machine/snapshot'
import natSnapshot from '../../../shared/report/__fixtures__/nat-0x80041002.snapshot.json'
import { describe, expect, it } from 'vitest'
import { renderWithStore } from '../test-support/test-render'
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

  it('findings: most serious first, each recommended fix with the badges its plan implies', async () => {
    const snapshot = MachineSnapshot.parse(natSnapshot)
    await renderWithStore(<FindingsStep />, { state: { scan: { phase: 'finished', outcome: 'completed', durationMs: 1, probes: {}, snapshot } } })
    const cards = screen.getByTestId('findings').querySelectorAll('article')
    expect(cards[0]?.getAttribute('data-testid')).toBe('finding-nat-vmswitch-not-found')
    const top = within(cards[0] as HTMLElement)
    const deleteNetwork = top.getByText("Delete only WSL's virtual network").closest('li') as HTMLElement
    // Admin (with the shield Windows uses), stops WSL, and WSL recreates the network by itself.
    expect(within(deleteNetwork).getByText('Needs administrator').querySelector('svg')).toBeTruthy()
    expect(within(deleteNetwork).getByText('Stops WSL')).toBeTruthy()
    expect(within(deleteNetwork).queryByText('Restart needed (1)')).toBeNull()
  })

  it('while the scan runs: findings of the facts so far, the waiting ones marked, slow probes listed, their areas never passed', async () => {
    const full = MachineSnapshot.parse(natSnapshot)
    const { events: _events, 'firewall-profiles': _firewall, ...facts } = full.facts
    const since = Date.now() - 6_000
    const probes = Object.fromEntries(Object.keys(facts).map((id) => [id, { status: 'known', durationMs: 100, since }]))
    await renderWithStore(<FindingsStep />, {
      state: {
        scan: {
          phase: 'running',
          scanId: 'scan-000001',
          startedAt: since,
          probes: { ...probes, events: { status: 'slow', limitMs: 30_000, since }, 'firewall-profiles': { status: 'slow', limitMs: 20_000, since } },
          facts,
        },
      },
    })
    expect(screen.getByTestId('still-checking').textContent).toContain('(6 s)…')
    const cards = [...screen.getByTestId('findings').querySelectorAll('article')]
    expect(cards.length).toBeGreaterThan(0)
    // The NAT rules read the event logs: their findings say they may change; the rest are final.
    const vmswitch = screen.getByTestId('finding-nat-vmswitch-not-found')
    expect(vmswitch.getAttribute('data-final')).toBe('false')
    expect(within(vmswitch).getByTestId('waiting-for').textContent).toMatch(/^Still checking: /)
    const areas = screen.getByTestId('still-checking-areas')
    expect(areas.querySelector('[data-area="nat-network"]')).toBeNull() // it has a finding
    expect(areas.querySelector('[data-area="firewall"]')?.textContent).toContain('still being checked')
    expect(screen.getByTestId('passed-checks').querySelector('[data-area="firewall"]')).toBeNull()
  })
})
