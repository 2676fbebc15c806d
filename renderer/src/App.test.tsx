import { act, render, screen } from '@testing-library/react'
import { settleLazySteps } from './test-support/test-render'
import { describe, expect, it } from 'vitest'
import { App } from './App'
import { StoreProvider } from './state/store-context'
import { createFakeBridge } from './state/test-support/fake-bridge'
import { createWizardStore } from './state/wizard-store'

async function renderApp(bridge = createFakeBridge({})) {
  const store = createWizardStore(bridge)
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  )
  await act(() => store.getState().initialize())
  return store
}

describe('App shell', () => {
  it('opens on the welcome step in the OS language', async () => {
    await renderApp(createFakeBridge({ appInfo: { osLocales: ['zh-CN'] } }))
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('WSL 网络医生')
    expect(screen.getByRole('button', { name: '开始扫描' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('labels a simulated PC as a demo on every screen', async () => {
    await renderApp(createFakeBridge({ appInfo: { machine: { kind: 'simulated', scenarioId: 'x', title: { en: 'Test PC', 'zh-CN': '测试电脑' } } } }))
    expect(screen.getByRole('status').textContent).toContain('simulated PC: Test PC')
  })

  it('marks the current step for assistive technology', async () => {
    const store = await renderApp()
    act(() => store.getState().goTo('report'))
    await settleLazySteps()
    expect(screen.getByRole('button', { name: /Report/ }).getAttribute('aria-current')).toBe('step')
    expect(screen.getByText('Run a scan first: the report is made from its results.')).toBeTruthy()
  })
})
