import { beforeAll, describe, expect, it, vi } from 'vitest'

type Listener = (...args: unknown[]) => void
const appListeners = new Map<string, Listener>()
const openExternal = vi.fn(() => Promise.resolve())
const permission = { request: undefined as undefined | Listener, check: undefined as undefined | (() => boolean) }

vi.mock('electron', () => ({
  app: { on: (event: string, listener: Listener) => appListeners.set(event, listener) },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Listener) => (permission.request = handler),
      setPermissionCheckHandler: (handler: () => boolean) => (permission.check = handler),
    },
  },
  shell: { openExternal },
}))

/** A fake WebContents that records its handlers, so each can be called like Electron would. */
function fakeContents() {
  const handlers = new Map<string, Listener>()
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined
  return {
    on: (event: string, listener: Listener) => handlers.set(event, listener),
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => (windowOpen = handler),
    fire(event: string, ...args: unknown[]) {
      const preventDefault = vi.fn()
      handlers.get(event)?.({ preventDefault }, ...args)
      return preventDefault
    },
    openWindow: (url: string) => windowOpen?.({ url }),
  }
}

describe('hardenApp', () => {
  const origin = 'app://doctor'
  let contents: ReturnType<typeof fakeContents>

  beforeAll(async () => {
    const { hardenApp } = await import('./harden')
    hardenApp({ appOrigin: origin, dev: false })
    contents = fakeContents()
    appListeners.get('web-contents-created')?.({}, contents)
  })

  it('stops navigation and redirects away from the app, and allows its own pages', () => {
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(contents.fire(event, 'https://evil.example/')).toHaveBeenCalled()
      expect(contents.fire(event, 'file:///C:/Windows/System32/')).toHaveBeenCalled()
      expect(contents.fire(event, 'not a url')).toHaveBeenCalled()
      expect(contents.fire(event, `${origin}/index.html#findings`)).not.toHaveBeenCalled()
    }
  })

  it('opens no window, and sends only allow-listed https links to the browser', () => {
    expect(contents.openWindow('https://learn.microsoft.com/windows/wsl/networking')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://learn.microsoft.com/windows/wsl/networking')
    openExternal.mockClear()
    expect(contents.openWindow('http://learn.microsoft.com/')).toEqual({ action: 'deny' })
    expect(contents.openWindow('https://evil.example/')).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('opens exactly the Windows Settings pages the app links to, and no other scheme or page', () => {
    expect(contents.openWindow('ms-settings:windowsupdate')).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('ms-settings:windowsupdate')
    openExternal.mockClear()
    for (const url of [
      'ms-settings:windowsupdate-action',
      'ms-settings:privacy-webcam',
      'MS-SETTINGS:windowsupdate?x=1',
      'search-ms:query=secrets',
      'file:///C:/Windows/System32/cmd.exe',
      'https://user@learn.microsoft.com/',
      'https://learn.microsoft.com.evil.example/',
    ]) {
      contents.openWindow(url)
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('refuses webviews, every permission, and reload or DevTools keys in production', () => {
    expect(contents.fire('will-attach-webview')).toHaveBeenCalled()
    const callback = vi.fn()
    permission.request?.({}, 'media', callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(permission.check?.()).toBe(false)
    for (const input of [{ key: 'F5' }, { key: 'r', control: true }, { key: 'F12' }, { key: 'I', control: true, shift: true }]) {
      expect(contents.fire('before-input-event', { control: false, meta: false, shift: false, ...input })).toHaveBeenCalled()
    }
    expect(contents.fire('before-input-event', { key: 'a', control: false, meta: false, shift: false })).not.toHaveBeenCalled()
  })
})
