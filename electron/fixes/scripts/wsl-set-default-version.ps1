# Fix wsl-set-default-version (docs/knowledge/fixes.md#commands-privileges-and-side-effects "wsl --set-default-version" row, docs/knowledge/fixes.md#the-fix-ladder step 10). Runs as
# the interactive user, no admin: wsl.exe writes DefaultVersion in the user's HKCU Lxss key
# (WslClient.cpp SetDefaultVersion). Affects only distributions installed afterwards. Works in
# Constrained Language Mode.
if ($null -eq $WndInput) { throw 'version is required.' }
$version = $WndInput.version
if (-not ($version -is [int] -or $version -is [long]) -or ($version -ne 1 -and $version -ne 2)) { throw 'version must be 1 or 2.' }
$current = Get-WndRegistryDword -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Lxss' -Name 'DefaultVersion'
if ($null -ne $current -and $current -eq $version) {
  return [ordered]@{
    changed = $false
    rebootRequired = $false
    undo = $null
    detail = "The default version already is $version."
  }
}
$wslExe = Join-Path $env:SystemRoot 'System32\wsl.exe'
if (-not (Test-Path -LiteralPath $wslExe)) { throw "$wslExe not found." }
$run = Invoke-WndNative -FilePath $wslExe -Arguments @('--set-default-version', [string]$version) -Environment @{ WSL_UTF8 = '1' } -TimeoutMs 60000
if ($run.timedOut) { throw "wsl.exe --set-default-version $version did not finish within 60 s." }
if ($run.exitCode -ne 0) {
  # stdout and stderr; 'wsl' decoding: inbox UTF-16LE or Store UTF-8 (docs/knowledge/wsl-checks.md#console-output-of-wsl).
  $text = ((ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding wsl) + ' ' + (ConvertFrom-WndNativeText -Base64 $run.stderrBase64 -Encoding wsl)).Trim()
  throw "wsl.exe --set-default-version $version failed with exit code $($run.exitCode): $text"
}
$was = 'unset'
if ($null -ne $current) { $was = [string]$current }
return [ordered]@{
  changed = $true
  rebootRequired = $false
  undo = $null
  detail = "wsl.exe --set-default-version ${version}: exit code 0 (was $was)."
}
