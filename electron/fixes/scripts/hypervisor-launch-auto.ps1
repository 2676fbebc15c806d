# Fix hypervisor-launch-auto (docs/knowledge/fixes.md#commands-privileges-and-side-effects "bcdedit" row, docs/knowledge/host-causes.md#virtualization-off, docs/knowledge/probes.md#virtualization, docs/knowledge/fixes.md#the-fix-ladder step 7). ELEVATED.
# Sets `hypervisorlaunchtype auto` in the current boot entry (fixes 0x80370102 when it was Off);
# takes effect after a restart. Takes no input; the value set is fixed here. bcdedit's element names
# and the values Auto/Off are not localized, so the current value is read from `/enum {current}`.
# wnd-language: FullLanguage -- runs only inside the elevated batch, whose bootstrap (electron/powershell/elevation/scripts.ts) needs Full Language for its named pipe and SHA-256 check; asserting it first reports a restricted PC honestly instead of failing half-way.
Assert-WndFullLanguage -What 'Changing the boot configuration (bcdedit)'
if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }
$bcdedit = Join-Path $env:SystemRoot 'System32\bcdedit.exe'
$enum = Invoke-WndNative -FilePath $bcdedit -Arguments @('/enum', '{current}') -TimeoutMs 30000
if ($enum.exitCode -ne 0) { throw "bcdedit.exe /enum {current} failed with exit code $($enum.exitCode)." }
$text = (ConvertFrom-WndNativeText -Base64 $enum.stdoutBase64 -Encoding oem).Replace([string][char]0, '')
$current = 'Auto (not set)'
foreach ($line in ($text -split '\r?\n')) {
  if ($line -match '^hypervisorlaunchtype\s+(\S+)\s*$') { $current = $Matches[1] }
}
if ($current -like 'Auto*') {
  return [ordered]@{
    changed = $false
    rebootRequired = $false
    undo = $null
    detail = "hypervisorlaunchtype already is $current."
  }
}
$run = Invoke-WndNative -FilePath $bcdedit -Arguments @('/set', 'hypervisorlaunchtype', 'auto') -TimeoutMs 30000
if ($run.exitCode -ne 0) {
  $out = (ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding oem).Trim()
  throw "bcdedit.exe /set hypervisorlaunchtype auto failed with exit code $($run.exitCode): $out"
}
return [ordered]@{
  changed = $true
  rebootRequired = $true
  undo = $null
  detail = "bcdedit.exe /set hypervisorlaunchtype auto: exit code 0 (was $current)."
}
