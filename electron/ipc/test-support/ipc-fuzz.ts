import type { IpcErrorCode, Result } from '../../../shared/ipc/result'
import type { Dispatch } from '../dispatcher'
import type { IpcSender } from '../sender'
import fc from 'fast-check'

/**
 * An IPC fuzzer for the handler layer (`createDispatcher`), on fast-check: seeded, so a run replays
 * exactly, and a failing case is shrunk to its smallest form before it is reported.
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

/** A string: hostile, random, long, or (rarely) huge. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 50, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 30, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
  {
    weight: 19,
    arbitrary: fc.tuple(fc.constantFrom('A', '-', '9', '$(', '\\'), fc.integer({ min: 65, max: 10_065 })).map(([unit, times]) => unit.repeat(times)),
  },
  { weight: 1, arbitrary: fc.constant('x'.repeat(4 * 1024 * 1024)) }, // 4 MB
)

const hostileNumber = fc.constantFrom(
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
)

/** Deep nesting, alternating arrays and objects: thousands of levels. */
const deep = fc.tuple(fc.constantFrom(100, 1_000, 5_000), fc.constantFrom<unknown>('leaf', 1, null)).map(([depth, leaf]) => {
  let value: unknown = leaf
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { scanId: value }
  return value
})

/** Values of other kinds than JSON's; each made anew per case (`.map` runs per generated value). */
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 0, max: 4e12 }).map((time) => new Date(time)),
  fc.constant(null).map(() => new Date(NaN)),
  fc.constant(null).map(() => /.*/g),
  fc.constant(null).map(() => new Map([['scanId', 'abcdefgh']])),
  fc.constant(null).map(() => new Set(['abcdefgh'])),
  fc.integer({ min: 0, max: 1024 }).map((length) => new Uint8Array(length)),
  fc.constant(null).map(() => new ArrayBuffer(16)),
  fc.constant(null).map(() => new Error('boom')),
  fc.constant(null).map(() => Object.create(null) as object),
  fc.constant(null).map(() => JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown),
  fc.constant(null).map(() => ({ scanId: { toString: () => 'abcdefgh' }, allowWslStart: { valueOf: () => true } })),
)

/** An object whose keys may be "__proto__" & co. as own properties (as JSON.parse and structuredClone make them). */
function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const object: Record<string, unknown> = {}
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true })
  return object
}

const hostileKey = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_KEYS) }, { weight: 1, arbitrary: hostileString.map((key) => key.slice(0, 200)) })

/** Any value: the building block of every payload (nesting bounded, so a case stays small to shrink). */
const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; object: Record<string, unknown>; array: unknown[] }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3, withCrossShrink: true },
    { weight: 10, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false) },
    { weight: 10, arbitrary: hostileNumber },
    { weight: 18, arbitrary: hostileString },
    { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 29n }) },
    { weight: 8, arbitrary: tie('object') },
    { weight: 6, arbitrary: tie('array') },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 99_999 }).map((length) => new Array<unknown>(length)) }, // sparse, long
    { weight: 2, arbitrary: deep },
    { weight: 40, arbitrary: oddValue },
  ),
  object: fc.array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 }).map(objectOf),
  array: fc.array(tie('value'), { maxLength: 5 }),
})).value

/** Known-valid inputs per channel (for mutation); channels without samples get generic payloads. */
export type ValidSamples = Readonly<Record<string, readonly unknown[]>>

type Mutation = 'wrong-value' | 'extra-key' | 'missing-key' | 'string-value' | 'wrapped'

function mutate(base: unknown, mutation: Mutation, pickKey: number, value: unknown, extraKey: string, text: string): unknown {
  const clone = structuredClone(base)
  if (clone === null || typeof clone !== 'object' || Array.isArray(clone)) return value
  const copy = { ...(clone as Record<string, unknown>) }
  const keys = Object.keys(copy)
  const key = keys[pickKey % Math.max(keys.length, 1)]
  switch (mutation) {
    case 'wrong-value': // wrong type / hostile value
      if (key !== undefined) copy[key] = value
      return copy
    case 'extra-key':
      Object.defineProperty(copy, extraKey, { value, enumerable: true })
      return copy
    case 'missing-key':
      if (key !== undefined) delete copy[key]
      return copy
    case 'string-value': // a string in a field
      if (key !== undefined) copy[key] = text
      return copy
    case 'wrapped':
      return [copy]
  }
}

/** A payload for a channel: a mutation of one of its valid inputs, or something generic. */
function hostilePayload(samples: readonly unknown[]): fc.Arbitrary<unknown> {
  if (samples.length === 0) return hostileValue
  const mutated = fc
    .tuple(
      fc.constantFrom(...samples),
      fc.constantFrom<Mutation>('wrong-value', 'wrong-value', 'extra-key', 'missing-key', 'string-value', 'wrapped'),
      fc.nat(),
      hostileValue,
      fc.constantFrom(...HOSTILE_KEYS),
      hostileString,
    )
    .map(([base, mutation, pickKey, value, extraKey, text]) => mutate(base, mutation, pickKey, value, extraKey, text))
  return fc.oneof({ weight: 2, arbitrary: hostileValue }, { weight: 3, arbitrary: mutated })
}

