import { randomBytes } from 'node:crypto'
import type { PsScript } from './host'
import { asciiJson } from './ps-literal'

/**
 * Wraps a script body into the text PowerShell runs — in Full and in Constrained Language Mode.
 *
 * - Data arrives as `$WndInput`, parsed by `ConvertFrom-Json` from an ASCII-escaped JSON literal
 *   (ps-literal.ts): nothing untrusted is spliced in as code, and no .NET call is needed to decode
 *   it, so the same text runs under AppLocker/WDAC's Constrained Language Mode.
 * - `$ErrorActionPreference = 'Stop'` and one try/catch turn every failure into a JSON envelope,
 *   because exit codes and Stop do not behave for scripts read from stdin (PowerShell#21808).
 * - The catch block reads only properties (no `.GetType()`): in Constrained Language Mode a method
 *   call on an exception would itself throw and lose the envelope.
 * - The envelope names the language mode the script ran in, and is printed as ASCII only (every
 *   other character `\uXXXX`-escaped) after a per-run sentinel: whatever code page Windows
 *   PowerShell writes its redirected output in (the OEM one unless a .NET call changes it, which
 *   Constrained Language Mode forbids), the line arrives intact, and stray output (warnings,
 *   `#< CLIXML`) can never be mistaken for the result.
 * - It is written to the pipeline (`Write-Output`), which both the session host and the elevated
 *   bootstrap collect, instead of `[Console]::Out`, which Constrained Language Mode forbids.
 */
export function composeScript(options: {
  readonly id: string
  readonly body: string
  readonly prelude: string
  readonly input?: unknown
  readonly sentinel?: string
}): PsScript {
  const sentinel = options.sentinel ?? `WND-RESULT-${randomBytes(8).toString('hex')}:`
  const input = options.input ?? null
  const text = [
    `$ErrorActionPreference = 'Stop'`,
    `$ProgressPreference = 'SilentlyContinue'`,
    `$WndLanguageMode = [string]$ExecutionContext.SessionState.LanguageMode`,
    `$WndInput = ConvertFrom-Json '${asciiJson(input)}'`,
    options.prelude,
    `try {`,
    `  $WndResult = & {`,
    options.body,
    `  }`,
    `  $WndJson = ConvertTo-Json -InputObject @{ ok = $true; data = $WndResult; languageMode = $WndLanguageMode } -Depth 12 -Compress`,
    `} catch {`,
    `  $WndError = [ordered]@{ type = [string]$_.Exception.PSObject.TypeNames[0]; message = [string]$_.Exception.Message; hresult = $_.Exception.HResult; category = [string]$_.CategoryInfo.Category; errorId = [string]$_.FullyQualifiedErrorId }`,
    `  $WndJson = ConvertTo-Json -InputObject @{ ok = $false; error = $WndError; languageMode = $WndLanguageMode } -Compress`,
    `}`,
    `if ($WndJson -match '[^\\x20-\\x7e]') {`,
    `  $WndJson = -join @(foreach ($WndChar in $WndJson.ToCharArray()) { $WndCode = [int]$WndChar; if ($WndCode -gt 126) { '\\u{0:x4}' -f $WndCode } else { [string]$WndChar } })`,
    `}`,
    `Write-Output ('${sentinel}' + $WndJson)`,
  ].join('\n')
  return { id: options.id, text, input, sentinel }
}
