import { z } from 'zod'
import type { AnyFactEntry } from '../../shared/machine/snapshot'
import { isProbeId, type ProbeId } from '../../shared/probes/probe-ids'
import { FIX_BATCH_SCRIPT_ID, FIX_SCRIPT_PREFIX, FIX_SCRIPTS, FIX_SCRIPT_IDS, type FixScriptId } from '../../shared/repair/fix-scripts'
import type { BatchResult } from '../../shared/repair/step-result'
import type { Scenario } from '../../shared/scenarios/scenario'
import type { ScenarioRuntime } from '../../shared/scenarios/scenario-machine'
import type { ElevatedOutcome, ElevatedRunOptions, Elevator } from '../powershell/elevator'
import type { PowerShellHost, PsRunOptions, PsRunOutcome, PsScript } from '../powershell/host'
import { assertNever } from '../../shared/util/assert-never'
import { FIX_HELPER_SCRIPT_IDS } from '../probes/script-catalog'
import { applyFix, bootCountOf, lastBootUpTimeOf, rebootPc } from './fix-effects'
import { probeResponse } from './probe-responses'

/** Every envelope names the language mode its script ran in (compose-script.ts); a simulated PC has no policy. */
const SIMULATED_LANGUAGE_MODE = 'FullLanguage'
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
  'installed-products': 400,
  'firewall-profiles': 500,
  'hyperv-firewall': 500,
  'host-networking': 350,
  'host-dns': 400,
  'wsl-startup': 2500,
}

/** Realistic default latencies (ms) of each fix script on a real PC (DISM, exports and updates are slow). */
const FIX_LATENCY_MS: Readonly<Record<FixScriptId, number>> = {
  'restore-point': 6000,
  'wslconfig-write': 60,
  'wsl-shutdown': 1500,
  'wsl-update': 9000,
  'service-start-type': 300,
  'remove-ipv6-disabled-components': 80,
  'remove-hyperv-firewall-disable': 80,
  'remove-port-tracker': 200,
  'delete-wsl-hns-network': 1200,
  'set-feature': 5000,
  'hypervisor-launch-auto': 400,
  'vmware-cleanup': 1500,
  'winsock-reset': 1200,
  'wsl-export': 8000,
  'wsl-set-version': 12000,
  'wsl-set-default-version': 300,
  'undo-restore-file': 60,
  'undo-registry-value': 80,
}

/** How long the user takes to answer the UAC prompt on the simulated PC (ms, before latencyScale). */
const UAC_ANSWER_MS = 1500

const BatchInput = z.object({
  steps: z.array(z.object({ script: z.enum(FIX_SCRIPT_IDS as [FixScriptId, ...FixScriptId[]]), input: z.unknown() })),
})

export type UacResponse = NonNullable<ScenarioRuntime['uacResponse']>

/**
 * A fault of the elevated process, for fault-injection tests: killed after `afterSteps` steps
 * applied (no result comes back), or hanging in step `atStep` (silent until the inactivity limit).
 */
export type ElevatedFault = { readonly kind: 'killed'; readonly afterSteps: number } | { readonly kind: 'hang'; readonly atStep: number }

export interface SimulatedPcOptions {
  /** Multiplies every latency: 0 for unit tests, 1 for the demo and the benchmark. */
  readonly latencyScale?: number
  /** The simulated PC's clock (backup names, restore points, LastBootUpTime after a restart). */
  readonly now?: () => Date
  /** How the user answers the UAC prompt (default: the scenario's `runtime.uacResponse`, else approve). */
  readonly uacResponse?: UacResponse
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
export class SimulatedPcHost implements PowerShellHost, Elevator {
  readonly kind = 'simulated'
  private state: Scenario
  private readonly latencyScale: number
  private readonly now: () => Date
  private elevatedFault: ElevatedFault | null = null

  constructor(scenario: Scenario, options: SimulatedPcOptions = {}) {
    this.state = structuredClone(scenario)
    this.latencyScale = options.latencyScale ?? 1
    this.now = options.now ?? (() => new Date())
    if (options.uacResponse !== undefined) this.setUacResponse(options.uacResponse)
  }

  /** The PC's current state (a copy): fixes change it, tests read it. */
  get scenario(): Scenario {
    return structuredClone(this.state)
  }

  /** Restarts so far; a restart adds one (what the orchestrator checks after resuming). */
  get bootCount(): number {
    return bootCountOf(this.state)
  }

  /** `Win32_OperatingSystem.LastBootUpTime` (ISO, UTC); the `fix:boot-time` helper returns it. */
  get lastBootUpTime(): string {
    return lastBootUpTimeOf(this.state)
  }

