import { isProbeId } from '../../shared/probes/probe-ids'
import type { Scenario } from '../../shared/scenarios/scenario'
import type { PowerShellHost, PsRunOptions, PsRunOutcome, PsScript } from '../powershell/host'
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
    const latency = behaviour.hang ? Number.POSITIVE_INFINITY : (behaviour.latencyMs ?? DEFAULT_LATENCY_MS[script.id] ?? 100) * this.latencyScale
    const waited = await wait(Math.min(latency, options.timeoutMs), options.signal)
    if (waited === 'aborted') return { ok: false, error: { kind: 'cancelled' }, durationMs: elapsed() }
    if (latency > options.timeoutMs) {
      return { ok: false, error: { kind: 'timeout', timeoutMs: options.timeoutMs }, durationMs: elapsed() }
    }
    if (behaviour.garbage !== undefined) {
      return { ok: true, stdout: behaviour.garbage, stderr: '', exitCode: null, durationMs: elapsed() }
    }
    const data = probeResponse(script.id, this.state)
    const stdout = `${script.sentinel}${JSON.stringify({ ok: true, data })}\n`
    return { ok: true, stdout, stderr: '', exitCode: null, durationMs: elapsed() }
  }

  async dispose(): Promise<void> {}
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
