import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Page } from '@playwright/test'
import { BRIDGE_EVENTS, BRIDGE_GLOBAL, BRIDGE_METHODS } from '../../shared/ipc/bridge'
import type { ProbeId } from '../../shared/probes/probe-ids'
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp'
import { createSimulatedRuntime, type SimulatedRuntime } from '../../electron/simulated-pc/simulated-runtime'

/** Where the page is served from in tests: a fixed origin the handlers trust, like `app://doctor`. */
export const TEST_ORIGIN = 'http://doctor.test'
const webRoot = join(__dirname, '..', '..', 'out', 'web')
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }

/**
 * Opens the built renderer with `window.doctor` bound to the real handler layer running in this
 * test process on a simulated PC — the same dispatcher `ipcMain` uses in the app, including its
 * sender check (frame URL and main frame come from Playwright, as Electron's `senderFrame` would).
 */
export async function openWizard(
  page: Page,
  options: {
    readonly scenarioId: string
    readonly locale?: string
    readonly latencyScale?: number
    /** Probes that hang on the simulated PC (until their own time limit). */
    readonly hang?: readonly ProbeId[]
    readonly scanConcurrency?: number
  },
): Promise<SimulatedRuntime> {
  const runtime = createSimulatedRuntime({
    scenarioId: options.scenarioId,
    latencyScale: options.latencyScale ?? 0.2,
    ...(options.hang ? { hang: options.hang } : {}),
    ...(options.scanConcurrency ? { scanConcurrency: options.scanConcurrency } : {}),
    locales: options.locale ? [options.locale] : [],
    trustedOrigins: [TEST_ORIGIN],
  })
  await page.route(`${TEST_ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname
    const file = normalize(join(webRoot, path === '/' ? 'index.html' : path.slice(1)))
    if (!file.startsWith(webRoot + sep)) return route.fulfill({ status: 404 })
    try {
      const body = await readFile(file)
      return route.fulfill({
        status: 200,
        body,
        headers: { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY },
      })
    } catch {
      return route.fulfill({ status: 404 })
    }
  })
  await page.exposeBinding('__doctorInvoke', async ({ frame }, channel: unknown, input: unknown) =>
    runtime.dispatch(channel, { frameUrl: frame.url(), isMainFrame: frame.parentFrame() === null }, input, (event, payload) => {
      // A scan still running when its test ends (a hung probe) reports into a closed page: ignored.
      page
        .evaluate(([e, p]) => (window as unknown as { __doctorDeliver: (e: string, p: unknown) => void }).__doctorDeliver(e, p), [event, payload] as const)
        .catch(() => undefined)
    }),
  )
  await page.addInitScript(
    ({ global, methods, events }) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>()
      const invoke = (channel: string, input: unknown) =>
        (window as unknown as { __doctorInvoke: (c: string, i: unknown) => Promise<unknown> }).__doctorInvoke(channel, input)
      const api: Record<string, unknown> = {}
      for (const [method, channel] of Object.entries(methods)) api[method] = (input?: unknown) => invoke(channel, input)
      for (const [method, channel] of Object.entries(events)) {
        api[method] = (listener: (payload: unknown) => void) => {
          const set = listeners.get(channel) ?? new Set()
          set.add(listener)
          listeners.set(channel, set)
          return () => set.delete(listener)
        }
      }
      Object.assign(window, {
        [global]: Object.freeze(api),
        __doctorDeliver: (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => l(payload)),
      })
    },
    { global: BRIDGE_GLOBAL, methods: BRIDGE_METHODS, events: BRIDGE_EVENTS },
  )
  await page.goto(`${TEST_ORIGIN}/index.html`)
  return runtime
}
