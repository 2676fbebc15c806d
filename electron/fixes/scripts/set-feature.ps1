# Fix set-feature (docs/knowledge/fixes.md#commands-privileges-and-side-effects "dism" rows, docs/knowledge/fixes.md#the-fix-ladder step 7, docs/knowledge/error-codes.md#triage-bot-rules, #10054 toggle). ELEVATED. Turns one
# allowed optional feature on or off with DISM: VirtualMachinePlatform or
# Microsoft-Windows-Subsystem-Linux, nothing else. `/all` when enabling (parent features too),
# `/norestart` always: the app asks for the restart. DISM exit 3010 = success, restart required;
# any other non-zero code fails the step.
# wnd-language: FullLanguage -- runs only inside the elevated batch, whose bootstrap (electron/powershell/elevation/scripts.ts) needs Full Language for its named pipe and SHA-256 check; asserting it first reports a restricted PC honestly instead of failing half-way.
Assert-WndFullLanguage -What 'Changing a Windows optional feature'
$allowedFeatures = @('VirtualMachinePlatform', 'Microsoft-Windows-Subsystem-Linux')
if ($null -eq $WndInput) { throw 'feature and enable are required.' }
$feature = [string]$WndInput.feature
if ($allowedFeatures -cnotcontains $feature) { throw "Feature '$feature' is not one this step may change." }
if ($WndInput.enable -isnot [bool]) { throw 'enable (true or false) is required.' }
$enable = [bool]$WndInput.enable
# Win32_OptionalFeature.InstallState: 1 Enabled, 2 Disabled, 3 Absent (docs/knowledge/probes.md#virtualization).
$state = Get-CimInstance -ClassName Win32_OptionalFeature -Filter "Name='$feature'" -ErrorAction SilentlyContinue
if ($null -eq $state -or $state.InstallState -eq 3) { throw "Feature $feature is not available on this Windows." }
$isEnabled = ($state.InstallState -eq 1)
if ($isEnabled -eq $enable) {
  return [ordered]@{
    changed = $false
    rebootRequired = $false
    undo = $null
    detail = "$feature already is $(if ($enable) { 'enabled' } else { 'disabled' })."
  }
}
$dismExe = Join-Path $env:SystemRoot 'System32\dism.exe'
if ($enable) {
  $arguments = @('/online', '/enable-feature', "/featurename:$feature", '/all', '/norestart')
} else {
  $arguments = @('/online', '/disable-feature', "/featurename:$feature", '/norestart')
}
$run = Invoke-WndNative -FilePath $dismExe -Arguments $arguments -TimeoutMs 1800000
if ($run.timedOut) { throw "dism.exe $($arguments -join ' ') did not finish within 30 minutes." }
if ($run.exitCode -ne 0 -and $run.exitCode -ne 3010) {
  # DISM writes its messages ("Error: 740", "Error: 0x800f080c") to stdout in the OEM code page.
  $text = (ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding oem).Trim()
  throw "dism.exe $($arguments -join ' ') failed with exit code $($run.exitCode): $text"
}
return [ordered]@{
  changed = $true
  rebootRequired = ($run.exitCode -eq 3010)
  undo = $null
  detail = "dism.exe $($arguments -join ' '): exit code $($run.exitCode)."
}
