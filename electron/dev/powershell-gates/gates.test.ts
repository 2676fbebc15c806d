import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { MISSING_TOOLCHAIN, pwshPath } from '../powershell-toolchain/toolchain'
import { collectComposed } from './collect-composed'
import { collectFiles } from './collect-files'
import { runGates, type GateItem, type GateProblem } from './gates'

// Each test file starts pwsh as few times as it can: all planted scripts go in one run.
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..')
const TIMEOUT = 120_000

/** Planted constructs Windows PowerShell 5.1 cannot parse or run, and the rule each must trip. */
const PS7_ONLY: Record<string, [string, string]> = {
  ternary: ['$a = $b ? 1 : 2', 'ps7-only/ternary'],
  coalesce: ['$a = $b ?? 1', 'ps7-only/null-coalescing'],
  coalesceAssign: ['$a ??= 1', 'ps7-only/null-coalescing'],
  nullMember: ['$a = ${b}?.Name', 'ps7-only/null-conditional'],
  nullIndex: ['$a = ${b}?[0]', 'ps7-only/null-conditional'],
  chainAnd: ['Get-Item x && Write-Output y', 'ps7-only/pipeline-chain'],
  chainOr: ['Get-Item x || Write-Output y', 'ps7-only/pipeline-chain'],
  clean: ['function F { process { 1 } clean { 2 } }', 'ps7-only/clean-block'],
  parallel: ['1, 2 | ForEach-Object -Parallel { $_ }', 'ps7-only/parameter'],
  parallelAlias: ['1, 2 | % -Parallel { $_ }', 'ps7-only/parameter'],
  asHashtable: ["$a = ConvertFrom-Json '{}' -AsHashtable", 'ps7-only/parameter'],
  fromJsonDepth: ["$a = ConvertFrom-Json '{}' -Depth 3", 'ps7-only/parameter'],
  noEnumerate: ["$a = ConvertFrom-Json '[]' -NoEnumerate", 'ps7-only/parameter'],
  escapeHandling: ['$a = ConvertTo-Json 1 -EscapeHandling EscapeNonAscii', 'ps7-only/parameter'],
  asArray: ['$a = ConvertTo-Json 1 -AsArray', 'ps7-only/parameter'],
  getError: ['Get-Error', 'ps7-only/command'],
  joinString: ['$a = 1, 2 | Join-String', 'ps7-only/command'],
  testJson: ["Test-Json '{}'", 'ps7-only/command'],
  psStyle: ['$a = $PSStyle.Reset', 'ps7-only/variable'],
  isWindows: ['if ($IsWindows) { 1 }', 'ps7-only/variable'],
  isWindowsNot: ['if (-not $IsLinux) { 1 }', 'ps7-only/variable'],
  getContentBytes: ['$a = Get-Content x -AsByteStream', 'ps7-only/parameter'],
  setContentBytes: ['Set-Content x -Value $a -AsByteStream', 'ps7-only/parameter'],
  removeAlias: ['Remove-Alias x', 'ps7-only/command'],
  uptime: ['$a = Get-Uptime', 'ps7-only/command'],
  markdown: ['$a = ConvertFrom-Markdown -Path x', 'ps7-only/command'],
  irmAuth: ['Invoke-RestMethod -Uri x -Authentication Bearer', 'ps7-only/parameter'],
  irmSkipCert: ['Invoke-RestMethod -Uri x -SkipCertificateCheck', 'ps7-only/parameter'],
  utf8NoBom: ['Set-Content x -Value 1 -Encoding utf8NoBOM', 'ps7-only/encoding'],
  utf8NoBomColon: ['Out-File x -Encoding:utf8NoBOM', 'ps7-only/encoding'],
  unicodeEscape: ['$a = "`u{2195}"', 'ps7-only/unicode-escape'],
  background: ['Get-Item x &', 'ps7-only/background-operator'],
}

/** Uses Constrained Language Mode forbids (each verified on pwsh 7.6.10 in ConstrainedLanguage). */
const CLM: Record<string, [string, string]> = {
  toBase64: ['$a = [Convert]::ToBase64String($b)', 'clm/static-method'],
  utf8GetString: ['$a = [Text.Encoding]::UTF8.GetString($b)', 'clm/method'],
  consoleWrite: ["[Console]::Out.WriteLine('x')", 'clm/method'],
  scriptBlockCreate: ["$a = [ScriptBlock]::Create('1')", 'clm/static-method'],
  processStartInfo: ['$a = New-Object System.Diagnostics.ProcessStartInfo', 'clm/new-object'],
  fileExists: ["$a = [IO.File]::Exists('x')", 'clm/static-method'],
  bitConverter: ['$a = [BitConverter]::ToUInt32($b, 0)', 'clm/static-method'],
  folderPath: ["$a = [Environment]::GetFolderPath('UserProfile')", 'clm/static-method'],
  tempPath: ['$a = [IO.Path]::GetTempPath()', 'clm/static-method'],
  mathMax: ['$a = [Math]::Max(1, 2)', 'clm/static-method'],
  getEncoding: ['$a = [Text.Encoding]::GetEncoding(437)', 'clm/static-method'],
  pscustomobject: ['$a = [pscustomobject]@{ x = 1 }', 'clm/conversion'],
  exceptionGetType: ['try { 1 } catch { $a = $_.Exception.GetType().FullName }', 'clm/method'],
  consoleEncodingSet: ['[Console]::OutputEncoding = $b', 'clm/property-set'],
  addType: ["Add-Type -TypeDefinition 'x'", 'clm/add-type'],
  com: ['$a = New-Object -ComObject Shell.Application', 'clm/com'],
  genericNew: ['$a = [System.Collections.Generic.List[string]]::new()', 'clm/new-object'],
}

