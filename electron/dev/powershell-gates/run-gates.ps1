# Entry point run-gates.ts starts once per run: reads the manifest (JSON: items with name, text and
# flags), runs every gate of WndScriptGates.psm1 and prints the problems as one JSON array.
param(
  [Parameter(Mandatory = $true)][string]$Manifest,
  [ValidateSet('Report', 'Block')][string]$ClmMode = 'Report'
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'WndScriptGates.psm1') -Force
$items = @(Get-Content -LiteralPath $Manifest -Raw -Encoding utf8 | ConvertFrom-Json)
$problems = @(Invoke-WndScriptGates -Items $items -ClmMode $ClmMode)
ConvertTo-Json -InputObject $problems -Depth 4 -Compress
