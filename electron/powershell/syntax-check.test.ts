import { beforeAll, describe, expect, it } from 'vitest'
import { checkPowerShellSyntax, type SyntaxIssue } from './syntax-check'

// A realistic probe: param block, here-string, hashtables, try/catch/finally with a typed
// catch, switch with one clause per line, pipelines, a comment that mentions Invoke-Expression.
const VALID_PROBE = `#Requires -Version 5.1
<#
.SYNOPSIS
  Probe: WSL virtual switch, NAT and DNS state. Emits one JSON object on stdout.
#>
[CmdletBinding()]
param(
  [string]$Distro = 'Ubuntu',
  [int]$TimeoutSeconds = 5
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Get-WslAdapterInfo {
  param([string]$Pattern = 'vEthernet (WSL*')
  $adapters = @(Get-NetAdapter -IncludeHidden -ErrorAction SilentlyContinue |
    Where-Object { $_.Name -like $Pattern })
  foreach ($adapter in $adapters) {
    [pscustomobject]@{
      Name   = $adapter.Name
      Status = "$($adapter.Status)"
    }
  }
}

$result = [ordered]@{ probe = 'wsl-network'; adapters = @(); nat = $null; errors = @() }

try {
  $result.adapters = @(Get-WslAdapterInfo)
} catch {
  $result.errors += "adapters: $($_.Exception.Message)"
}

try {
  $nat = Get-NetNat -ErrorAction SilentlyContinue
  if ($null -ne $nat -and $nat.Count -gt 0) {
    $result.nat = $nat | Select-Object -Property 'Name','InternalIPInterfaceAddressPrefix'
  } elseif ($TimeoutSeconds -le 0) {
    throw 'invalid timeout'
  } else {
    $result.nat = 'none'
  }
}
catch [System.Management.Automation.CommandNotFoundException] {
  $result.errors += 'Get-NetNat unavailable'
}
finally {
  Write-Verbose 'nat probe done'
}

$mode = (Get-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss' -ErrorAction SilentlyContinue).NetworkingMode
switch ($mode) {
  'mirrored' { $result.mode = 'mirrored' }
  'nat' { $result.mode = 'nat' }
  default { $result.mode = 'unknown' }
}

$note = @"
Distro: $Distro { unbalanced braces inside a here-string are fine
"@
Write-Verbose $note

# Never Invoke-Expression here: we build no code from strings.
Write-Verbose 'iex is banned'
$result | ConvertTo-Json -Depth 4 -Compress
exit 0
`

/** Replace the line at 1-based `line` of the valid probe, so each defect sits at a known place. */
function plant(line: number, text: string): string {
  const lines = VALID_PROBE.split('\n')
  lines.splice(line - 1, 1, text)
  return lines.join('\n')
}

function summary(issues: SyntaxIssue[]): string[] {
  return issues.map((i) => `${i.kind}@${i.line}:${i.column}`)
}

// Line 13 of VALID_PROBE is `$ErrorActionPreference = 'Stop'`, a plain top-level statement.
const LINE = 13

