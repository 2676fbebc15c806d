import { BRIDGE_GLOBAL, type DoctorApi } from '../../../shared/ipc/bridge'
import { unavailableBridge } from './unavailable-bridge'

/**
 * The bridge the page talks to: the preload's `window.doctor` in Electron (or the one a Playwright
 * test binds to the real handlers); in the browser demo build, HTTP to the demo server. The demo
 * code is imported only in `--mode web`, so the Electron bundle does not contain it.
 */
export async function resolveBridge(): Promise<DoctorApi> {
  const injected = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL]
  if (injected !== undefined) return injected as DoctorApi
  if (import.meta.env.MODE === 'web') {
    const { createHttpBridge } = await import('./http-bridge')
    return createHttpBridge(window.location.origin)
  }
  return unavailableBridge
}
