# Fix wsl-set-version (docs/knowledge/fixes.md#commands-privileges-and-side-effects "wsl --set-version" row, docs/knowledge/fixes.md#the-fix-ladder step 10). Runs as the interactive
# user, no admin (WSL1 needs the Microsoft-Windows-Subsystem-Linux component). Converts one listed
# distribution to WSL 1 or 2: a full filesystem copy that can take long. The fix plan runs
# wsl-export first; this script only accepts a distribution that `wsl --list --verbose` shows.
# Works in Constrained Language Mode.
if ($null -eq $WndInput) { throw 'distro and version are required.' }
$distro = [string]$WndInput.distro
$version = $WndInput.version
# First character alphanumeric: a name starting with '-' would read as a wsl.exe option.
if ($distro -cnotmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$') { throw "Not a distribution name: '$distro'." }
if (-not ($version -is [int] -or $version -is [long]) -or ($version -ne 1 -and $version -ne 2)) { throw 'version must be 1 or 2.' }
$wslExe = Join-Path $env:SystemRoot 'System32\wsl.exe'
if (-not (Test-Path -LiteralPath $wslExe)) { throw "$wslExe not found." }
$utf8 = @{ WSL_UTF8 = '1' }
$list = Invoke-WndNative -FilePath $wslExe -Arguments @('--list', '--verbose') -Environment $utf8 -TimeoutMs 30000
# 'wsl' decoding: the inbox wsl.exe writes UTF-16LE whatever WSL_UTF8 says, the Store package UTF-8.
$listText = ConvertFrom-WndNativeText -Base64 $list.stdoutBase64 -Encoding wsl
if ($list.exitCode -ne 0) { throw "wsl.exe --list --verbose failed with exit code $($list.exitCode): $($listText.Trim())" }
# The header and states are not localized (docs/knowledge/wsl-checks.md#console-output-of-wsl); '*' marks the default distribution.
$current = $null
foreach ($line in ($listText -split '\r?\n')) {
  if ($line -match '^[\s*]*(\S+)\s+\S+\s+([12])\s*$' -and $Matches[1] -ceq $distro) { $current = [int]$Matches[2] }
}
if ($null -eq $current) { throw "No distribution named '$distro' is installed." }
if ($current -eq $version) {
  return [ordered]@{
    changed = $false
    rebootRequired = $false
    undo = $null
    detail = "$distro already uses WSL $version."
  }
}
$run = Invoke-WndNative -FilePath $wslExe -Arguments @('--set-version', $distro, [string]$version) -Environment $utf8 -TimeoutMs 7200000
if ($run.timedOut) { throw "wsl.exe --set-version $distro $version did not finish within 2 hours." }
if ($run.exitCode -ne 0) {
  $text = ((ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding wsl) + ' ' + (ConvertFrom-WndNativeText -Base64 $run.stderrBase64 -Encoding wsl)).Trim()
  throw "wsl.exe --set-version $distro $version failed with exit code $($run.exitCode): $text"
}
return [ordered]@{
  changed = $true
  rebootRequired = $false
  undo = $null
  detail = "Converted $distro from WSL $current to WSL $version."
}
