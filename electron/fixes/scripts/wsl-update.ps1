# Fix wsl-update (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#the-fix-ladder step 3, docs/knowledge/wsl-checks.md#wsl-versions-that-changed-networking, docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/wsl-checks.md#console-output-of-wsl). Runs as the interactive user; wsl.exe
# may show its own UAC prompt for the per-machine MSI. Needs internet. `--pre-release` only when the
# input says so (boolean, nothing else accepted). No reboot (the MSI runs with
# REBOOT=ReallySuppress), but running distributions stop while the service is replaced.
# `--web-download`: the inbox wsl.exe otherwise updates through the Microsoft Store, which managed
# PCs block (microsoft/WSL#8603, #9482); the Store package downloads from GitHub anyway and keeps
# the option as a no-op "for compatibility with inbox WSL" (WslClient.cpp UpdatePackage). An older
# inbox wsl.exe that does not know the option prints its usage naming it (#12009): only then the
# plain `--update` is tried. Works in Constrained Language Mode.
if ($null -eq $WndInput -or $WndInput.preRelease -isnot [bool]) { throw 'preRelease (true or false) is required.' }
$wslExe = Join-Path $env:SystemRoot 'System32\wsl.exe'
if (-not (Test-Path -LiteralPath $wslExe)) { throw "$wslExe not found." }
$utf8 = @{ WSL_UTF8 = '1' }
$msiKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Lxss\MSI'

function Get-WndWslRunText {
  # stdout and stderr of one wsl.exe run; 'wsl' decoding: inbox UTF-16LE or Store UTF-8 (docs/knowledge/wsl-checks.md#console-output-of-wsl).
  param($Run)
  return ((ConvertFrom-WndNativeText -Base64 $Run.stdoutBase64 -Encoding wsl) + ' ' + (ConvertFrom-WndNativeText -Base64 $Run.stderrBase64 -Encoding wsl)).Trim()
}

function Get-WndWslPackageVersion {
  # The WSL package version: the first version-shaped token of `wsl --version` (its labels are
  # localized, #12486), else the MSI's registry value; $null for the inbox WSL, which does not know
  # --version. A Store (MSIX) install has no MSI value, so `wsl --version` is read first.
  $run = Invoke-WndNative -FilePath $wslExe -Arguments @('--version') -Environment $utf8 -TimeoutMs 30000
  if (-not $run.timedOut -and $run.exitCode -eq 0) {
    $text = ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding wsl
    if ($text -match '(\d+\.\d+\.\d+(\.\d+)?)') { return $Matches[1] }
  }
  $msi = Get-WndRegistryValue -Path $msiKey -Name 'Version'
  if ($null -ne $msi -and [string]$msi -ne '') { return [string]$msi }
  return $null
}

$before = Get-WndWslPackageVersion
$arguments = @('--update', '--web-download')
if ($WndInput.preRelease) { $arguments += '--pre-release' }
# 13 + 5 minutes with the two version reads stay within the app's 20-minute limit for this step
# (shared/repair/fix-scripts.ts); the fallback runs only after the first run failed at once, and
# the inbox wsl.exe's own update is the small kernel package.
$run = Invoke-WndNative -FilePath $wslExe -Arguments $arguments -Environment $utf8 -TimeoutMs 780000
if ($run.timedOut) { throw "wsl.exe $($arguments -join ' ') did not finish within 13 minutes." }
$output = Get-WndWslRunText -Run $run
if ($run.exitCode -ne 0 -and $output.Contains('--web-download')) {
  $arguments = @('--update')
  if ($WndInput.preRelease) { $arguments += '--pre-release' }
  $run = Invoke-WndNative -FilePath $wslExe -Arguments $arguments -Environment $utf8 -TimeoutMs 300000
  if ($run.timedOut) { throw "wsl.exe $($arguments -join ' ') did not finish within 5 minutes." }
  $output = Get-WndWslRunText -Run $run
}
if ($run.exitCode -ne 0) { throw "wsl.exe $($arguments -join ' ') failed with exit code $($run.exitCode): $output" }
$after = Get-WndWslPackageVersion
# Unknown before and after (an inbox wsl.exe that updated only its kernel): assume a change, the
# re-scan tells.
$changed = ($null -eq $before -and $null -eq $after) -or ([string]$before -ne [string]$after)
$beforeText = 'none'
if ($null -ne $before) { $beforeText = $before }
$afterText = 'none'
if ($null -ne $after) { $afterText = $after }
return [ordered]@{
  changed = $changed
  rebootRequired = $false
  undo = $null
  detail = "wsl.exe $($arguments -join ' '): exit code 0; version $beforeText -> $afterText."
}
