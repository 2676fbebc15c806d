import { act, render } from '@testing-library/react'
import type { ReactElement } from 'react'
import type { DoctorApi } from '../../../shared/ipc/bridge'
import { preloadSteps } from '../steps/lazy-steps'
import { StoreProvider } from '../state/store-context'
import { createFakeBridge } from '../state/test-support/fake-bridge'
import { createWizardStore, type WizardState } from '../state/wizard-store'

/** Renders a component inside a store (test support): initialised, then put into `state`. */
export async function renderWithStore(ui: ReactElement, options: { readonly bridge?: DoctorApi; readonly state?: Partial<WizardState> } = {}) {
  const store = createWizardStore(options.bridge ?? createFakeBridge({}))
  await act(() => store.getState().initialize())
  if (options.state) act(() => store.setState(options.state as WizardState))
  const view = render(<StoreProvider store={store}>{ui}</StoreProvider>)
  await settleLazySteps()
  return { store, ...view }
}

/** Lets lazily loaded steps (steps/lazy-steps.ts) finish loading and render. */
export async function settleLazySteps(): Promise<void> {
  await act(async () => {
    await preloadSteps()
    await new Promise((resolve) => setTimeout(resolve, 0))
  })
}
