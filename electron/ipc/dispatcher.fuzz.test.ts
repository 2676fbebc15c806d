import { describe, expect, it } from 'vitest'
import type { AppInfo } from '../../shared/ipc/app-info'
import { CHANNELS, contract, isChannel } from '../../shared/ipc/contract'
import { err, ok } from '../../shared/ipc/result'
import { fuzzDispatcher, TRUSTED_SENDER, type FuzzTarget, type ValidSamples } from './test-support/ipc-fuzz'
import type { PowerShellHost, PsRunOutcome } from '../powershell/host'
import type { ScriptCatalog } from '../probes/script-catalog'
import { createDispatcher, type Dispatch } from './dispatcher'
import { createHandlers, type HandlerDeps } from './create-handlers'
import type { HandlerContext, Handlers } from './handler-types'
import { isTrustedSender, type IpcSender } from './sender'

/**
 * Throws thousands of malformed, oversized and hostile payloads at every channel of the real
 * handler layer (createHandlers + createDispatcher, as `bindIpc` wires them), from trusted and
 * untrusted frames, plus channels that do not exist. Every one must be refused with the right
 * typed code, before any handler or PowerShell runs; afterwards the layer still serves valid calls.
 * A failure prints its smallest case (fast-check shrinks it), seed and path: rerun with that seed
 * (WND_FUZZ_SEED) to replay it exactly.
 */

const SEED = Number(process.env['WND_FUZZ_SEED'] ?? 20_251_121)
const PER_CHANNEL = Number(process.env['WND_FUZZ_CASES'] ?? 2_000)

const appInfo: AppInfo = { appVersion: '0.1.0', platform: 'win32', machine: { kind: 'windows' }, osLocales: ['en-US'] }
const isTrusted = (sender: IpcSender) => isTrustedSender(sender, ['app://doctor'])

/** A PowerShell host that runs nothing and counts every attempt. */
function recordingHost(): PowerShellHost & { readonly runs: string[] } {
  const runs: string[] = []
  return {
    kind: 'windows',
    runs,
    async run(script): Promise<PsRunOutcome> {
      runs.push(script.id)
      return { ok: false, error: { kind: 'not-available', detail: 'fuzz test: nothing runs' }, durationMs: 0 }
    },
    async dispose() {},
  }
}

/**
 * A stand-in for every other dependency (elevator, journal, restart, resume store…): any property
 * is another recorder and any call is recorded, so whatever the repair runtime grows into, a call
 * reaching it is seen. `then` stays undefined so it is never mistaken for a promise.
 */
function recorder(path: string, calls: string[]): unknown {
  return new Proxy(function stub() {}, {
    get: (_target, key) => (typeof key === 'symbol' || key === 'then' ? undefined : recorder(`${path}.${key}`, calls)),
    apply: () => {
      calls.push(path)
      return undefined
    },
  })
}

/** Any script id resolves to an empty body (the catalog's shape changes as fixes are added). */
const emptyCatalog = new Proxy({ prelude: '' }, { get: (target, key) => (key in target ? target[key as 'prelude'] : () => '') }) as unknown as ScriptCatalog

/** The real handlers, each wrapped to count calls. */
function countingHandlers(real: Handlers): { handlers: Handlers; calls: string[] } {
  const calls: string[] = []
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      (input: unknown, context: HandlerContext) => {
        calls.push(channel)
        return (real[channel] as (input: unknown, context: HandlerContext) => Promise<unknown>)(input, context)
      },
    ]),
  ) as unknown as Handlers
  return { handlers, calls }
}

/** Valid inputs to mutate, per channel; those the current contract does not accept are dropped. */
const CANDIDATE_SAMPLES: ValidSamples = {
  'app:get-info': [undefined],
  'scan:run': [
    { scanId: 'abcdef12-3456', allowWslStart: false },
    { scanId: 'ZZZZZZZZ', allowWslStart: true },
  ],
  'scan:cancel': [{ scanId: 'abcdef12-3456' }],
  'fix:plan': [
    { fixId: 'wsl-shutdown', options: {} },
    { fixId: 'wsl-shutdown', options: { distro: 'Ubuntu', skipRestorePoint: true } },
  ],
  'fix:apply': [{ fixId: 'wsl-shutdown', options: {}, phase: 0, digest: '0123abcd' }],
  'fix:undo': [{ entryId: 'abcdef12-3456' }],
  'fix:history': [undefined],
  'system:restart': [{ fixId: 'wsl-shutdown', options: {}, nextPhase: null }],
  'session:resume': [undefined],
}

function accepts(channel: string, input: unknown): boolean {
  return isChannel(channel) && contract[channel].input.safeParse(input).success
}

function target(
  dispatch: Dispatch,
  layer: { calls: readonly string[]; sideEffects: readonly string[]; host: { readonly runs: readonly string[] } },
): FuzzTarget {
  const samples = Object.fromEntries(CHANNELS.map((channel) => [channel, (CANDIDATE_SAMPLES[channel] ?? []).filter((sample) => accepts(channel, sample))]))
  return {
    dispatch,
    channels: CHANNELS,
    accepts,
    samples,
    handlerRuns: () => layer.calls.length,
    // PowerShell sessions, elevation, journal writes, restarts: anything with an effect.
    effects: () => layer.host.runs.length + layer.sideEffects.length,
  }
}

