import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../shared/diagnosis/diagnose'
import { snapshot, withService, wslconfig } from '../../../shared/diagnosis/test-support/test-snapshot'
import type { MachineSnapshot } from '../../../shared/machine/snapshot'
import { renderWithStore } from '../test-support/test-render'
import type { WizardState } from '../state/wizard-store'
import { FindingsStep } from './FindingsStep'
import { VerifyStep } from './VerifyStep'

const finished = (s: MachineSnapshot): Partial<WizardState> => ({ scan: { phase: 'finished', outcome: 'completed', durationMs: 1, probes: {}, snapshot: s } })

/** The store after a fix ran to its end: `before` was the PC before it, `after` the PC now. */
function verified(fixId: 'enable-wslservice' | 'wslconfig-set-nat' | 'wsl-update', before: MachineSnapshot, after: MachineSnapshot): Partial<WizardState> {
  const findingsBefore = diagnose(before)
  return { ...finished(after), verifyContext: { fixId, findingsBefore, idsBefore: findingsBefore.map((f) => f.id), snapshotBefore: before, ready: true } }
}

const disabled = snapshot({ services: withService('WSLService', { startType: 'disabled', status: 'Stopped' }) })
const seed = snapshot({
  'windows-version': { currentBuild: '22000', ubr: 2836, displayVersion: '21H2' },
  'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\n'),
})
const seedAfter = snapshot({
  'windows-version': { currentBuild: '22000', ubr: 2836, displayVersion: '21H2' },
  'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=nat\n'),
})

describe('VerifyStep verdicts', () => {
  it('says there is nothing to verify before any fix', async () => {
    await renderWithStore(<VerifyStep />)
    expect(screen.getByTestId('verify-none')).toBeTruthy()
  })

  it('not fixed: the finding is still on Findings, so Verify says so and names the next step', async () => {
    await renderWithStore(<VerifyStep />, { state: verified('enable-wslservice', disabled, disabled) })
    expect(screen.getByTestId('verdict').getAttribute('data-verdict')).toBe('not-fixed')
    expect(screen.getByTestId('remaining').textContent).toContain('The WSL service is disabled')
    expect(screen.queryByTestId('verify-ok')).toBeNull()
  })

  it('agrees with the Findings step on the same state', async () => {
    const state = verified('enable-wslservice', disabled, disabled)
    await renderWithStore(
      <>
        <VerifyStep />
        <FindingsStep />
      </>,
      { state },
    )
    const remaining = [...screen.getByTestId('remaining').querySelectorAll('[data-finding]')].map((li) => li.getAttribute('data-finding'))
    for (const id of remaining) expect(screen.getByTestId(`finding-${id}`)).toBeTruthy()
  })

  it('networking works: the cause is gone and the networking check passed', async () => {
    await renderWithStore(<VerifyStep />, { state: verified('enable-wslservice', disabled, snapshot()) })
    expect(screen.getByTestId('verdict').getAttribute('data-verdict')).toBe('works')
    expect(screen.getByTestId('verdict-title').textContent).toBe('Networking works')
    expect(screen.getByTestId('resolved').textContent).toContain('The WSL service is disabled')
  })

  it("can't tell when networking was not checked, and offers the check with consent", async () => {
    const { store } = await renderWithStore(<VerifyStep />, { state: verified('enable-wslservice', disabled, snapshot({ 'wsl-network-check': null })) })
    expect(screen.getByTestId('verdict').getAttribute('data-verdict')).toBe('cant-tell')
    fireEvent.click(screen.getByTestId('network-check-run'))
    fireEvent.click(screen.getByTestId('network-check-confirm'))
    expect(store.getState().allowWslStart).toBe(true)
    expect(store.getState().step).not.toBe('scan')
  })

  it('a cause only worked around is "still true", never listed as fixed (seed PC: NAT instead of mirrored)', async () => {
    await renderWithStore(<VerifyStep />, { state: { ...verified('wslconfig-set-nat', seed, seedAfter), locale: 'zh-CN' } })
    expect(screen.getByTestId('verdict').getAttribute('data-verdict')).toBe('works')
    expect(screen.queryByTestId('resolved')).toBeNull()
    const still = screen.getByTestId('still-true-mirrored-unsupported-windows')
    expect(still.textContent).toContain('仍然存在')
    expect(still.querySelector('[data-fix="windows-feature-update"]')).toBeTruthy()
  })

  it('fills the finding arguments of a resolved finding (no "{version}" on screen)', async () => {
    const old = snapshot({ 'wsl-install': { msiVersion: '2.0.9.0', appxVersion: '2.0.9.0' } })
    expect(diagnose(old).map((f) => f.id)).toContain('wsl-outdated')
    await renderWithStore(<VerifyStep />, { state: verified('wsl-update', old, snapshot()) })
    expect(screen.getByTestId('resolved').textContent).toContain('2.0.9')
    expect(document.body.textContent).not.toMatch(/\{\w+\}/)
  })
})
