import type { IpcErrorCode, Result } from '../../shared/ipc/result'
import type { Dispatch } from '../ipc/dispatcher'
import type { IpcSender } from '../ipc/sender'

/**
 * An IPC fuzzer for the handler layer (`createDispatcher`): seeded, so a failure replays exactly.
 *
 * For every channel of the contract, plus channels that do not exist, it sends thousands of
 * malformed, oversized and hostile payloads from trusted and untrusted frames, and checks each
 * answer: a `{ ok: false, error: { code } }` with the one code the layer must give (unknown
 * channel → untrusted sender → invalid input, in that order), no handler run, no PowerShell run,
 * no throw, no slow answer, no prototype pollution.
 *
 * Payloads go through `structuredClone` first, which is what Electron's IPC does to them (a value
 * it cannot clone never reaches the main process); a share is also sent raw (getters, proxies,
 * functions), which only the demo server's JSON path or a bug could deliver.
 */

export const TRUSTED_SENDER: IpcSender = { frameUrl: 'app://doctor/index.html', isMainFrame: true }

/** Frames that must never be served: other origins, look-alikes, sub-frames, no frame at all. */
export const UNTRUSTED_SENDERS: readonly IpcSender[] = [
  { frameUrl: 'https://evil.example/', isMainFrame: true },
  { frameUrl: 'http://doctor/index.html', isMainFrame: true },
  { frameUrl: 'app://doctor.evil/index.html', isMainFrame: true },
  { frameUrl: 'app://evil/doctor/index.html', isMainFrame: true },
  { frameUrl: 'app://doctor@evil/index.html', isMainFrame: true },
  { frameUrl: 'app://doctor:8080/index.html', isMainFrame: true },
  { frameUrl: 'file:///C:/Program%20Files/WSL%20Network%20Doctor/resources/app.asar/out/renderer/index.html', isMainFrame: true },
  { frameUrl: 'devtools://devtools/bundled/inspector.html', isMainFrame: true },
  { frameUrl: 'chrome-extension://abc/index.html', isMainFrame: true },
  { frameUrl: 'javascript:alert(1)', isMainFrame: true },
  { frameUrl: 'data:text/html,<script>1</script>', isMainFrame: true },
  { frameUrl: 'about:blank', isMainFrame: true },
  { frameUrl: '', isMainFrame: true },
  { frameUrl: 'app://doctor/index.html', isMainFrame: false },
  { frameUrl: 'app://doctor/../../index.html', isMainFrame: false },
  { frameUrl: null, isMainFrame: true },
  { frameUrl: null, isMainFrame: false },
  { frameUrl: `app://${'a'.repeat(70_000)}/`, isMainFrame: true },
  { frameUrl: 'app:/\\doctor/index.html', isMainFrame: false },
]

/** Channel names that are not in the contract, including names an `in`/bracket lookup would find. */
const FAKE_CHANNELS: readonly unknown[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  ' ',
  'app:get-info ',
  'APP:GET-INFO',
  'app:get-info\u0000',
  'scan:run\n',
  'shell:exec',
  'fs:read',
  'ipc:invoke',
  'electron:remote',
  'a'.repeat(100_000),
  null,
  undefined,
  0,
  42,
  true,
  ['app:get-info'],
  { toString: () => 'app:get-info' },
  Symbol('app:get-info'),
]

/** Keys an attacker tries on objects: prototype pollution, thenables, our real field names. */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'then',
  'toJSON',
  'hasOwnProperty',
  'scanId',
  'allowWslStart',
  'fixId',
  'options',
  'phase',
  'digest',
  'entryId',
  'nextPhase',
  'script',
  'command',
  'path',
  'text',
  'id',
  '',
  '\u0000',
  '0',
  '-1',
  'length',
] as const

