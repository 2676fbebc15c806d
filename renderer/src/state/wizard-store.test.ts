import { describe, expect, it } from 'vitest'
import { err } from '../../../shared/ipc/result'
import { createFakeBridge } from './fake-bridge'
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
    const bridge = createFakeBridge({ progress: [{ probeId: 'services', status: 'running' }, { probeId: 'services', status: 'known', durationMs: 450, fact: { services: { status: 'known', durationMs: 450, data: { services: [] } } } }] })
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