/** Everything here is fine in 5.1 AND in Constrained Language Mode (verified the same way). */
const CLEAN = [
  "$ErrorActionPreference = 'Stop'",
  '$a = ConvertFrom-Json \'{"x": 1}\'',
  "$b = 'abc'.ToUpperInvariant().Replace('A', 'b')",
  "$c = [regex]::Escape('a.b')",
  "$d = [int][char]'A'",
  "$e = '{0:x2}' -f 10",
  "$f = [guid]::NewGuid().ToString('N')",
  '$g = [Globalization.CultureInfo]::InvariantCulture',
  '$h = (Get-Date).ToString()',
  '$i = [ordered]@{ a = 1 }',
  '$j = [byte[]]::new(3)',
  "$k = [string]::Join(',', @('a', 'b'))",
  '$l = [NullString]::Value',
  '$m = [IO.FileAttributes]::ReparsePoint',
  "$n = [xml]'<a/>'",
  '$o = [char]0x4e2d',
  '$p = [datetime]::UtcNow',
  '$q = [timespan]::FromSeconds(3)',
  "$r = Get-Content -LiteralPath 'x' -Encoding Byte -Raw",
  '$s = New-Object PSObject -Property @{ a = 1 }',
  'try { $t = 1 } catch { $u = $_.Exception.Message; $v = $_.ToString() }',
  '$w = @(1, 2).Where({ $_ -gt 1 })',
  'if ($IsWindows -eq $false) { $w = 2 }',
  'if (Test-WndFullLanguage) { $x = [Convert]::ToBase64String($b) } else { $x = ConvertTo-WndBase64 -Bytes $b }',
  "if ($ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage') { [Console]::OutputEncoding = $y }",
  'if ((Test-WndFullLanguage) -and $null -ne $y) { $y = [Text.Encoding]::GetEncoding(437) }',
  'function F { if (-not (Test-WndFullLanguage)) { return G } ; $y = [IO.Path]::GetTempPath() }',
  "function H { Assert-WndFullLanguage -What 'x'; $y = [IO.Path]::GetTempPath() }",
  '$z = Get-Content x -AsByteStream # wnd-gate: allow ps7-only -- only reached on PowerShell 6+',
  'return [ordered]@{ a = $a }',
].join('\n')

const product = (name: string, text: string, extra: Partial<GateItem> = {}): GateItem => ({ name, text, role: 'product', ...extra })

let planted: GateProblem[] = []
const problemsOf = (name: string) => planted.filter((p) => p.name === name)

beforeAll(() => {
  // Never a silent skip: a machine without the toolchain fails here, saying how to install it.
  if (!existsSync(pwshPath())) throw new Error(MISSING_TOOLCHAIN)
  const items: GateItem[] = [
    ...Object.entries(PS7_ONLY).map(([name, [code]]) => product(`ps7:${name}`, `${code}\n`)),
    ...Object.entries(CLM).map(([name, [code]]) => product(`clm:${name}`, `${code}\n`)),
    product('clean', `${CLEAN}\n`),
    product('syntax', '$text = "unterminated\nWrite-Output $text\n'),
    product('try-without-catch', 'try { $a = 1 }\n'),
    product('non-ascii', "$a = 'caf\u00e9'\n"),
    product('bom', '\ufeff$a = 1\n'),
    product('iex', "Invoke-Expression 'x'\n$b = 'y' | iex\n"),
    product('iex-allowed', "& { Invoke-Expression (@('1') -join [char]10) }\n", { allowInvokeExpression: true }),
    product('full-language', "# wnd-language: FullLanguage -- needs the .NET pipe client\n$a = [IO.File]::Exists('x')\n"),
    product('bad-marker', '$a = $b ?? 1 # wnd-gate: allow ps7-only\n'),
    product('guard-else', 'if (-not (Test-WndFullLanguage)) { $a = 1 } else { $b = 2 }\n$c = [Math]::Max(1, 2)\n'),
    product('tooling', "$a = $b ? 1 : 2\n$c = [IO.File]::Exists('x')\n", { role: 'tooling' }),
    product('composed', '$x = 1\n$a = [Math]::Max(1, 2)\n$y = [IO.Path]::GetTempPath()\n', { skipLines: [[2, 2]] }),
  ]
  // Block mode, to test what will block once the CLM conversions land.
  planted = runGates(items, { clmMode: 'block' })
}, TIMEOUT)

