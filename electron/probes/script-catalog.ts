import type { ProbeId } from '../../shared/probes/probe-ids'
import type { FixScriptId } from '../../shared/repair/fix-scripts'

/**
 * Helper scripts of the repair flow that are not fixes (not in FIX_SCRIPTS): `boot-time` reads
 * `LastBootUpTime`, so the app can tell after resuming that Windows really restarted;
 * `register-resume` and `restart-computer` restart Windows and bring the app back
 * (docs/architecture.md#restart-and-resume). They live next to the fix scripts in
 * `electron/fixes/scripts/`; the simulated PC answers them as `fix:<id>`.
 */
export const FIX_HELPER_SCRIPT_IDS = ['boot-time', 'register-resume', 'restart-computer'] as const
export type FixHelperScriptId = (typeof FIX_HELPER_SCRIPT_IDS)[number]

/**
 * Where script text comes from.
 *
 * The Electron build embeds every `.ps1` into the main bundle inside app.asar
 * (`bundled-script-catalog.ts`), so no script is ever read from a user-writable place at run time
 * (docs/security.md#elevation). Node tools (demo, CLI, tests) read the same files from the source tree.
 * Probes live in `electron/probes/scripts/`, fixes and their helpers in `electron/fixes/scripts/`
 * (one file per id of `shared/repair/fix-scripts.ts`).
 */
export interface ScriptCatalog {
  readonly prelude: string
  probe(id: ProbeId): string
  /** The body of one fix script (docs/knowledge/fixes.md#commands-privileges-and-side-effects): composed like a probe, returns a StepResult. */
  fix(id: FixScriptId): string
  /** The body of one helper script of the repair flow (see FIX_HELPER_SCRIPT_IDS). */
  helper(id: FixHelperScriptId): string
}
