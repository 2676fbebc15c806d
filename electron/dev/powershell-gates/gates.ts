import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MISSING_TOOLCHAIN, pwshPath } from '../powershell-toolchain/toolchain'

/**
 * The Node side of the PowerShell gates: hands every script to ONE pwsh process running
 * WndScriptGates.psm1 (PowerShell's own parser) and returns what it found.
 */

/** Which rules apply to a script. */
export type ScriptRole =
  /** Shipped to Windows: syntax, ASCII, no Invoke-Expression, Windows PowerShell 5.1, CLM. */
  | 'product'
  /** Pester tests and dev tooling run in pwsh 7 on our machines: syntax and ASCII only. */
  | 'tooling'

export interface GateItem {
  /** What problems are reported against: a path, or `composed:<what>` for generated text. */
  readonly name: string
  readonly text: string
  readonly role: ScriptRole
  /** Only the session command may evaluate a string (it is how a script reaches the session). */
  readonly allowInvokeExpression?: boolean
  /**
   * 1-based inclusive line ranges of text embedded verbatim from a file that is checked on its
   * own (prelude, probe and fix bodies): only syntax errors are reported there, so each problem
   * is reported once, at its source.
   */
  readonly skipLines?: ReadonlyArray<readonly [number, number]>
}

export interface GateProblem {
  readonly name: string
  readonly line: number
  readonly column: number
  readonly rule: string
  readonly message: string
  /** false: reported only (clm in report mode, or a script declared `# wnd-language: FullLanguage`). */
  readonly blocking: boolean
  /** The script declares `# wnd-language: FullLanguage -- <reason>`. */
  readonly fullLanguage: boolean
}

/**
 * 'report' while the scripts are being converted to Constrained Language Mode: clm problems are
 * printed but do not fail the run. Flip to 'block' once the conversions landed; scripts declared
 * `# wnd-language: FullLanguage -- <reason>` stay report-only either way.
 */
export type ClmMode = 'report' | 'block'
export const CLM_GATE_MODE: ClmMode = 'block'

const MODULE_DIR = __dirname

export class MissingToolchainError extends Error {
  constructor() {
    super(MISSING_TOOLCHAIN)
  }
}

/** Runs every gate over `items` in one pwsh process. Throws when pwsh is missing or crashes. */
export function runGates(items: readonly GateItem[], options: { readonly clmMode?: ClmMode } = {}): GateProblem[] {
  const pwsh = pwshPath()
  if (!existsSync(pwsh)) throw new MissingToolchainError()
  const dir = mkdtempSync(join(tmpdir(), 'wnd-gates-'))
  try {
    // A manifest file rather than stdin: pwsh -File reads stdin as commands on some hosts.
    const manifest = join(dir, 'manifest.json')
    writeFileSync(
      manifest,
      JSON.stringify(
        items.map((item) => ({
          name: item.name,
          text: item.text,
          productRules: item.role === 'product',
          allowInvokeExpression: item.allowInvokeExpression === true,
          skipLines: item.skipLines ?? [],
        })),
      ),
    )
    const mode = (options.clmMode ?? CLM_GATE_MODE) === 'block' ? 'Block' : 'Report'
    const result = spawnSync(pwsh, ['-NoProfile', '-NonInteractive', '-File', join(MODULE_DIR, 'run-gates.ps1'), '-Manifest', manifest, '-ClmMode', mode], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, NO_COLOR: '1', POWERSHELL_TELEMETRY_OPTOUT: '1', POWERSHELL_UPDATECHECK: 'Off' },
    })
    if (result.error) throw result.error
    if (result.status !== 0) {
      throw new Error(`pwsh gate run failed (exit ${result.status}): ${result.stderr.trim() || result.stdout.trim()}`)
    }
    const parsed: unknown = JSON.parse(result.stdout.trim() || '[]')
    const problems = (Array.isArray(parsed) ? parsed : [parsed]) as GateProblem[]
    return problems.sort((a, b) => a.name.localeCompare(b.name) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