function realLayer() {
  const host = recordingHost()
  const sideEffects: string[] = []
  // Real host and catalog fakes; every other dependency (repair runtime, whatever is added later)
  // is a recorder. Nothing a refused call could reach goes unrecorded.
  const given: Record<string, unknown> = { host, catalog: emptyCatalog, appInfo, now: () => new Date(), scanConcurrency: undefined }
  const deps = new Proxy(given, { get: (target, key) => (typeof key === 'symbol' || key in target ? target[key as string] : recorder(key, sideEffects)) })
  const real = createHandlers(deps as unknown as HandlerDeps)
  const { handlers, calls } = countingHandlers(real)
  return { host, calls, sideEffects, handlers, real, dispatch: createDispatcher(handlers, isTrusted) }
}

describe('IPC fuzzing of the handler layer', () => {
  it(`refuses ${PER_CHANNEL} hostile payloads per channel (and unknown channels) with a typed error, runs nothing, keeps serving`, async () => {
    const layer = realLayer()
    const started = performance.now()
    const report = await fuzzDispatcher(target(layer.dispatch, layer), { seed: SEED, perChannel: PER_CHANNEL })
    const seconds = (performance.now() - started) / 1000

    expect(report.failures).toEqual([])
    expect(report.failureCount).toBe(0)
    expect(layer.calls).toEqual([])
    expect(layer.host.runs).toEqual([])
    expect(layer.sideEffects).toEqual([])
    // Every contract channel and the unknown-channel pseudo-target got its thousands of cases.
    expect(report.cases).toBe((CHANNELS.length + 1) * PER_CHANNEL)
    expect(report.byCode['unknown-channel']).toBeGreaterThanOrEqual(PER_CHANNEL)
    expect(report.byCode['untrusted-sender']).toBeGreaterThan(CHANNELS.length * PER_CHANNEL * 0.1)
    expect(report.byCode['invalid-input']).toBeGreaterThan(CHANNELS.length * PER_CHANNEL * 0.6)
    expect(report.byCode['ok']).toBeUndefined()
    console.log(
      `IPC fuzz: ${report.cases} cases over ${CHANNELS.length} channels + unknown channels in ${seconds.toFixed(1)} s (seed ${SEED}); ` +
        `${JSON.stringify(report.byCode)}; ${report.skippedValid} valid by contract (not sent), ${report.undeliverable} not cloneable (sent raw)`,
    )

    // Still serving: valid calls answer as before.
    expect(await layer.dispatch('app:get-info', TRUSTED_SENDER, undefined, () => {})).toEqual({ ok: true, value: appInfo })
    expect(await layer.dispatch('scan:cancel', TRUSTED_SENDER, { scanId: 'abcdef12-3456' }, () => {})).toEqual({ ok: true, value: { cancelled: false } })
    const scan = await layer.dispatch('scan:run', TRUSTED_SENDER, { scanId: 'abcdef12-3456', allowWslStart: false }, () => {})
    expect(scan).toMatchObject({ ok: true, value: { outcome: 'completed' } })
    expect(layer.host.runs.length).toBeGreaterThan(0) // only now, for the valid scan
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  }, 60_000)

  describe('planted defects fail the fuzz', () => {
    const small = { seed: SEED, perChannel: 200 }

    it('a dispatcher that skips input validation', async () => {
      const layer = realLayer()
      const skipsValidation: Dispatch = async (channel, sender, input) => {
        if (!isChannel(channel)) return err('unknown-channel')
        if (!isTrusted(sender)) return err('untrusted-sender')
        try {
          const handler = layer.handlers[channel] as (input: unknown, context: HandlerContext) => Promise<unknown>
          return ok(await handler(input, { emit: () => {} }))
        } catch (error) {
          return err('handler-failed', String(error))
        }
      }
      const report = await fuzzDispatcher(target(skipsValidation, layer), small)
      // Every contract channel fails (each reported once, shrunk); unknown channels are still refused.
      expect(report.failureCount).toBe(CHANNELS.length)
      expect(report.failures.join('\n')).toMatch(/a handler ran for a rejected call/)
      expect(layer.host.runs.length).toBeGreaterThan(0) // hostile input reached PowerShell
    })

    it('a dispatcher that skips the sender check', async () => {
      const layer = realLayer()
      const report = await fuzzDispatcher(
        target(
          createDispatcher(layer.handlers, () => true),
          layer,
        ),
        small,
      )
      expect(report.failures.join('\n')).toMatch(/expected untrusted-sender, got/)
    })

    it('a dispatcher that looks channels up with `in` (prototype keys pass)', async () => {
      const layer = realLayer()
      const inLookup: Dispatch = async (channel, sender, input, sink) => {
        if (typeof channel !== 'string' || !(channel in contract)) return err('unknown-channel')
        if (!isTrusted(sender)) return err('untrusted-sender')
        const spec = (contract as Record<string, { input: { safeParse(value: unknown): { success: boolean } } }>)[channel]
        if (!spec?.input.safeParse(input).success) return err('invalid-input')
        return layer.dispatch(channel, sender, input, sink)
      }
      const report = await fuzzDispatcher(target(inLookup, layer), small)
      expect(report.failures.join('\n')).toMatch(/channel "(__proto__|constructor|toString|hasOwnProperty|valueOf)"/)
    })
  })
})