describe('checkPowerShellSyntax', () => {
  beforeAll(async () => {
    // First call compiles the grammar wasm; keep that out of the per-test timeout.
    await checkPowerShellSyntax('')
  }, 30_000)

  it('accepts a realistic, valid probe script', async () => {
    expect(VALID_PROBE.split('\n')[LINE - 1]).toBe("$ErrorActionPreference = 'Stop'")
    expect(await checkPowerShellSyntax(VALID_PROBE)).toEqual([])
  })

  it('accepts CRLF line endings', async () => {
    expect(await checkPowerShellSyntax(VALID_PROBE.replace(/\n/g, '\r\n'))).toEqual([])
  })

  it('reports an unclosed brace at the opening brace', async () => {
    const issues = await checkPowerShellSyntax(plant(LINE, 'if ($true) {'))
    expect(summary(issues)).toEqual([`missing-token@${LINE}:12`])
    expect(issues[0]?.message).toMatch(/'\{' is never closed/)
  })

  it('reports an unterminated string on the line where it starts', async () => {
    // The open quote swallows code up to the next `"` (line 22), where tree-sitter's ERROR
    // lands; the string hint points back at the real culprit.
    const issues = await checkPowerShellSyntax(plant(LINE, '$ErrorActionPreference = "Stop'))
    expect(issues[0]).toMatchObject({ kind: 'syntax-error', line: LINE, column: 26 })
    expect(issues[0]?.message).toMatch(/unterminated quote/)
    expect(issues.length).toBeGreaterThan(1)
  })

  it('reports an unterminated single-quoted string on its line', async () => {
    const issues = await checkPowerShellSyntax(plant(LINE, "$ErrorActionPreference = 'Stop"))
    expect(issues.length).toBeGreaterThan(0)
    expect(issues[0]).toMatchObject({ kind: 'syntax-error', line: LINE })
  })

  it('reports a broken if condition', async () => {
    const issues = await checkPowerShellSyntax(plant(LINE, 'if ('))
    expect(issues.length).toBeGreaterThan(0)
    expect(issues[0]).toMatchObject({ kind: 'syntax-error', line: LINE, column: 1 })
  })

  it('reports an incomplete comparison inside if', async () => {
    const issues = await checkPowerShellSyntax(plant(LINE, 'if ($x -eq ) { $y = 1 }'))
    expect(issues.map((i) => i.line)).toContain(LINE)
    expect(issues.every((i) => i.kind === 'syntax-error' || i.kind === 'missing-token')).toBe(true)
  })

  it('reports try without catch or finally, which the grammar accepts', async () => {
    const issues = await checkPowerShellSyntax(plant(LINE, 'try { $x = 1 }'))
    expect(summary(issues)).toEqual([`try-without-handler@${LINE}:1`])
  })

  it('accepts try followed by only finally, across newlines and a comment', async () => {
    const source = plant(LINE, 'try { $x = 1 }\n# cleanup\n\nfinally { $x = 0 }')
    expect(await checkPowerShellSyntax(source)).toEqual([])
  })

  it('reports a non-ASCII character with its column', async () => {
    const issues = await checkPowerShellSyntax(plant(LINE, "$ErrorActionPreference = 'St\u00f6p' # \u2014"))
    expect(summary(issues)).toEqual([`non-ascii@${LINE}:29`])
    expect(issues[0]?.message).toContain('U+00F6')
    expect(issues[0]?.message).toContain('2 on this line')
  })

  it('reports a byte order mark as non-ASCII', async () => {
    const issues = await checkPowerShellSyntax(`\ufeff${VALID_PROBE}`)
    expect(issues.some((i) => i.kind === 'non-ascii' && i.line === 1 && i.column === 1)).toBe(true)
  })

  it('reports Invoke-Expression and iex in every command form, but not in comments or strings', async () => {
    const source = plant(LINE, [
      '$s | Invoke-Expression',
      'IEX $s',
      "& 'iex' $s",
      'Microsoft.PowerShell.Utility\\Invoke-Expression -Command $s',
      'Set-Alias run Invoke-Expression',
    ].join('\n'))
    const issues = await checkPowerShellSyntax(source)
    expect(summary(issues)).toEqual([
      `invoke-expression@${LINE}:6`,
      `invoke-expression@${LINE + 1}:1`,
      `invoke-expression@${LINE + 2}:3`,
      `invoke-expression@${LINE + 3}:1`,
      `invoke-expression@${LINE + 4}:15`,
    ])
  })

  it('does not flag commands that merely contain the name', async () => {
    const source = plant(LINE, 'Invoke-ExpressionLogger -Name iex-report; Get-Item ./iex.txt')
    expect(await checkPowerShellSyntax(source)).toEqual([])
  })

  it('reports every defect of a file, sorted by position', async () => {
    const lines = VALID_PROBE.split('\n')
    lines.splice(LINE - 1, 1, 'try { 1 }', "Write-Output '\u00e9'", 'iex $s')
    const issues = await checkPowerShellSyntax(lines.join('\n'))
    expect(summary(issues)).toEqual([
      `try-without-handler@${LINE}:1`,
      `non-ascii@${LINE + 1}:15`,
      `invoke-expression@${LINE + 2}:1`,
    ])
  })

  // Documents a known grammar false positive (toolchain.md). If tree-sitter-powershell fixes
  // it, this test fails and the workaround note can go.
  it('still flags several switch clauses on one line (known false positive)', async () => {
    const issues = await checkPowerShellSyntax(plant(LINE, 'switch ($x) { 1 { $a = 1 } 2 { $a = 2 } }'))
    expect(issues.map((i) => i.line)).toEqual([LINE])
    expect(issues[0]?.kind).toBe('missing-token')
  })
})
