import { describe, expect, it } from 'vitest'
import { err, ok } from '../../../shared/ipc/result'
import { createFakeBridge } from './test-support/fake-bridge'
import { createWizardStore } from './wizard-store'

describe('wizard store', () => {
  it('follows the OS language once the main process answers', async () => {
    const store = createWizardStore(createFakeBridge({ appInfo: { osLocales: ['zh-CN', 'en-US'] } }), { browserLocales: ['en-US'] })
    expect(store.getState().locale).toBe('en')
    await store.getState().initialize()
    expect(store.getState().locale).toBe('zh-CN')
  })

  it('keeps a language the user picked', async () => {
    const store = createWizardStore(createFakeBridge({ appInfo: { osLocales: ['zh-CN'] } }))
    store.getState().setLocale('en')
    await store.getState().initialize()
    expect(store.getState().locale).toBe('en')
  })

  it('records progress and the final snapshot of a scan, passing the consent on', async () => {
    const bridge = createFakeBridge({
      progress: [
        { probeId: 'services', status: 'running' },
        { probeId: 'services', status: 'known', durationMs: 450, fact: { services: { status: 'known', durationMs: 450, data: { services: [] } } } },
      ],
    })
    const store = createWizardStore(bridge, { newScanId: () => 'scan-000001' })
    await store.getState().initialize()
    store.getState().setAllowWslStart(true)
    await store.getState().startScan()
    const scan = store.getState().scan
    expect(bridge.calls).toContain('runScan:true')
    expect(store.getState().step).toBe('scan')
    expect(scan).toMatchObject({ phase: 'finished', outcome: 'completed', probes: { services: { status: 'known', durationMs: 450 } } })
  })

  it('shows a startup error when the bridge is unavailable', async () => {
    const bridge = { ...createFakeBridge({}), getAppInfo: async () => err('bridge-unavailable') }
    const store = createWizardStore(bridge)
    await store.getState().initialize()
    expect(store.getState().startupError).toEqual({ code: 'bridge-unavailable' })
  })
})

describe('wizard store: one journey through a fix', () => {
  const plan = {
    fixId: 'enable-wslservice' as const,
    addresses: ['wsl-service-disabled' as const],
    phases: [{ steps: [], rebootAfter: false }],
    needsAdmin: true,
    reboots: 0,
    stopsDistros: false,
    runningDistros: [],
    affects: [],
    reversibility: { kind: 'undoable' as const },
    restorePoint: false,
    verifyProbes: ['services' as const],
  }

  it('keeps the PC before the fix, shows the re-read PC after it, and logs Verify’s verdict', async () => {
    const { snapshot, withService } = await import('../../../shared/diagnosis/test-support/test-snapshot')
    const broken = snapshot({ services: withService('WSLService', { startType: 'disabled', status: 'Stopped' }) })
    const fixed = snapshot()
    const bridge = {
      ...createFakeBridge({ snapshot: broken }),
      planFix: async () => ok({ available: true as const, plan, digest: 'd1' }),
      applyFix: async () =>
        ok({ status: 'completed' as const, entryId: 'j1', rebootRequired: false, nextPhase: null, steps: [], verification: null, snapshot: fixed }),
    }
    const store = createWizardStore(bridge)
    await store.getState().initialize()
    store.getState().setPastedOutput('Error code: Wsl/Service/CreateInstance/0x80070422')
    await store.getState().startScan()
    await store.getState().planFix('enable-wslservice')
    await store.getState().applyFix()
    const state = store.getState()
    expect(state.verifyContext).toMatchObject({ fixId: 'enable-wslservice', ready: true, idsBefore: expect.arrayContaining(['wsl-service-disabled']) })
    expect(state.scan.phase === 'finished' && state.scan.snapshot).toBe(fixed)
    // The paste described the PC before the fix: kept, but no longer read by the findings.
    expect(state.pastedOutput).not.toBe('')
    expect(state.pasteStale).toBe(true)
    expect(state.verifyLog.map((v) => v.verdict)).toEqual(['works'])
    expect(state.stateBeforeFirstFix?.findings).toContain('wsl-service-disabled')
  })

  it('after a restart: keeps the consent, labels the fix as not finished, and "continue" scans on Fix then opens part 2', async () => {
    const resume = {
      version: 1 as const,
      fixId: 'toggle-vmp' as const,
      options: {},
      nextPhase: 1,
      bootTimeBefore: 'a',
      findingsBefore: ['nat-vmswitch-not-found' as const],
      savedAt: 'x',
      rebooted: true,
      allowWslStart: true,
      parts: 2,
    }
    const planned: number[] = []
    const bridge = {
      ...createFakeBridge({}),
      resumeState: async () => ok(resume),
      planFix: async ({ phase }: { phase?: number }) => {
        planned.push(phase ?? 0)
        return ok({ available: false as const, reason: { key: 'unavailable.noScan' } })
      },
    }
    const store = createWizardStore(bridge)
    await store.getState().initialize()
    expect(store.getState()).toMatchObject({ step: 'fix', allowWslStart: true, verifyContext: { fixId: 'toggle-vmp', ready: false } })
    await store.getState().continueFix()
    expect(store.getState().step).toBe('fix')
    expect(bridge.calls).toContain('runScan:true')
    expect(planned).toEqual([1])
  })
})
