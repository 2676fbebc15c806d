import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { buildMachineView, type MachineView } from '../../../../shared/diagnosis/machine-view'
import { snapshot, withService, wslconfig } from '../../../../shared/diagnosis/test-support/test-snapshot'
import { FIX_CATALOG } from '../../../../shared/repair/catalog'
import { buildPlan } from '../../../../shared/repair/fix-definition'
import type { FixPlan } from '../../../../shared/repair/fix-plan'
import type { FixState } from '../../state/wizard-store'
import type { Locale } from '../../../../shared/i18n/locale'
import { createFakeBridge } from '../../state/test-support/fake-bridge'
import { renderWithStore } from '../../test-support/test-render'
import { FixConfirm } from './FixConfirm'

/**
 * Test PCs on which, between them, every catalog fix is available (a fix missing from all of
 * them fails the walk below, so a new fix cannot skip its confirm-screen check).
 */
const MACHINES: readonly MachineView[] = [
  snapshot({
    'windows-version': { currentBuild: '22000', ubr: 2836 },
    'wslconfig-file': wslconfig('[wsl2]\nnetworkMode=mirrored\n'),
    services: withService('SharedAccess', { startType: 'disabled' }),
    'mirrored-readiness': { ipv6DisabledComponents: 0xff, hyperVFirewallDisable: 1 },
    virtualization: { features: { VirtualMachinePlatform: 'Enabled', 'Microsoft-Windows-Subsystem-Linux': 'Enabled' } },
    'network-adapters': { vmwareClsidPresent: true },
    'host-networking': { portTrackerEnabledMode: 1 },
  }),
  snapshot({
    services: withService('WSLService', { startType: 'disabled' }),
    virtualization: { features: { VirtualMachinePlatform: 'Enabled', 'Microsoft-Windows-Subsystem-Linux': 'Enabled' } },
  }),
  snapshot({
    virtualization: { features: { VirtualMachinePlatform: 'Disabled', 'Microsoft-Windows-Subsystem-Linux': 'Disabled' }, hypervisorLaunchType: 'off' },
  }),
  snapshot({ 'wslconfig-file': wslconfig('\uFEFF[wsl2]\nnetworkingMode=mirrored\ndnsTunneling=false\nautoProxy=true\n') }),
  snapshot({ 'wslconfig-file': wslconfig('# my settings\r[wsl2]\rnetworkingMode=mirrored\r') }),
  snapshot(),
].map((pc) => buildMachineView(pc))

/** A CLSID in braces is Windows notation, not an unfilled argument. */
const withoutClsids = (text: string) => text.replace(/\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}/gi, '')

function plansOfEveryFix() {
  return FIX_CATALOG.map((fix) => {
    const machine = MACHINES.find((view) => fix.unavailable(view, {}) === null)
    return { id: fix.id, plan: machine ? buildPlan(fix, machine, {}) : null }
  })
}

/** The store's confirm state for a plan (its plan type is the zod output, mutable arrays). */
const confirmState = (plan: FixPlan, planPhase = 0): Extract<FixState, { phase: 'confirm' }> => ({
  phase: 'confirm',
  fixId: plan.fixId,
  plan: plan as unknown as Extract<FixState, { phase: 'confirm' }>['plan'],
  digest: 'd',
  options: {},
  planPhase,
})

afterEach(cleanup)

