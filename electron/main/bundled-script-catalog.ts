/// <reference types="vite/client" />
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import { FIX_SCRIPT_IDS, type FixScriptId } from '../../shared/repair/fix-scripts'
import { FIX_HELPER_SCRIPT_IDS, type FixHelperScriptId, type ScriptCatalog } from '../probes/script-catalog'
import { EMBEDDED_SHELL_SCRIPTS, embedShellScript } from '../probes/embed-shell-script'

// Vite embeds the script text into the main bundle (inside app.asar): nothing is read from a
// user-writable place at run time, and an elevated script can never be swapped on disk.
const probes = import.meta.glob<string>('../probes/scripts/*.ps1', { query: '?raw', import: 'default', eager: true })
const fixes = import.meta.glob<string>('../fixes/scripts/*.ps1', { query: '?raw', import: 'default', eager: true })
const shellScripts = import.meta.glob<string>('../probes/scripts/*.sh', { query: '?raw', import: 'default', eager: true })
const prelude = import.meta.glob<string>('../powershell/prelude.ps1', { query: '?raw', import: 'default', eager: true })

/**
 * The script catalog of the Electron build. Throws at start if a probe, fix or helper has no
 * script, so a packaging mistake shows before any scan or repair runs (docs/knowledge/fixes.md#commands-privileges-and-side-effects).
 */
export function createBundledScriptCatalog(): ScriptCatalog {
  const byId = new Map<ProbeId, string>()
  for (const id of PROBE_IDS) {
    const text = probes[`../probes/scripts/${id}.ps1`]
    if (text === undefined) throw new Error(`probe script missing from the bundle: ${id}`)
    const shellFile = EMBEDDED_SHELL_SCRIPTS[id]
    if (shellFile === undefined) {
      byId.set(id, text)
      continue
    }
    const shell = shellScripts[`../probes/scripts/${shellFile}`]
    if (shell === undefined) throw new Error(`sh script missing from the bundle: ${shellFile}`)
    byId.set(id, embedShellScript(text, shell))
  }
  const fixById = new Map<FixScriptId | FixHelperScriptId, string>()
  for (const id of [...FIX_SCRIPT_IDS, ...FIX_HELPER_SCRIPT_IDS]) {
    const text = fixes[`../fixes/scripts/${id}.ps1`]
    if (text === undefined) throw new Error(`fix script missing from the bundle: ${id}`)
    fixById.set(id, text)
  }
  const preludeText = prelude['../powershell/prelude.ps1']
  if (preludeText === undefined) throw new Error('prelude.ps1 missing from the bundle')
  const fixText = (id: FixScriptId | FixHelperScriptId): string => {
    const text = fixById.get(id)
    if (text === undefined) throw new Error(`no script for fix ${id}`)
    return text
  }
  return {
    prelude: preludeText,
    probe(id) {
      const text = byId.get(id)
      if (text === undefined) throw new Error(`no script for probe ${id}`)
      return text
    },
    fix: fixText,
    helper: fixText,
  }
}
