import { beforeAll, describe, expect, it, vi } from 'vitest'
import { BRIDGE_EVENTS, BRIDGE_GLOBAL, BRIDGE_METHODS } from '../../shared/ipc/bridge'

const exposed = new Map<string, unknown>()
const invoke = vi.fn((channel: string, input?: unknown) => Promise.resolve({ channel, input }))
const on = vi.fn()
const removeListener = vi.fn()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => exposed.set(name, api) },
  ipcRenderer: { invoke, on, removeListener, send: vi.fn(), sendSync: vi.fn() },
}))

type Api = Record<string, (arg?: unknown) => unknown>

describe('the preload bridge', () => {
  beforeAll(async () => {
    await import('./index')
  })

  it("exposes exactly the contract's named methods and events, frozen, under one global", () => {
    expect([...exposed.keys()]).toEqual([BRIDGE_GLOBAL])
    const api = exposed.get(BRIDGE_GLOBAL) as Api
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.keys(api).sort()).toEqual([...Object.keys(BRIDGE_METHODS), ...Object.keys(BRIDGE_EVENTS)].sort())
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
  })

  it('sends each method only on its own channel, and never hands out ipcRenderer', async () => {
    const api = exposed.get(BRIDGE_GLOBAL) as Api
    for (const [method, channel] of Object.entries(BRIDGE_METHODS)) {
      invoke.mockClear()
      await api[method]?.({ probe: 1 })
      expect(invoke).toHaveBeenCalledExactlyOnceWith(channel, { probe: 1 })
    }
    expect(Object.values(api)).not.toContain(invoke)
  })

  it('gives listeners the payload only, never the IPC event, and lets them unsubscribe', () => {
    const api = exposed.get(BRIDGE_GLOBAL) as Api
    for (const [method, channel] of Object.entries(BRIDGE_EVENTS)) {
      on.mockClear()
      const listener = vi.fn()
      const unsubscribe = api[method]?.(listener) as () => void
      const [onChannel, wrapped] = on.mock.calls[0] as [string, (event: unknown, payload: unknown) => void]
      expect(onChannel).toBe(channel)
      wrapped({ sender: 'ipc-event' }, { value: 1 })
      expect(listener).toHaveBeenCalledExactlyOnceWith({ value: 1 })
      unsubscribe()
      expect(removeListener).toHaveBeenCalledWith(channel, wrapped)
      expect(() => api[method]?.('not a function')).toThrow(TypeError)
    }
  })
})
