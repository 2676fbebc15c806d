import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { WizardState, WizardStore } from './wizard-store'

const StoreContext = createContext<WizardStore | null>(null)

/** Provides one wizard store to the tree (zustand's "initialize state with props" pattern). */
export function StoreProvider({ store, children }: { readonly store: WizardStore; readonly children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

/** Selects from the wizard store. Selectors must return stable values (zustand v5). */
export function useWizard<T>(selector: (state: WizardState) => T): T {
  const store = useContext(StoreContext)
  if (store === null) throw new Error('useWizard outside StoreProvider')
  return useStore(store, selector)
}

/** The store itself, for actions that live outside it (`report-actions.ts` opens a snapshot). */
export function useWizardStore(): WizardStore {
  const store = useContext(StoreContext)
  if (store === null) throw new Error('useWizardStore outside StoreProvider')
  return store
}