const HOSTILE_STRINGS = [
  '',
  ' ',
  'abcdefgh',
  'abcdefgh-1234',
  '../../../../Windows/System32/config/SAM',
  '..\\..\\..\\Windows\\System32',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  '\\\\?\\pipe\\evil',
  '$(Remove-Item C:\\ -Recurse -Force)',
  "'; Start-Process calc; '",
  '"; calc.exe; "',
  '`$env:USERPROFILE',
  '& cmd /c calc',
  '| Out-File C:\\evil.ps1',
  '\u0000',
  'abc\u0000defghij',
  '\u202e\u0644\u0645\u0646\u0647',
  '😀'.repeat(20),
  'a\r\nb',
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '{"__proto__":{"polluted":true}}',
  'NaN',
  'true',
  'null',
  'wsl-shutdown',
  'winsock-reset',
  '00000000',
  'deadbeef',
] as const

export type Rng = () => number

/** mulberry32: small, fast, good enough to spread payloads; the seed makes a run replayable. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T

/** A string: hostile, random, long, or (rarely) huge. */
function hostileString(rng: Rng): string {
  const roll = rng()
  if (roll < 0.5) return pick(rng, HOSTILE_STRINGS)
  if (roll < 0.8) {
    let text = ''
    const length = Math.floor(rng() * 80)
    for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(rng() * 0x3000))
    return text
  }
  if (roll < 0.995) return pick(rng, ['A', '-', '9', '$(', '\\']).repeat(65 + Math.floor(rng() * 10_000))
  return 'x'.repeat(4 * 1024 * 1024) // 4 MB
}

function hostileNumber(rng: Rng): number {
  return pick(rng, [
    0,
    -0,
    1,
    -1,
    0.5,
    3,
    4,
    5,
    255,
    2 ** 31,
    -(2 ** 31),
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    NaN,
    Infinity,
    -Infinity,
  ])
}

/** Deep nesting, alternating arrays and objects: tens of thousands of levels. */
function deep(rng: Rng): unknown {
  const depth = pick(rng, [100, 1_000, 5_000])
  let value: unknown = pick(rng, ['leaf', 1, null])
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { scanId: value }
  return value
}

/** Any value: the building block of every payload. */
export function hostileValue(rng: Rng, depth = 0): unknown {
  const roll = rng()
  if (depth > 3 || roll < 0.1) return pick(rng, [null, undefined, true, false])
  if (roll < 0.2) return hostileNumber(rng)
  if (roll < 0.38) return hostileString(rng)
  if (roll < 0.42) return BigInt(Math.floor(rng() * 1e9)) * 10n ** 20n
  if (roll < 0.5) return hostileObject(rng, depth + 1)
  if (roll < 0.56) return Array.from({ length: Math.floor(rng() * 6) }, () => hostileValue(rng, depth + 1))
  if (roll < 0.58) return new Array(Math.floor(rng() * 100_000)) // sparse, long
  if (roll < 0.6) return deep(rng)
  return pick(rng, [
    () => new Date(Math.floor(rng() * 4e12)),
    () => new Date(NaN),
    () => /.*/g,
    () => new Map([['scanId', 'abcdefgh']]),
    () => new Set(['abcdefgh']),
    () => new Uint8Array(Math.floor(rng() * 1024)),
    () => new ArrayBuffer(16),
    () => new Error('boom'),
    () => Object.create(null) as object,
    () => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown,
    () => ({ scanId: { toString: () => 'abcdefgh' }, allowWslStart: { valueOf: () => true } }),
  ])()
}

function hostileObject(rng: Rng, depth: number): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  const keys = Math.floor(rng() * 5)
  for (let i = 0; i < keys; i++) {
    const key = rng() < 0.8 ? pick(rng, HOSTILE_KEYS) : hostileString(rng).slice(0, 200)
    // defineProperty: an own "__proto__" key, as JSON.parse and structuredClone produce it.
    Object.defineProperty(object, key, { value: hostileValue(rng, depth), enumerable: true, configurable: true, writable: true })
  }
  return object
}

