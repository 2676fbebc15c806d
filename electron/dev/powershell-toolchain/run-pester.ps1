# Runs every Pester test file (*.Tests.ps1) under the given folders with the project's pinned
# Pester, and prints one closing line "Pester: N passed, N failed, N skipped". Exits 1 on any
# failure and when no test ran at all (a run that tests nothing is not a pass).
param(
  [Parameter(Mandatory = $true)][string]$PesterManifest,
  [Parameter(Mandatory = $true)][string[]]$Path
)
$ErrorActionPreference = 'Stop'
# -File passes "a,b" as one string: split it here.
$Path = @($Path | ForEach-Object { $_ -split ',' } | Where-Object { $_ })
Import-Module -Name $PesterManifest -Force
$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Normal'
$result = Invoke-Pester -Configuration $configuration
$ran = $result.PassedCount + $result.FailedCount
Write-Output "Pester: $($result.PassedCount) passed, $($result.FailedCount) failed, $($result.SkippedCount) skipped"
if ($result.FailedCount -gt 0 -or $result.Result -ne 'Passed' -or $ran -eq 0) { exit 1 }
exit 0