/** Values only a non-Electron path could deliver: accessors that run code, proxies, functions. */
function rawOnlyPayload(onTouch: () => void): fc.Arbitrary<unknown> {
  return fc.constantFrom(0, 1, 2, 3, 4).map((kind): unknown => {
    switch (kind) {
      case 0:
        return {
          get scanId() {
            onTouch()
            throw new Error('getter ran')
          },
          allowWslStart: false,
        }
      case 1:
        return new Proxy(
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
        )
      case 2:
        return () => onTouch()
      case 3:
        return Symbol('payload')
      default:
        return { then: () => onTouch() }
    }
  })
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
  /** One line per target that failed: its smallest failing case (fast-check shrinks it), replayable from the seed and path. */
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

/** One generated call; `payload` is chosen from the parts by the sender and `raw`. */
interface FuzzCase {
  readonly channel: unknown
  readonly sender: IpcSender
  readonly raw: boolean
  readonly rawPayload: unknown
  readonly sendValidSample: boolean
  readonly sample: unknown
  readonly hostile: unknown
}

const senderArb = fc.oneof({ weight: 4, arbitrary: fc.constant(TRUSTED_SENDER) }, { weight: 1, arbitrary: fc.constantFrom(...UNTRUSTED_SENDERS) })

/**
 * Sends `perChannel` generated calls to every contract channel and as many to channels that do not
 * exist, through fast-check (seeded: a run replays exactly; a failure is shrunk to its smallest
 * case before it is reported).
 */
export async function fuzzDispatcher(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const byCode: Record<string, number> = {}
  const failures: string[] = []
  let cases = 0
  let skippedValid = 0
  let undeliverable = 0
  let touched = 0
  const slowMs = options.slowMs ?? 1_000
  const rawPerMille = Math.round((options.rawShare ?? 0.05) * 1000)
  const sink = () => {
    throw new Error('an event was emitted for a rejected call')
  }

  const targets: { channel: fc.Arbitrary<unknown>; name: string; known: boolean; samples: readonly unknown[] }[] = [
    ...target.channels.map((channel) => ({ channel: fc.constant<unknown>(channel), name: channel, known: true, samples: target.samples[channel] ?? [] })),
    { channel: fc.constantFrom(...FAKE_CHANNELS), name: 'unknown channels', known: false, samples: [] }, // a random fake channel per case
  ]

  for (const { channel, name, known, samples } of targets) {
    const caseArb: fc.Arbitrary<FuzzCase> = fc.record({
      channel,
      sender: senderArb,
      raw: fc.integer({ min: 0, max: 999 }).map((n) => n < rawPerMille),
      rawPayload: rawOnlyPayload(() => touched++),
      sendValidSample: fc.boolean(),
      sample: samples.length > 0 ? fc.constantFrom(...samples) : fc.constant(undefined),
      hostile: hostilePayload(samples),
    })
    const property = fc.asyncProperty(caseArb, async (c) => {
      let payload: unknown
      if (c.raw) payload = c.rawPayload
      else {
        // Untrusted frames often send perfectly valid input: the sender check must still refuse.
        const candidate = c.sender !== TRUSTED_SENDER && samples.length > 0 && c.sendValidSample ? c.sample : c.hostile
        try {
          payload = structuredClone(candidate) // what Electron's IPC delivers
        } catch {
          undeliverable++
          payload = candidate
        }
      }
      cases++

      let expected: RejectionCode
      if (!known) expected = 'unknown-channel'
      else if (c.sender !== TRUSTED_SENDER) expected = 'untrusted-sender'
      else {
        let accepted: boolean
        const touchedBefore = touched
        try {
          accepted = target.accepts(c.channel as string, payload)
        } catch {
          accepted = false
        }
        touched = touchedBefore // the oracle's own touches do not count
        if (accepted) {
          skippedValid++
          return
        }
        expected = 'invalid-input'
      }

      const touchedBefore = touched
      const runsBefore = target.handlerRuns()
      const effectsBefore = target.effects()
      const started = performance.now()
      let result: Result<unknown> | undefined
      try {
        result = await target.dispatch(c.channel, c.sender, payload, sink)
      } catch (error) {
        throw new Error(
          `dispatch threw ${error instanceof Error ? error.message : String(error)} (channel ${describeValue(c.channel)}, payload ${describeValue(payload)})`,
          { cause: error },
        )
      }
      const elapsed = performance.now() - started
      const touchedByDispatch = touched !== touchedBefore
      const code = result !== null && typeof result === 'object' && result.ok === false ? result.error.code : undefined
      byCode[code ?? 'ok'] = (byCode[code ?? 'ok'] ?? 0) + 1
      const problems = [
        code !== expected ? `expected ${expected}, got ${describeValue(result)}` : null,
        target.handlerRuns() !== runsBefore ? 'a handler ran for a rejected call' : null,
        target.effects() !== effectsBefore ? 'PowerShell (or another effect) ran for a rejected call' : null,
        expected !== 'invalid-input' && touchedByDispatch ? 'the payload was read before the channel/sender check' : null,
        elapsed > slowMs ? `took ${Math.round(elapsed)} ms` : null,
        ({} as Record<string, unknown>)['polluted'] !== undefined ? 'Object.prototype was polluted' : null,
      ].filter((problem) => problem !== null)
      if (problems.length > 0) {
        const where = `channel ${describeValue(c.channel)}, sender ${describeValue(c.sender.frameUrl?.slice(0, 60))}${c.sender.isMainFrame ? '' : ' (sub-frame)'}, payload ${describeValue(payload)}${c.raw ? ' (raw)' : ''}`
        throw new Error(`${problems.join('; ')} — ${where}`)
      }
    })
    const details = await fc.check(property, { seed: options.seed, numRuns: options.perChannel })
    if (details.failed) {
      const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
      failures.push(`${name}: ${error} (seed ${details.seed}, path ${details.counterexamplePath ?? '?'}, ${details.numShrinks} shrinks)`)
    }
  }
  return { cases, skippedValid, undeliverable, byCode, failures, failureCount: failures.length }
}