/** Known-valid inputs per channel (for mutation); channels without samples get generic payloads. */
export type ValidSamples = Readonly<Record<string, readonly unknown[]>>

/** A payload for `channel`: a mutation of one of its valid inputs, or something generic. */
export function hostilePayload(rng: Rng, samples: readonly unknown[]): unknown {
  if (samples.length === 0 || rng() < 0.4) return hostileValue(rng)
  const base = structuredClone(pick(rng, samples))
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return hostileValue(rng)
  const copy = { ...(base as Record<string, unknown>) }
  const keys = Object.keys(copy)
  const roll = rng()
  if (roll < 0.35 && keys.length > 0)
    copy[pick(rng, keys)] = hostileValue(rng) // wrong type / hostile value
  else if (roll < 0.55)
    Object.defineProperty(copy, pick(rng, HOSTILE_KEYS), { value: hostileValue(rng), enumerable: true }) // extra key
  else if (roll < 0.7 && keys.length > 0)
    delete copy[pick(rng, keys)] // missing key
  else if (roll < 0.85 && keys.length > 0)
    copy[pick(rng, keys)] = hostileString(rng) // string in every field
  else return [copy] // wrapped
  return copy
}

/** Values only a non-Electron path could deliver: accessors that run code, proxies, functions. */
export function rawOnlyPayload(rng: Rng, onTouch: () => void): unknown {
  return pick(rng, [
    () => ({
      get scanId() {
        onTouch()
        throw new Error('getter ran')
      },
      allowWslStart: false,
    }),
    () =>
      new Proxy(
        {},
        {
          get() {
            onTouch()
            throw new Error('proxy get')
          },
          ownKeys() {
            onTouch()
            throw new Error('proxy ownKeys')
          },
          getPrototypeOf() {
            onTouch()
            throw new Error('proxy getPrototypeOf')
          },
        },
      ),
    () => () => onTouch(),
    () => Symbol('payload'),
    () => ({ then: () => onTouch() }),
  ])()
}

export type RejectionCode = Extract<IpcErrorCode, 'unknown-channel' | 'untrusted-sender' | 'invalid-input'>

export interface FuzzTarget {
  readonly dispatch: Dispatch
  /** Channels of the contract. */
  readonly channels: readonly string[]
  /** Whether the contract accepts `input` on `channel` (such payloads are valid calls, not fuzz). */
  readonly accepts: (channel: string, input: unknown) => boolean
  readonly samples: ValidSamples
  /** How many times any handler ran / anything with an effect (PowerShell, elevation, journal…) happened so far. */
  readonly handlerRuns: () => number
  readonly effects: () => number
}

export interface FuzzOptions {
  readonly seed: number
  readonly perChannel: number
  /** Share of cases sent raw instead of through structuredClone. */
  readonly rawShare?: number
  readonly slowMs?: number
}

export interface FuzzReport {
  readonly cases: number
  readonly skippedValid: number
  readonly undeliverable: number
  readonly byCode: Readonly<Record<string, number>>
  /** The first failures (at most 20), each replayable from the seed and case number. */
  readonly failures: readonly string[]
  readonly failureCount: number
}

function describeValue(value: unknown): string {
  try {
    const text = typeof value === 'bigint' ? `${value}n` : typeof value === 'symbol' ? value.toString() : JSON.stringify(value)
    return text === undefined ? String(value) : text.length > 120 ? `${text.slice(0, 120)}…(${text.length})` : text
  } catch {
    return `<${typeof value} that cannot be printed>`
  }
}

