import type { AnyFactEntry } from '../../shared/machine/snapshot'
import { isProbeId, type ProbeId } from '../../shared/probes/probe-ids'
import type { Scenario } from '../../shared/scenarios/scenario'
import type { PowerShellHost, PsRunOptions, PsRunOutcome, PsScript } from '../powershell/host'
import { assertNever } from '../../shared/util/assert-never'
import { probeResponse } from './probe-responses'

/** Realistic default latencies (ms) of each probe on a real PC, used unless the scenario says otherwise. */
const DEFAULT_LATENCY_MS: Readonly<Record<string, number>> = {
  'windows-version': 120,
  'wsl-install': 900,
  'wslconfig-file': 80,
  services: 450,
  'mirrored-readiness': 700,
  virtualization: 1200,
  events: 1500,
  'network-adapters': 600,
  'proxy-settings': 90,
  'winsock-catalog': 150,
  'firewall-profiles': 500,
  'host-networking': 350,
  'wsl-startup': 2500,
}

export interface SimulatedPcOptions {
  /** Multiplies every latency: 0 for unit tests, 1 for the demo and the benchmark. */
  readonly latencyScale?: number
}

/**
 * A Windows PC described by a scenario file, answering probe scripts by their id.
 *
 * Answers are computed from the scenario's state (see `probe-responses.ts`), printed exactly as the
 * composed script would print them (sentinel + JSON envelope), after a realistic latency. A probe
 * marked `hang` never answers and is ended by its timeout, like a stuck PowerShell session.
 *
 * A scenario made from a real snapshot carries `recordedFacts`: those probes answer as that PC did —
 * its data verbatim, a hang for a recorded timeout, the script error / garbage / missing PowerShell
 * behind any other recorded failure — so a scan of the scenario records the same facts again.
 */
export class SimulatedPcHost implements PowerShellHost {
  readonly kind = 'simulated'
  private state: Scenario
  private readonly latencyScale: number

  constructor(scenario: Scenario, options: SimulatedPcOptions = {}) {
    this.state = structuredClone(scenario)
    this.latencyScale = options.latencyScale ?? 1
  }

  /** The PC's current state (a copy): fixes change it, tests read it. */
  get scenario(): Scenario {
    return structuredClone(this.state)
  }

  async run(script: PsScript, options: PsRunOptions): Promise<PsRunOutcome> {
    const started = performance.now()
    const elapsed = () => performance.now() - started
    if (!isProbeId(script.id)) {
      return { ok: true, stdout: `${script.sentinel}${JSON.stringify({ ok: false, error: { type: 'System.Management.Automation.CommandNotFoundException', message: `unknown script ${script.id}` } })}\n`, stderr: '', exitCode: null, durationMs: elapsed() }
    }
    const behaviour = this.state.probeBehaviour[script.id] ?? {}
    const recorded = recordedFailure(this.state, script.id)
    const hangs = behaviour.hang === true || recorded?.reason === 'timeout'
    const latency = hangs ? Number.POSITIVE_INFINITY : (behaviour.latencyMs ?? DEFAULT_LATENCY_MS[script.id] ?? 100) * this.latencyScale
    const waited = await wait(Math.min(latency, options.timeoutMs), options.signal)
    if (waited === 'aborted') return { ok: false, error: { kind: 'cancelled' }, durationMs: elapsed() }
    if (latency > options.timeoutMs) {
      return { ok: false, error: { kind: 'timeout', timeoutMs: options.timeoutMs }, durationMs: elapsed() }
    }
    if (behaviour.garbage !== undefined) {
      return { ok: true, stdout: behaviour.garbage, stderr: '', exitCode: null, durationMs: elapsed() }
    }
    if (recorded !== null) {
      return recordedAnswer(recorded, script.sentinel, elapsed())
    }
    // A recorded known fact is returned verbatim by `probeResponse`.
    const data = probeResponse(script.id, this.state)
    const stdout = `${script.sentinel}${JSON.stringify({ ok: true, data })}\n`
    return { ok: true, stdout, stderr: '', exitCode: null, durationMs: elapsed() }
  }

