/// <reference types="vite/client" />
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import type { ScriptCatalog } from '../probes/script-catalog'

// Vite embeds the script text into the main bundle (inside app.asar): nothing is read from a
// user-writable place at run time, and an elevated script can never be swapped on disk.
const probes = import.meta.glob<string>('../probes/scripts/*.ps1', { query: '?raw', import: 'default', eager: true })
const prelude = import.meta.glob<string>('../powershell/prelude.ps1', { query: '?raw', import: 'default', eager: true })

/** The script catalog of the Electron build. Throws at start if a probe has no script. */
export function createBundledScriptCatalog(): ScriptCatalog {
  const byId = new Map<ProbeId, string>()
  for (const id of PROBE_IDS) {
    const text = probes[`../probes/scripts/${id}.ps1`]
    if (text === undefined) throw new Error(`probe script missing from the bundle: ${id}`)
    byId.set(id, text)
  }
  const preludeText = prelude['../powershell/prelude.ps1']
  if (preludeText === undefined) throw new Error('prelude.ps1 missing from the bundle')
  return {
    prelude: preludeText,
    probe(id) {
      const text = byId.get(id)
      if (text === undefined) throw new Error(`no script for probe ${id}`)
      return text
    },
  }
}
