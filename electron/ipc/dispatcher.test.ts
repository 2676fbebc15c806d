import { describe, expect, it, vi } from 'vitest'
import type { AppInfo } from '../../shared/ipc/app-info'
import { createDispatcher } from './dispatcher'
import type { Handlers } from './handler-types'
import { isTrustedSender, type IpcSender } from './sender'

const appInfo: AppInfo = { appVersion: '0.1.0', platform: 'win32', machine: { kind: 'windows' }, osLocales: ['en-US'] }
const ownFrame: IpcSender = { frameUrl: 'app://doctor/index.html', isMainFrame: true }
const sink = vi.fn()

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app:get-info': async () => appInfo,
    'scan:run': vi.fn(async () => {
      throw new Error('not in this test')
    }),
    'scan:cancel': async () => ({ cancelled: false }),
    'fix:plan': async () => ({ available: false, reason: { key: 'unavailable.noScan' } }),
    'fix:apply': async () => ({ status: 'plan-changed' }),
    'fix:undo': async () => ({ status: 'nothing-to-undo' }),
    'fix:history': async () => [],
    'fix:interrupted': async () => [],
    'fix:recover': async () => ({ status: 'not-found' }),
    'system:restart': async () => ({ status: 'failed' }),
    'session:resume': async () => null,
    ...overrides,
  }
}

const dispatch = (h: Handlers) => createDispatcher(h, (sender) => isTrustedSender(sender, ['app://doctor']))

describe('IPC dispatcher', () => {
  it('answers a valid call from our own main frame', async () => {
    expect(await dispatch(handlers())('app:get-info', ownFrame, undefined, sink)).toEqual({ ok: true, value: appInfo })
  })

  it('rejects an unknown channel without calling anything', async () => {
    const h = handlers()
    expect(await dispatch(h)('shell:exec', ownFrame, { command: 'calc' }, sink)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    })
    expect(await dispatch(h)({ toString: () => 'app:get-info' }, ownFrame, undefined, sink)).toMatchObject({
      ok: false,
      error: { code: 'unknown-channel' },
    })
    expect(await dispatch(h)('__proto__', ownFrame, undefined, sink)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
  })

  it('rejects a malformed payload before the handler runs', async () => {
    const run = vi.fn()
    const d = dispatch(handlers({ 'scan:run': run }))
    for (const bad of [
      undefined,
      null,
      'x',
      { scanId: 'ok-scan-id-1' },
      { scanId: '../../etc', allowWslStart: true },
      { scanId: 'ok-scan-id-1', allowWslStart: 'yes' },
      { scanId: 'ok-scan-id-1', allowWslStart: true, script: 'Remove-Item C:\\' },
    ]) {
      expect(await d('scan:run', ownFrame, bad, sink)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    }
    expect(run).not.toHaveBeenCalled()
  })

  it('rejects foreign and sub-frame senders', async () => {
    const d = dispatch(handlers())
    const foreign: IpcSender[] = [
      { frameUrl: 'https://evil.example/index.html', isMainFrame: true },
      { frameUrl: 'app://doctor.evil/index.html', isMainFrame: true },
      { frameUrl: 'file:///C:/Users/a/index.html', isMainFrame: true },
      { frameUrl: 'app://doctor/index.html', isMainFrame: false },
      { frameUrl: null, isMainFrame: true },
      { frameUrl: 'not a url', isMainFrame: true },
    ]
    for (const sender of foreign) {
      expect(await d('app:get-info', sender, undefined, sink), JSON.stringify(sender)).toMatchObject({
        ok: false,
        error: { code: 'untrusted-sender' },
      })
    }
  })

  it('turns a throwing handler into a typed error instead of throwing across IPC', async () => {
    const result = await dispatch(handlers())('scan:run', ownFrame, { scanId: 'abcdef123456', allowWslStart: false }, sink)
    expect(result).toEqual({ ok: false, error: { code: 'handler-failed', detail: 'not in this test' } })
  })

  it('refuses output that does not match the contract', async () => {
    const broken = handlers({ 'app:get-info': async () => ({ appVersion: 1 }) as unknown as AppInfo })
    expect(await dispatch(broken)('app:get-info', ownFrame, undefined, sink)).toMatchObject({
      ok: false,
      error: { code: 'invalid-output' },
    })
  })
})