  /** The user edits `.wslconfig` themselves, e.g. between a fix and its undo (null: deletes it). */
  userEditsWslconfig(text: string | null): void {
    this.state.wslconfig = text === null ? null : { encoding: 'utf8', lineEnding: 'crlf', ...this.state.wslconfig, text }
  }

  /** How the user answers the next UAC prompts: approve, decline (1223), fail, or never (timeout). */
  setUacResponse(response: UacResponse): void {
    this.state.runtime = { ...this.state.runtime, uacResponse: response }
  }

  /** Makes the next elevated runs die or hang as given (null: run normally). */
  setElevatedFault(fault: ElevatedFault | null): void {
    this.elevatedFault = fault
  }

  /** Makes one fix script fail whenever it runs (nothing changed), or none with null. */
  setFailingStep(script: FixScriptId | null): void {
    this.state.runtime = { ...this.state.runtime, failStep: script }
  }

  /**
   * Restarts the simulated PC (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#the-fix-ladder step 6): pending feature, bcdedit and
   * Winsock changes apply, distributions stop, stale HNS state clears (see `rebootPc`).
   */
  reboot(): void {
    this.state = rebootPc(this.state, { now: this.now() })
  }

  /**
   * Runs the one elevated batch of a phase (docs/security.md#elevation): `script.id === 'fix-batch'`,
   * `script.input === { steps: [{ script, input }, …] }`. Declined or failed UAC applies nothing;
   * otherwise the steps apply in order and the batch stops at the first failing step. Answers with
   * the composed script's output: sentinel + `{ ok: true, data: BatchResult }`.
   */
  async runElevated(script: PsScript, options: ElevatedRunOptions): Promise<ElevatedOutcome> {
    const started = performance.now()
    const elapsed = () => performance.now() - started
    const response = this.state.runtime?.uacResponse ?? 'approve'
    if (response === 'timeout') {
      await wait(options.timeoutMs, undefined)
      return { kind: 'timeout', timeoutMs: options.timeoutMs, durationMs: elapsed() }
    }
    await wait(UAC_ANSWER_MS * this.latencyScale, undefined)
    if (response === 'decline') return { kind: 'declined', durationMs: elapsed() }
    if (response === 'fail')
      return { kind: 'failed', detail: 'Elevation could not start: no administrator account is available (simulated).', durationMs: elapsed() }
    // Elevation granted: the unelevated steps that must come first run now (ElevatedRunOptions).
    if (options.beforeRun && (await options.beforeRun()) === 'abort') return { kind: 'aborted', durationMs: elapsed() }
    const completed = (envelope: object): ElevatedOutcome => ({
      kind: 'completed',
      stdout: `${script.sentinel}${JSON.stringify({ ...envelope, languageMode: SIMULATED_LANGUAGE_MODE })}\n`,
      exitCode: 0,
      durationMs: elapsed(),
    })
    const parsed = BatchInput.safeParse(script.input)
    if (script.id !== FIX_BATCH_SCRIPT_ID || !parsed.success) {
      return completed({ ok: false, error: scriptError(`not a fix batch: ${script.id}`) })
    }
    // Once elevated, each step must end within the inactivity limit (every event restarts it).
    const inactivity = options.inactivityTimeoutMs ?? options.timeoutMs
    const fault = this.elevatedFault
    const progress = (event: Parameters<NonNullable<ElevatedRunOptions['onProgress']>>[0]) => options.onProgress?.(event)
    const steps: BatchResult['steps'] = []
    for (const [index, step] of parsed.data.steps.entries()) {
      if (fault?.kind === 'killed' && index >= fault.afterSteps) {
        return { kind: 'no-result', exitCode: null, detail: 'the elevated side disconnected without a result', durationMs: elapsed() }
      }
      progress({ step: index, status: 'started' })
      const latency = fault?.kind === 'hang' && fault.atStep === index ? Number.POSITIVE_INFINITY : FIX_LATENCY_MS[step.script] * this.latencyScale
      if (latency > inactivity) {
        await wait(inactivity, undefined)
        return { kind: 'timeout', timeoutMs: inactivity, durationMs: elapsed() }
      }
      await wait(latency, undefined)
      if (!FIX_SCRIPTS[step.script].elevated) {
        // Per-user steps never run elevated (HKCU and the profile may be another account's, §4).
        steps.push({ ok: false, index, error: `${step.script} runs as the user, not in the elevated batch; refused.` })
        break
      }
      const outcome = applyFix(this.state, step.script, step.input, { now: this.now() })
      if (!outcome.ok) {
        // As the batch script reports a throw: `<exception type>: <message>`.
        steps.push({ ok: false, index, error: `System.Management.Automation.RuntimeException: ${outcome.error}` })
        progress({ step: index, status: 'failed', data: `System.Management.Automation.RuntimeException: ${outcome.error}` })
        break
      }
      this.state = outcome.state
      steps.push({ ok: true, index, result: outcome.result })
      progress({ step: index, status: 'done', data: outcome.result })
    }
    if (fault?.kind === 'killed') return { kind: 'no-result', exitCode: null, detail: 'the elevated side disconnected without a result', durationMs: elapsed() }
    return completed({ ok: true, data: { steps } })
  }

