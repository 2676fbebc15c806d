# Probe wsl-startup (docs/knowledge/probes.md#wsl-startup, docs/knowledge/error-codes.md#anatomy-of-a-wsl-error). Read-only but STARTS the WSL VM: consent required.
# Startup warnings ("wsl: ...") are printed only when the VM boots, so record whether it was
# already running (from the list taken first). wslinfo prints the networking mode WSL really uses.
# A plain string, not Join-Path: Join-Path resolves the drive, which a test host without C: lacks.
$wslExe = "$env:SystemRoot\System32\wsl.exe"
$utf8 = @{ WSL_UTF8 = '1' }
# Distro states before the start, decoded and read in TypeScript (states are not localized).
$listBefore = Invoke-WndNative -FilePath $wslExe -Arguments @('--list', '--verbose') -Environment $utf8 -TimeoutMs 15000
$start = Invoke-WndNative -FilePath $wslExe -Arguments @('--exec', 'true') -Environment $utf8 -TimeoutMs 60000
$mode = $null
if ($start.exitCode -eq 0) {
  $mode = Invoke-WndNative -FilePath $wslExe -Arguments @('--exec', 'wslinfo', '--networking-mode') -Environment $utf8 -TimeoutMs 20000
}
return [ordered]@{
  listBeforeStart = $listBefore
  startOutput = $start
  networkingModeOutput = $mode
}
