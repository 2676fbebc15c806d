/**
 * TEST SUPPORT: runs the product's real probe and fix scripts in the project's real PowerShell 7
 * (`npm run setup:powershell`), composed exactly as the app composes them (composeScript +
 * prelude + body, sent through the real NodePowerShellHost and node-powershell), with Windows
 * faked at its edges by fake-windows.ps1 — in Full and in Constrained Language Mode.
 *
 * What this cannot show (PowerShell 7 on Linux is not Windows PowerShell 5.1): 5.1's own parser
 * and cmdlet behaviour, real CIM/registry/event providers, code pages of a real console. Those are
 * covered by the 5.1 gate (electron/dev/powershell-gates) and the Windows workflow.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MISSING_TOOLCHAIN, pwshPath } from '../../dev/powershell-toolchain/toolchain'
import { createFsScriptCatalog } from '../../probes/fs-script-catalog'
import type { ScriptCatalog } from '../../probes/script-catalog'
import { composeScript } from '../compose-script'
import { readEnvelope, type EnvelopeReading } from '../envelope'
import { NodePowerShellHost, createShellFactory } from '../node-powershell-host'
import { asciiJson } from '../ps-literal'

// PowerShell 7 on Linux keeps one JIT start-up profile per user (~/.cache/powershell/
// StartupProfileData-NonInteractive) and every pwsh process rewrites it. With many pwsh processes
// at once (two test workers, CI beside a developer's run) the file was once left corrupt, and from
// then on every pwsh start died ("The given assembly name was invalid"). Each test worker gets its
// own cache folder (PowerShell reads XDG_CACHE_HOME), so no run can break another.
process.env['XDG_CACHE_HOME'] = mkdtempSync(join(tmpdir(), 'wnd-pwsh-cache-'))

export type LanguageMode = 'FullLanguage' | 'ConstrainedLanguage'

/**
 * The Windows workflow also runs the suites with `__PSLockdownPolicy=4`, which starts every new
 * Windows PowerShell session in Constrained Language Mode as a policy would: then both sessions are
 * in that mode, and only that mode is tested.
 */
export const SESSIONS_START_CONSTRAINED = process.env['__PSLockdownPolicy'] === '4'
export const LANGUAGE_MODES: readonly LanguageMode[] = SESSIONS_START_CONSTRAINED ? ['ConstrainedLanguage'] : ['FullLanguage', 'ConstrainedLanguage']

/** Enters the mode by setting it (how a test can) unless the session already started in it. */
export const ENTER_CONSTRAINED_LANGUAGE =
  "if ($ExecutionContext.SessionState.LanguageMode -ne 'ConstrainedLanguage') { $ExecutionContext.SessionState.LanguageMode = 'ConstrainedLanguage' }"

/** One rule of a faked command (see fake-windows.ps1 for the matching). */
export interface FakeRule {
  readonly match?: Readonly<Record<string, string | number | boolean>>
  readonly result?: unknown
  readonly throw?: { readonly errorId: string; readonly message: string; readonly category?: string }
}

export interface FakeCommand {
  readonly rules: readonly FakeRule[]
  /** No rule matched: run the real cmdlet (for real files in a temp folder). */
  readonly passThrough?: boolean
}

/** A recorded Windows: what each faked command answers. `source` cites where the outputs come from. */
export interface FakeWindows {
  readonly source: string | readonly string[]
  readonly env?: Readonly<Record<string, string>>
  readonly commands: Readonly<Record<string, FakeCommand>>
}

/** A recorded native run, written as text in its real encoding (converted to the bytes the program wrote). */
export interface RecordedNative {
  readonly exitCode: number | null
  readonly stdout?: string
  readonly stderr?: string
  /** How the program wrote its output: wsl.exe without WSL_UTF8 writes UTF-16LE, no BOM. */
  readonly encoding: 'utf16le' | 'utf8' | 'gbk' | 'ascii'
  readonly timedOut?: boolean
}

/** Bytes as the program wrote them. GBK is encoded through a reverse table of TextDecoder('gbk'). */
export function nativeBytes(text: string, encoding: RecordedNative['encoding']): Buffer {
  switch (encoding) {
    case 'utf16le':
      return Buffer.from(text, 'utf16le')
    case 'utf8':
      return Buffer.from(text, 'utf8')
    case 'ascii':
      if (!/^[\x00-\x7f]*$/.test(text)) throw new Error('ascii output with non-ASCII text')
      return Buffer.from(text, 'latin1')
    case 'gbk':
      return encodeGbk(text)
  }
}

let gbkTable: Map<string, Buffer> | undefined
function encodeGbk(text: string): Buffer {
  if (gbkTable === undefined) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gbk', { fatal: true })
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const bytes = Buffer.from([lead, trail])
        try {
          const char = decoder.decode(bytes)
          if (!gbkTable.has(char)) gbkTable.set(char, bytes)
        } catch {
          // not a GBK pair
        }
      }
    }
  }
  const parts: Buffer[] = []
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) parts.push(Buffer.from(char, 'latin1'))
    else {
      const bytes = gbkTable.get(char)
      if (bytes === undefined) throw new Error(`not encodable in GBK: ${char}`)
      parts.push(bytes)
    }
  }
  return Buffer.concat(parts)
}

