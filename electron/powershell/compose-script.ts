import { randomBytes } from 'node:crypto'
import { encodeScriptInput } from './encode'
import type { PsScript } from './host'

/**
 * Wraps a script body into the text PowerShell runs.
 *
 * - Data arrives as `$WndInput`, decoded from base64 JSON: nothing untrusted is spliced in.
 * - `$ErrorActionPreference = 'Stop'` and one try/catch turn every failure into a JSON envelope,
 *   because exit codes and Stop do not behave for scripts read from stdin (PowerShell#21808).
 * - The envelope is printed after a per-run sentinel, so stray output (warnings, `#< CLIXML`) can
 *   never be mistaken for the result (engineering.md §3).
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
    `[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false`,
    `$WndInput = ConvertFrom-Json ([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${encodeScriptInput(input)}')))`,
    options.prelude,
    `try {`,
    `  $WndResult = & {`,
    options.body,
    `  }`,
    `  $WndJson = ConvertTo-Json -InputObject @{ ok = $true; data = $WndResult } -Depth 12 -Compress`,
    `} catch {`,
    `  $WndError = [ordered]@{ type = $_.Exception.GetType().FullName; message = $_.Exception.Message; hresult = $_.Exception.HResult; category = [string]$_.CategoryInfo.Category }`,
    `  $WndJson = ConvertTo-Json -InputObject @{ ok = $false; error = $WndError } -Compress`,
    `}`,
    `[Console]::Out.WriteLine('${sentinel}' + $WndJson)`,
  ].join('\n')
  return { id: options.id, text, input, sentinel }
}
