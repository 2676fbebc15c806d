/**
 * The one door to Windows: everything that runs PowerShell goes through this interface.
 *
 * Two implementations: `NodePowerShellHost` (Windows PowerShell 5.1 via node-powershell) and
 * `SimulatedPcHost` (a scenario file answering scripts by id), so every caller above this line runs
 * unchanged in tests, in the demo and on a real PC.
 */
export interface PowerShellHost {
  readonly kind: 'windows' | 'simulated'
  /** Runs one script. Never rejects: failures of the host itself come back as `PsHostFailure`. */
  run(script: PsScript, options: PsRunOptions): Promise<PsRunOutcome>
  /** Ends any PowerShell process the host keeps. */
  dispose(): Promise<void>
}

/**
 * A script ready to run: its id (what the simulated PC answers by), its full text (what Windows
 * runs) and the data it was given (already embedded in `text` as base64 JSON; kept here decoded
 * for the simulator and for logs). `sentinel` prefixes the JSON envelope line in the output.
 */
export interface PsScript {
  readonly id: string
  readonly text: string
  readonly input: unknown
  readonly sentinel: string
}

export interface PsRunOptions {
  readonly timeoutMs: number
  readonly signal?: AbortSignal
}

export type PsRunOutcome = PsRunSuccess | PsHostFailure

/** The script ran to the end (it may still have reported an error inside its envelope). */
export interface PsRunSuccess {
  readonly ok: true
  readonly stdout: string
  readonly stderr: string
  /** Null in a persistent session, where a script has no process exit code of its own. */
  readonly exitCode: number | null
  readonly durationMs: number
}

/** The host could not give an answer. */
export interface PsHostFailure {
  readonly ok: false
  readonly error: PsHostError
  readonly durationMs: number
}

export type PsHostError =
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'process-died'; readonly detail: string }
  | { readonly kind: 'not-available'; readonly detail: string }
