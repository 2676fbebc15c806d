import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { resolveBridge } from './bridge/resolve-bridge'
import { StoreProvider } from './state/store-context'
import { createWizardStore } from './state/wizard-store'
import './styles.css'

async function boot(): Promise<void> {
  const api = await resolveBridge()
  const store = createWizardStore(api, { browserLocales: navigator.languages })
  const container = document.getElementById('root')
  if (container === null) return
  createRoot(container).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App />
      </StoreProvider>
    </StrictMode>,
  )
  await store.getState().initialize()
}

void boot()