  async dispose(): Promise<void> {}
}

type RecordedFailure = Extract<AnyFactEntry, { status: 'unknown' }>

/**
 * The recorded unknown fact the host must reproduce for this probe, or null when the probe is
 * answered from the model (no recording, a known recording, or `cancelled`/`no-consent`, which
 * describe the scan rather than the PC).
 */
function recordedFailure(scenario: Scenario, probeId: ProbeId): RecordedFailure | null {
  const recorded = scenario.recordedFacts?.[probeId]
  if (recorded === undefined || recorded.status === 'known') return null
  return recorded.reason === 'cancelled' || recorded.reason === 'no-consent' ? null : recorded
}

/** E_ACCESSDENIED (0x80070005) as a signed 32-bit HResult, as .NET reports it. */
const E_ACCESSDENIED = -2147024891

/**
 * The `type: message (0xhhhhhhhh)` detail `readEnvelope` wrote for a script error, split back into
 * the envelope fields, so re-reading the simulated answer gives the recorded detail again.
 */
function scriptErrorOf(detail: string | undefined): { type: string | null; message: string; hresult: number | null } | null {
  if (detail === undefined) return null
  const match = /^([A-Za-z_][\w.`]*): ?(.*?)(?: \(0x([0-9a-f]{8})\))?$/s.exec(detail)
  if (match === null) return { type: null, message: detail, hresult: null }
  const hex = match[3]
  return { type: match[1] ?? null, message: match[2] ?? '', hresult: hex === undefined ? null : Number.parseInt(hex, 16) | 0 }
}

/**
 * What Windows printed for a probe that failed this way, so the scan reads the same reason again:
 * a script error envelope (access denied: UnauthorizedAccessException, E_ACCESSDENIED), text that is
 * not an envelope (bad output), or a PowerShell that cannot start (host unavailable).
 */
function recordedAnswer(recorded: RecordedFailure, sentinel: string, durationMs: number): PsRunOutcome {
  const envelope = (error: Record<string, unknown>): PsRunOutcome => ({ ok: true, stdout: `${sentinel}${JSON.stringify({ ok: false, error })}\n`, stderr: '', exitCode: null, durationMs })
  const parts = scriptErrorOf(recorded.detail)
  switch (recorded.reason) {
    case 'access-denied':
      return envelope({
        type: parts?.type ?? 'System.UnauthorizedAccessException',
        message: parts?.message ?? 'Attempted to perform an unauthorized operation.',
        hresult: parts === null ? E_ACCESSDENIED : parts.hresult,
        // Not part of the detail; keeps the answer an access denial whatever the recorded type was.
        category: 'PermissionDenied',
      })
    case 'failed':
      return envelope({
        type: parts?.type ?? 'System.Management.Automation.RuntimeException',
        message: parts?.message ?? 'The script failed.',
        hresult: parts?.hresult === E_ACCESSDENIED ? null : (parts?.hresult ?? null),
        category: 'NotSpecified',
      })
    case 'bad-output':
      return { ok: true, stdout: `${recorded.detail ?? 'The term is not recognized as a cmdlet.'}\r\n`, stderr: '', exitCode: null, durationMs }
    case 'host-unavailable':
      return { ok: false, error: { kind: 'not-available', detail: recorded.detail ?? 'powershell.exe could not be started' }, durationMs }
    case 'timeout':
    case 'cancelled':
    case 'no-consent':
      // Not reached: a timeout hangs before any answer; the other two are answered by the model.
      return { ok: false, error: { kind: 'not-available', detail: `unexpected recorded reason ${recorded.reason}` }, durationMs }
    default:
      return assertNever(recorded.reason, 'unknown reason')
  }
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<'elapsed' | 'aborted'> {
  if (signal?.aborted) return Promise.resolve('aborted')
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve('elapsed')
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      resolve('aborted')
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}
