# Fix wsl-update (knowledge E.1, E.5 step 3, A.8, C.3). Runs as the interactive user; wsl.exe may
# show its own UAC prompt for the per-machine MSI. Needs internet. `--pre-release` only when the
# input says so (boolean, nothing else accepted). No reboot (the MSI runs with
# REBOOT=ReallySuppress), but running distributions stop while the service is replaced.
if ($null -eq $WndInput -or $WndInput.preRelease -isnot [bool]) { throw 'preRelease (true or false) is required.' }
$wslExe = Join-Path $env:SystemRoot 'System32\wsl.exe'
if (-not (Test-Path -LiteralPath $wslExe)) { throw "$wslExe not found." }
$msiKey = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Lxss\MSI'
$before = Get-WndRegistryValue -Path $msiKey -Name 'Version'
$arguments = @('--update')
if ($WndInput.preRelease) { $arguments += '--pre-release' }
$run = Invoke-WndNative -FilePath $wslExe -Arguments $arguments -Environment @{ WSL_UTF8 = '1' } -TimeoutMs 900000
# wsl.exe prints errors on stderr (and some on stdout); NULs dropped for the inbox UTF-16LE output.
$output = (@($run.stdoutBase64, $run.stderrBase64) | ForEach-Object { [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($_ + '')) }) -join ' '
$output = $output.Replace([string][char]0, '').Trim()
if ($run.timedOut) { throw 'wsl.exe --update did not finish within 15 minutes.' }
if ($run.exitCode -ne 0) { throw "wsl.exe $($arguments -join ' ') failed with exit code $($run.exitCode): $output" }
$after = Get-WndRegistryValue -Path $msiKey -Name 'Version'
$changed = ([string]$before -ne [string]$after)
return [ordered]@{
  changed = $changed
  rebootRequired = $false
  undo = $null
  detail = "wsl.exe $($arguments -join ' '): exit code 0; version $before -> $after."
}