export async function fuzzDispatcher(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const rng = mulberry32(options.seed)
  const byCode: Record<string, number> = {}
  const failures: string[] = []
  let failureCount = 0
  let cases = 0
  let skippedValid = 0
  let undeliverable = 0
  let touched = 0
  const slowMs = options.slowMs ?? 1_000
  const rawShare = options.rawShare ?? 0.05
  const sink = () => {
    throw new Error('an event was emitted for a rejected call')
  }
  const fail = (message: string) => {
    failureCount++
    if (failures.length < 20) failures.push(message)
  }

  const targets: { channel: unknown; known: boolean }[] = [
    ...target.channels.map((channel) => ({ channel, known: true })),
    { channel: FAKE_CHANNELS, known: false }, // one pseudo-target: a random fake channel per case
  ]

  for (const { channel: channelSpec, known } of targets) {
    for (let i = 0; i < options.perChannel; i++) {
      const caseId = `seed ${options.seed} case ${cases}`
      const channel = known ? channelSpec : pick(rng, FAKE_CHANNELS)
      const samples = known ? (target.samples[channel as string] ?? []) : []
      const senderRoll = rng()
      const sender = senderRoll < 0.2 ? pick(rng, UNTRUSTED_SENDERS) : TRUSTED_SENDER
      let payload: unknown
      let raw = false
      if (rng() < rawShare) {
        raw = true
        payload = rawOnlyPayload(rng, () => touched++)
      } else {
        // Untrusted frames often send perfectly valid input: the sender check must still refuse.
        const candidate = sender !== TRUSTED_SENDER && samples.length > 0 && rng() < 0.5 ? pick(rng, samples) : hostilePayload(rng, samples)
        try {
          payload = structuredClone(candidate) // what Electron's IPC delivers
        } catch {
          undeliverable++
          raw = true
          payload = candidate
        }
      }
      cases++

      let expected: RejectionCode
      if (!known) expected = 'unknown-channel'
      else if (sender !== TRUSTED_SENDER) expected = 'untrusted-sender'
      else {
        let accepted: boolean
        const touchedBefore = touched
        try {
          accepted = target.accepts(channel as string, payload)
        } catch {
          accepted = false
        }
        touched = touchedBefore // the oracle's own touches do not count
        if (accepted) {
          skippedValid++
          continue
        }
        expected = 'invalid-input'
      }

      const touchedBefore = touched
      const runsBefore = target.handlerRuns()
      const psBefore = target.effects()
      const started = performance.now()
      let result: Result<unknown> | undefined
      try {
        result = await target.dispatch(channel, sender, payload, sink)
      } catch (error) {
        fail(
          `${caseId}: dispatch threw ${error instanceof Error ? error.message : String(error)} (channel ${describeValue(channel)}, payload ${describeValue(payload)}${raw ? ', raw' : ''})`,
        )
        continue
      }
      const elapsed = performance.now() - started
      const touchedByDispatch = touched !== touchedBefore // read now: printing the payload below touches it too
      const code = result !== null && typeof result === 'object' && result.ok === false ? result.error.code : undefined
      byCode[code ?? 'ok'] = (byCode[code ?? 'ok'] ?? 0) + 1
      const where = () =>
        `channel ${describeValue(channel)}, sender ${describeValue(sender.frameUrl?.slice(0, 60))}${sender.isMainFrame ? '' : ' (sub-frame)'}, payload ${describeValue(payload)}${raw ? ' (raw)' : ''}`
      if (code !== expected) fail(`${caseId}: expected ${expected}, got ${describeValue(result)} — ${where()}`)
      if (target.handlerRuns() !== runsBefore) fail(`${caseId}: a handler ran for a rejected call — ${where()}`)
      if (target.effects() !== psBefore) fail(`${caseId}: PowerShell (or another effect) ran for a rejected call — ${where()}`)
      if (expected !== 'invalid-input' && touchedByDispatch) fail(`${caseId}: the payload was read before the channel/sender check — ${where()}`)
      if (elapsed > slowMs) fail(`${caseId}: took ${Math.round(elapsed)} ms — ${where()}`)
      if (({} as Record<string, unknown>)['polluted'] !== undefined) fail(`${caseId}: Object.prototype was polluted — ${where()}`)
    }
  }
  return { cases, skippedValid, undeliverable, byCode, failures, failureCount }
}