/** The result object the prelude's Invoke-WndNative returns, for a fake rule. */
export function nativeResult(recorded: RecordedNative): Record<string, unknown> {
  return {
    exitCode: recorded.exitCode,
    timedOut: recorded.timedOut ?? false,
    stdoutBase64: nativeBytes(recorded.stdout ?? '', recorded.encoding).toString('base64'),
    stderrBase64: nativeBytes(recorded.stderr ?? '', recorded.encoding).toString('base64'),
  }
}

export interface ScriptRun {
  readonly reading: EnvelopeReading
  readonly stdout: string
  readonly stderr: string
  /** Calls the script made to faked commands, in order. */
  readonly calls: readonly FakeCall[]
}

export interface FakeCall {
  readonly name: string
  readonly arguments: Record<string, unknown>
  readonly positional: readonly unknown[]
}

const electronDir = join(__dirname, '..', '..')
const fakeWindowsText = readFileSync(join(__dirname, 'fake-windows.ps1'), 'utf8')

/**
 * Two real PowerShell sessions (one per language mode), reused across a test file like the app
 * reuses its session. Constrained Language Mode is entered the way a test can: by setting it at
 * session start. The fakes are then defined in that mode too, as product code would be.
 */
export class PwshHarness {
  readonly catalog: ScriptCatalog = createFsScriptCatalog(electronDir)
  private readonly hosts = new Map<LanguageMode, NodePowerShellHost>()

  constructor() {
    if (!existsSync(pwshPath())) throw new Error(MISSING_TOOLCHAIN)
  }

  private host(mode: LanguageMode): NodePowerShellHost {
    let host = this.hosts.get(mode)
    if (host === undefined) {
      const setup = mode === 'ConstrainedLanguage' ? ENTER_CONSTRAINED_LANGUAGE : undefined
      host = new NodePowerShellHost(createShellFactory({ executable: pwshPath() }), setup === undefined ? {} : { setup })
      this.hosts.set(mode, host)
    }
    return host
  }

  /** Runs a script body composed as the app composes it, with `fake` at Windows' edges. */
  async run(options: {
    readonly id: string
    readonly body: string
    readonly fake: FakeWindows
    readonly mode: LanguageMode
    readonly input?: unknown
    readonly timeoutMs?: number
    /** More TEST SUPPORT PowerShell composed after fake-windows.ps1 (e.g. a fake for one area). */
    readonly extraFakes?: string
  }): Promise<ScriptRun> {
    const envLines = Object.entries(options.fake.env ?? {}).map(
      ([name, value]) => `Set-Item -LiteralPath 'Env:${name.replace(/[^A-Za-z0-9_]/g, '')}' -Value (ConvertFrom-Json '${asciiJson(value)}')`,
    )
    const fakePrelude = [
      this.catalog.prelude,
      `$WndFake = ConvertFrom-Json '${asciiJson({ commands: options.fake.commands })}'`,
      ...envLines,
      fakeWindowsText,
      options.extraFakes ?? '',
    ].join('\n')
    const script = composeScript({ id: options.id, body: options.body, prelude: fakePrelude, input: options.input ?? null })
    const host = this.host(options.mode)
    const outcome = await host.run(script, { timeoutMs: options.timeoutMs ?? 60_000 })
    if (!outcome.ok) throw new Error(`PowerShell host failed: ${JSON.stringify(outcome.error)}`)
    const reading = readEnvelope(outcome.stdout, script.sentinel)
    const callsScript = composeScript({ id: 'calls', body: 'return ,@($global:WndFakeCalls)', prelude: '' })
    // A test that counts calls must never see "no calls" because reading them failed: say why instead.
    const callsOutcome = await host.run(callsScript, { timeoutMs: 60_000 })
    if (!callsOutcome.ok) throw new Error(`could not read the fake's call log: ${JSON.stringify(callsOutcome.error)}`)
    const callsReading = readEnvelope(callsOutcome.stdout, callsScript.sentinel)
    if (callsReading.kind !== 'data' || !Array.isArray(callsReading.data)) {
      throw new Error(`the fake's call log is not a list (${callsReading.kind}): ${callsOutcome.stdout.slice(0, 500)}`)
    }
    return { reading, stdout: outcome.stdout, stderr: outcome.stderr, calls: callsReading.data as FakeCall[] }
  }

  /** A probe script from the catalog. */
  runProbe(probeId: Parameters<ScriptCatalog['probe']>[0], fake: FakeWindows, mode: LanguageMode): Promise<ScriptRun> {
    return this.run({ id: probeId, body: this.catalog.probe(probeId), fake, mode })
  }

  /** A fix (or fix helper) script from the catalog with its input. */
  runFix(scriptId: Parameters<ScriptCatalog['fix']>[0], input: unknown, fake: FakeWindows, mode: LanguageMode): Promise<ScriptRun> {
    return this.run({ id: `fix:${scriptId}`, body: this.catalog.fix(scriptId), fake, mode, input })
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((host) => host.dispose()))
    this.hosts.clear()
  }
}
