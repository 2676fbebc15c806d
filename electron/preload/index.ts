import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { BRIDGE_EVENTS, BRIDGE_GLOBAL, BRIDGE_METHODS } from '../../shared/ipc/bridge'

/**
 * Exposes `window.doctor`: one named method per contract channel and one subscription per event,
 * built from the fixed tables in `shared/ipc/bridge.ts`. The page never sees `ipcRenderer`, a
 * channel name it chooses, or an `IpcRendererEvent` (Electron checklist item 20).
 */
const api: Record<string, unknown> = {}

for (const [method, channel] of Object.entries(BRIDGE_METHODS)) {
  api[method] = (input?: unknown) => ipcRenderer.invoke(channel, input)
}

for (const [method, channel] of Object.entries(BRIDGE_EVENTS)) {
  api[method] = (listener: (payload: unknown) => void) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, wrapped)
    return () => {
      ipcRenderer.removeListener(channel, wrapped)
    }
  }
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(api))
