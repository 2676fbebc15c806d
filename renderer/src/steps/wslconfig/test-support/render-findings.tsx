import { act, render } from '@testing-library/react'
import type { MachineSnapshot } from '../../../../../shared/machine/snapshot'
import type { Locale } from '../../../i18n/i18n'
import { createFakeBridge } from '../../../state/test-support/fake-bridge'
import { StoreProvider } from '../../../state/store-context'
import { createWizardStore } from '../../../state/wizard-store'
import { FindingsStep } from '../../FindingsStep'

/** Test support: scans `snapshot` through the fake bridge and renders the Findings step in `locale`. */
export async function renderFindings(snapshot: MachineSnapshot, locale: Locale = 'en') {
  const store = createWizardStore(createFakeBridge({ snapshot }))
  await act(() => store.getState().startScan())
  act(() => {
    store.getState().setLocale(locale)
    store.getState().goTo('findings')
  })
  render(
    <StoreProvider store={store}>
      <FindingsStep />
    </StoreProvider>,
  )
  return store
}
