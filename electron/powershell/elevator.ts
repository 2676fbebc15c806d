import type { ElevatedProgress } from './elevation/progress'
import type { PsScript } from './host'

/**
 * Runs one script with administrator rights behind exactly one UAC prompt (docs/security.md#elevation).
 *
 * Two implementations: `UacElevator` (a one-shot, unelevated `powershell.exe` starts an elevated
 * one with the `runas` verb; the script and its results travel over a named pipe, checked by hash
 * and nonce) and the simulated PC, which applies the steps to its state. Never rejects.
 */
export interface Elevator {
  runElevated(script: PsScript, options: ElevatedRunOptions): Promise<ElevatedOutcome>
}

export interface ElevatedRunOptions {
  /**
   * From the moment the UAC prompt is shown until the elevated side answers (the user may take a
   * while to decide); also the inactivity limit when `inactivityTimeoutMs` is not given.
   */
  readonly timeoutMs: number
  /**
   * Once elevated, the longest silence allowed: every sign of life (the script's delivery, each
   * progress event) restarts it, so a run that keeps reporting is never cut off by a wall clock.
   * Must exceed the longest single step. Default `timeoutMs`.
   */
  readonly inactivityTimeoutMs?: number
  /** Each progress event of the elevated script, as it arrives (elevation/progress.ts). */
  readonly onProgress?: (event: ElevatedProgress) => void
  /**
   * Runs once elevation was granted and before the elevated script starts: the unelevated steps
   * that must come first (e.g. `wsl --shutdown` before deleting WSL's network). Declining UAC thus
   * leaves everything untouched. Returning 'abort' ends the elevated side without running it.
   */
  readonly beforeRun?: () => Promise<'continue' | 'abort'>
}

export type ElevatedOutcome =
  /** The elevated script ran and sent back its output (the composed script's envelope line). */
  | { readonly kind: 'completed'; readonly stdout: string; readonly exitCode: number | null; readonly durationMs: number }
  /** The user declined the UAC prompt (Win32 1223, ERROR_CANCELLED): nothing ran. */
  | { readonly kind: 'declined'; readonly durationMs: number }
  /** Elevation could not start for another reason (policy, no admin account…): nothing ran. */
  | { readonly kind: 'failed'; readonly detail: string; readonly durationMs: number }
  /** The elevated process ran but no valid result came back: what ran is unknown; re-probe. */
  | { readonly kind: 'no-result'; readonly exitCode: number | null; readonly detail: string; readonly durationMs: number }
  /** No answer to the prompt within `timeoutMs`, or silence for `inactivityTimeoutMs` after it: the limit that expired. */
  | { readonly kind: 'timeout'; readonly timeoutMs: number; readonly durationMs: number }
  /** `beforeRun` said abort: elevation was granted, nothing elevated ran. */
  | { readonly kind: 'aborted'; readonly durationMs: number }
