import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import { FIX_SCRIPT_IDS, type FixScriptId } from '../../shared/repair/fix-scripts'
import { FIX_HELPER_SCRIPT_IDS, type FixHelperScriptId, type ScriptCatalog } from './script-catalog'
import { EMBEDDED_SHELL_SCRIPTS, embedShellScript } from './embed-shell-script'

/**
 * Reads scripts from the source tree (`electron/`), for Node hosts: demo server, CLIs, tests.
 * Every probe, fix and helper script is read up front, so a missing file fails at start, not
 * mid-scan or mid-repair.
 */
export function createFsScriptCatalog(electronDir: string): ScriptCatalog {
  const prelude = readFileSync(join(electronDir, 'powershell', 'prelude.ps1'), 'utf8')
  const probes = new Map<ProbeId, string>(
    PROBE_IDS.map((id) => {
      const body = readFileSync(join(electronDir, 'probes', 'scripts', `${id}.ps1`), 'utf8')
      const shell = EMBEDDED_SHELL_SCRIPTS[id]
      return [id, shell === undefined ? body : embedShellScript(body, readFileSync(join(electronDir, 'probes', 'scripts', shell), 'utf8'))]
    }),
  )
  const fixes = new Map<FixScriptId | FixHelperScriptId, string>(
    [...FIX_SCRIPT_IDS, ...FIX_HELPER_SCRIPT_IDS].map((id) => [id, readFileSync(join(electronDir, 'fixes', 'scripts', `${id}.ps1`), 'utf8')]),
  )
  const fixText = (id: FixScriptId | FixHelperScriptId): string => {
    const text = fixes.get(id)
    if (text === undefined) throw new Error(`no script for fix ${id}`)
    return text
  }
  return {
    prelude,
    probe(id) {
      const text = probes.get(id)
      if (text === undefined) throw new Error(`no script for probe ${id}`)
      return text
    },
    fix: fixText,
    helper: fixText,
  }
}
