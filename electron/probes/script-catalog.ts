import type { ProbeId } from '../../shared/probes/probe-ids'

/**
 * Where script text comes from.
 *
 * The Electron build embeds every `.ps1` into the main bundle inside app.asar
 * (`bundled-script-catalog.ts`), so no script is ever read from a user-writable place at run time
 * (engineering.md §4). Node tools (demo, CLI, tests) read the same files from the source tree.
 */
export interface ScriptCatalog {
  readonly prelude: string
  probe(id: ProbeId): string
}