  async run(script: PsScript, options: PsRunOptions): Promise<PsRunOutcome> {
    if (script.id.startsWith(FIX_SCRIPT_PREFIX)) return this.runFix(script, options)
    const started = performance.now()
    const elapsed = () => performance.now() - started
    if (!isProbeId(script.id)) {
      return {
        ok: true,
        stdout: `${script.sentinel}${JSON.stringify({ ok: false, error: { type: 'System.Management.Automation.CommandNotFoundException', message: `unknown script ${script.id}` }, languageMode: SIMULATED_LANGUAGE_MODE })}\n`,
        stderr: '',
        exitCode: null,
        durationMs: elapsed(),
      }
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
    const stdout = `${script.sentinel}${JSON.stringify({ ok: true, data, languageMode: SIMULATED_LANGUAGE_MODE })}\n`
    return { ok: true, stdout, stderr: '', exitCode: null, durationMs: elapsed() }
  }

  async dispose(): Promise<void> {}

  /**
   * An unelevated fix or helper script (`fix:<id>`), run as the user: its StepResult envelope, with
   * the effect applied. An elevated script run this way fails with access denied, as on Windows.
   */
  private async runFix(script: PsScript, options: PsRunOptions): Promise<PsRunOutcome> {
    const started = performance.now()
    const elapsed = () => performance.now() - started
    const id = script.id.slice(FIX_SCRIPT_PREFIX.length)
    const latency = (isFixScriptId(id) ? FIX_LATENCY_MS[id] : 100) * this.latencyScale
    const waited = await wait(Math.min(latency, options.timeoutMs), options.signal)
    if (waited === 'aborted') return { ok: false, error: { kind: 'cancelled' }, durationMs: elapsed() }
    if (latency > options.timeoutMs) return { ok: false, error: { kind: 'timeout', timeoutMs: options.timeoutMs }, durationMs: elapsed() }
    const answer = (envelope: object): PsRunOutcome => ({
      ok: true,
      stdout: `${script.sentinel}${JSON.stringify({ ...envelope, languageMode: SIMULATED_LANGUAGE_MODE })}\n`,
      stderr: '',
      exitCode: null,
      durationMs: elapsed(),
    })
    if ((FIX_HELPER_SCRIPT_IDS as readonly string[]).includes(id)) {
      return answer({ ok: true, data: { lastBootUpTime: this.lastBootUpTime } })
    }
    if (!isFixScriptId(id)) {
      return answer({ ok: false, error: { type: 'System.Management.Automation.CommandNotFoundException', message: `unknown script ${script.id}` } })
    }
    if (FIX_SCRIPTS[id].elevated) {
      return answer({
        ok: false,
        error: {
          type: 'System.UnauthorizedAccessException',
          message: 'Requested registry access is not allowed.',
          hresult: E_ACCESSDENIED,
          category: 'PermissionDenied',
        },
      })
    }
    const outcome = applyFix(this.state, id, script.input, { now: this.now() })
    if (!outcome.ok) return answer({ ok: false, error: scriptError(outcome.error) })
    this.state = outcome.state
    return answer({ ok: true, data: outcome.result })
  }
}

function isFixScriptId(id: string): id is FixScriptId {
  return Object.hasOwn(FIX_SCRIPTS, id)
}

/** A `throw 'text'` in a script, as the composed script's catch block reports it. */
function scriptError(message: string): Record<string, unknown> {
  return { type: 'System.Management.Automation.RuntimeException', message, hresult: -2146233087, category: 'OperationStopped' }
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
  const envelope = (error: Record<string, unknown>): PsRunOutcome => ({
    ok: true,
    stdout: `${sentinel}${JSON.stringify({ ok: false, error, languageMode: SIMULATED_LANGUAGE_MODE })}\n`,
    stderr: '',
    exitCode: null,
    durationMs,
  })
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
    case 'constrained-language':
      // What a probe that needs Full Language Mode answers on a PC locked down by AppLocker/WDAC.
      return {
        ok: true,
        stdout: `${sentinel}${JSON.stringify({
          ok: false,
          error: {
            type: 'System.Management.Automation.RuntimeException',
            message: parts?.message ?? 'Cannot invoke method. Method invocation is supported only on core types in this language mode.',
            errorId: 'MethodInvocationNotSupportedInConstrainedLanguage',
            category: 'InvalidOperation',
          },
          languageMode: 'ConstrainedLanguage',
        })}\n`,
        stderr: '',
        exitCode: null,
        durationMs,
      }
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