describe('the confirm screen of every catalog fix', () => {
  it('has a test PC on which the fix is available', () => {
    for (const { id, plan } of plansOfEveryFix()) expect(plan, `no test PC offers ${id}`).not.toBeNull()
  })

  for (const locale of ['en', 'zh-CN'] as const satisfies readonly Locale[]) {
    it(`leaves no section empty and no argument unfilled (${locale})`, async () => {
      for (const { id, plan } of plansOfEveryFix()) {
        if (plan === null) continue
        for (let planPhase = 0; planPhase < plan.phases.length; planPhase++) {
          const where = `${id} part ${planPhase + 1} (${locale})`
          await renderWithStore(<FixConfirm fix={confirmState(plan, planPhase)} />, { state: { locale } })
          const screenRoot = screen.getByTestId('fix-confirm')
          const text = screenRoot.textContent ?? ''
          expect(withoutClsids(text), where).not.toMatch(/[{}]/)
          expect(screenRoot.querySelector('h3')?.textContent?.trim(), where).not.toBe('')
          // Every section heading is followed by content with words in it.
          for (const heading of screenRoot.querySelectorAll('h4')) {
            expect(heading.nextElementSibling?.textContent?.trim() ?? '', `${where}: "${heading.textContent}"`).not.toBe('')
          }
          expect(screen.getByTestId('fix-steps').querySelectorAll('li').length, where).toBeGreaterThan(0)
          expect(screen.getByTestId('fix-undo').textContent?.trim(), where).not.toBe('')
          const phase = plan.phases[planPhase]
          if (phase?.rebootAfter) expect(screen.getByTestId('save-work').textContent, where).toMatch(locale === 'en' ? /Save your work/ : /保存你的工作/)
          else expect(screen.queryByTestId('save-work'), where).toBeNull()
          // The restore point is offered as a way back only when the plan creates one.
          if (!plan.restorePoint) expect(screen.getByTestId('fix-undo').textContent, where).not.toMatch(/restore point|还原点/)
          cleanup()
        }
      }
    })
  }
})

describe('the confirm screen', () => {
  const restart = FIX_CATALOG.find((fix) => fix.id === 'reboot')
  const setNat = FIX_CATALOG.find((fix) => fix.id === 'wslconfig-set-nat')
  const machine = MACHINES[0]
  if (!restart || !setNat || !machine) throw new Error('test setup: reboot and wslconfig-set-nat must be catalog fixes')

  it('for "Restart Windows" lists the restart, says save your work, and its button says "Restart now"', async () => {
    const plan = buildPlan(restart, machine, {})
    await renderWithStore(<FixConfirm fix={confirmState(plan)} />, {
      state: { locale: 'zh-CN' },
    })
    expect(screen.getByTestId('fix-step-restart').textContent).toContain('shutdown.exe /r')
    expect(screen.getByTestId('apply-fix').textContent?.trim()).toBe('立即重启')
    expect(screen.getByTestId('save-work')).toBeTruthy()
  })

  it('for "Restart Windows" restarts when its button is pressed, with no second click', async () => {
    const plan = buildPlan(restart, machine, {})
    const fake = createFakeBridge({})
    const restarts: unknown[] = []
    const bridge: typeof fake = {
      ...fake,
      applyFix: () =>
        Promise.resolve({
          ok: true as const,
          value: { status: 'completed' as const, entryId: 'j1', rebootRequired: true, nextPhase: null, steps: [], verification: null, snapshot: null },
        }),
      restartWindows: (input: Parameters<typeof fake.restartWindows>[0]) => {
        restarts.push(input)
        return Promise.resolve({ ok: true as const, value: { status: 'restarting' as const } })
      },
    }
    const { store } = await renderWithStore(<FixConfirm fix={confirmState(plan)} />, { bridge, state: { fix: confirmState(plan) } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('apply-fix'))
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
    expect(restarts).toEqual([{ fixId: 'reboot', options: {}, nextPhase: null }])
    expect(store.getState().restartStatus).toBe('restarting')
  })

  it("for switching to NAT says what mirrored mode gave, with Microsoft's page", async () => {
    const plan = buildPlan(setNat, machine, {})
    await renderWithStore(<FixConfirm fix={confirmState(plan)} />)
    const note = screen.getByTestId('confirm-note-confirm.natLoses')
    expect(note.textContent).toMatch(/localhost \(127\.0\.0\.1\).*LAN.*VPN/)
    expect(note.querySelector('a')?.getAttribute('href')).toBe('https://learn.microsoft.com/windows/wsl/networking#mirrored-mode-networking')
  })

  it('starts with focus on its title, and Esc cancels it', async () => {
    const plan = buildPlan(setNat, machine, {})
    const { store } = await renderWithStore(<FixConfirm fix={confirmState(plan)} />, {
      state: { fix: confirmState(plan) },
    })
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 3 }))
    act(() => {
      fireEvent.keyDown(document, { key: 'Escape' })
    })
    expect(store.getState().fix.phase).toBe('idle')
  })
})