describe('Windows PowerShell 5.1 gate', () => {
  it.each(Object.entries(PS7_ONLY))('rejects %s', (name, [, rule]) => {
    expect(problemsOf(`ps7:${name}`).map((p) => [p.rule, p.blocking])).toContainEqual([rule, true])
  })
})

describe('Constrained Language Mode gate', () => {
  it.each(Object.entries(CLM))('flags %s', (name, [, rule]) => {
    expect(problemsOf(`clm:${name}`).map((p) => [p.rule, p.blocking])).toContainEqual([rule, true])
  })

  it('reports but does not block a script declared FullLanguage', () => {
    expect(problemsOf('full-language').map((p) => [p.rule, p.blocking, p.fullLanguage])).toEqual([['clm/static-method', false, true]])
  })
})

describe('project rules', () => {
  it('passes a clean script (5.1 and CLM safe, guarded branches, a marked exception)', () => {
    expect(problemsOf('clean')).toEqual([])
  })

  it('fails a syntax error, at its position', () => {
    expect(problemsOf('syntax').map((p) => [p.rule, p.line])).toEqual([['syntax', 1]])
  })

  it("fails try without catch or finally (PowerShell's own parser error)", () => {
    expect(problemsOf('try-without-catch').map((p) => p.rule)).toEqual(['syntax'])
    expect(problemsOf('try-without-catch')[0]?.message).toMatch(/MissingCatchOrFinally/)
  })

  it('fails non-ASCII text and a byte order mark', () => {
    expect(problemsOf('non-ascii').map((p) => [p.rule, p.line, p.column])).toEqual([['non-ascii', 1, 10]])
    expect(problemsOf('bom').map((p) => p.rule)).toEqual(['non-ascii'])
  })

  it('bans Invoke-Expression except where allowed (the session command)', () => {
    expect(problemsOf('iex').map((p) => [p.rule, p.line])).toEqual([
      ['invoke-expression/call', 1],
      ['invoke-expression/call', 2],
    ])
    expect(problemsOf('iex-allowed')).toEqual([])
  })

  it('reports a malformed opt-out marker and does not honour it', () => {
    expect(
      problemsOf('bad-marker')
        .map((p) => p.rule)
        .sort(),
    ).toEqual(['gate-marker', 'ps7-only/null-coalescing'])
  })

  it('does not treat an if without return as a guard', () => {
    expect(problemsOf('guard-else').map((p) => [p.rule, p.line])).toEqual([['clm/static-method', 2]])
  })

  it('applies only syntax and ASCII to tooling', () => {
    expect(problemsOf('tooling')).toEqual([])
  })

  it('judges only the glue of composed text (embedded lines are checked in their file)', () => {
    expect(problemsOf('composed').map((p) => [p.rule, p.line])).toEqual([['clm/static-method', 3]])
  })
})

describe('the repository', () => {
  it(
    'passes every blocking gate: all .ps1 under electron/ and every composed script',
    () => {
      const files = collectFiles([path.join(REPO_ROOT, 'electron')], REPO_ROOT)
      const composed = collectComposed(path.join(REPO_ROOT, 'electron'))
      expect(composed.failures).toEqual([])
      // Sanity: the gate saw probes, fixes, the session command and the elevation scripts.
      const names = composed.items.map((i) => i.name)
      expect(names).toEqual(
        expect.arrayContaining([
          'composed:probe/windows-version',
          'composed:fix-batch',
          'composed:session-command',
          'composed:elevation/bootstrap',
          'composed:elevation/launcher',
        ]),
      )
      const problems = [...files.problems, ...runGates([...files.items, ...composed.items])]
      expect(problems.filter((p) => p.blocking).map((p) => `${p.name}:${p.line}:${p.column} ${p.rule} ${p.message}`)).toEqual([])
    },
    TIMEOUT,
  )

  it(
    'the CLI fails on a planted script and names the problem (what .ci/run relies on)',
    () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'wnd-planted-'))
      try {
        const file = path.join(dir, 'planted.ps1')
        writeFileSync(file, '$text = "unterminated\nWrite-Output $text\n')
        const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'run-gates.ts'), file], { encoding: 'utf8', cwd: REPO_ROOT })
        expect(run.status, run.stderr).toBe(1)
        expect(run.stdout).toMatch(/planted\.ps1:1:\d+ syntax /)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
    TIMEOUT,
  )
})
