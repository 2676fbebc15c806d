/**
 * TEST SUPPORT: the shape of product scripts as PowerShell's own parser sees it (script-shape.ps1):
 * the keys of the final `return [ordered]@{ ... }`, of every such return, and of every undo record.
 * Replaces a hand-written tokenizer: the parser that runs the scripts is the one that reads them.
 * All scripts of a test file are read by one pwsh process (starting pwsh takes about a second).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { MISSING_TOOLCHAIN, pwshPath } from '../../dev/powershell-toolchain/toolchain'

const ScriptShape = z.object({
  name: z.string(),
  /** Why the script does not follow the contract; null when it does. */
  error: z.string().nullable(),
  finalKeys: z.array(z.string()),
  returns: z.array(z.array(z.string())),
  undos: z.array(z.object({ kind: z.string().nullable(), keys: z.array(z.string()) })),
})
export type ScriptShape = z.infer<typeof ScriptShape>

export function readScriptShapes(scripts: ReadonlyArray<{ readonly name: string; readonly text: string }>): Map<string, ScriptShape> {
  const pwsh = pwshPath()
  if (!existsSync(pwsh)) throw new Error(MISSING_TOOLCHAIN)
  const dir = mkdtempSync(join(tmpdir(), 'wnd-shape-'))
  try {
    const manifest = join(dir, 'manifest.json')
    writeFileSync(manifest, JSON.stringify(scripts))
    const result = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-File', join(__dirname, 'script-shape.ps1'), '-Manifest', manifest], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' },
    })
    if (result.error) throw result.error
    if (result.status !== 0) throw new Error(`script-shape.ps1 failed (exit ${result.status}): ${result.stderr.trim() || result.stdout.trim()}`)
    const shapes = z.array(ScriptShape).parse(JSON.parse(result.stdout.trim()))
    return new Map(shapes.map((shape) => [shape.name, shape]))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Differences between the keys a script returns and the keys a schema declares. */
export function compareKeys(
  scriptKeys: readonly string[],
  schemaKeys: readonly string[],
): {
  missingInScript: string[]
  extraInScript: string[]
  duplicatesInScript: string[]
} {
  const script = new Set(scriptKeys)
  const schema = new Set(schemaKeys)
  return {
    missingInScript: [...schema].filter((k) => !script.has(k)).sort(),
    extraInScript: [...script].filter((k) => !schema.has(k)).sort(),
    duplicatesInScript: scriptKeys.filter((k, idx) => scriptKeys.indexOf(k) !== idx),
  }
}
