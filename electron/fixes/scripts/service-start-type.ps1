# Fix service-start-type (docs/knowledge/fixes.md#commands-privileges-and-side-effects "sc.exe config" rows, docs/knowledge/host-causes.md#ics-disabled, docs/knowledge/error-codes.md#triage-bot-rules, docs/knowledge/fixes.md#the-fix-ladder step 4). ELEVATED.
# Sets the start type of one allowed service: WSLService (0x80070422, docs/knowledge/error-codes.md#triage-bot-rules) or SharedAccess (ICS,
# docs/knowledge/host-causes.md#ics-disabled). `manual` is what the fixes ask for (`sc.exe config <name> start= demand`, which keeps the
# service's trigger-start information); `automatic` and `disabled` are accepted only so the journal
# can put a previous start type back. The previous start type is returned as the undo record.
# wnd-language: FullLanguage -- runs only inside the elevated batch, whose bootstrap (electron/powershell/elevation/scripts.ts) needs Full Language for its named pipe and SHA-256 check; asserting it first reports a restricted PC honestly instead of failing half-way.
Assert-WndFullLanguage -What 'Changing a service start type'
$allowedServices = @('WSLService', 'SharedAccess')
$scStartTypes = @{ automatic = 'auto'; manual = 'demand'; disabled = 'disabled' }
if ($null -eq $WndInput) { throw 'name and startType are required.' }
$name = [string]$WndInput.name
$startType = [string]$WndInput.startType
if ($allowedServices -cnotcontains $name) { throw "Service '$name' is not one this step may change." }
if (-not $scStartTypes.ContainsKey($startType) -or $startType -cne $startType.ToLowerInvariant()) { throw "Start type '$startType' is not allowed." }
$startNames = @{ 0 = 'boot'; 1 = 'system'; 2 = 'automatic'; 3 = 'manual'; 4 = 'disabled' }
$key = "HKLM:\SYSTEM\CurrentControlSet\Services\$name"
$startValue = Get-WndRegistryDword -Path $key -Name 'Start'
if ($null -eq $startValue -or -not $startNames.ContainsKey([int]$startValue)) { throw "Service $name is not installed (no start type)." }
$previous = $startNames[[int]$startValue]
if ($previous -eq $startType) {
  return [ordered]@{
    changed = $false
    rebootRequired = $false
    undo = $null
    detail = "$name already starts as $startType."
  }
}
$scExe = Join-Path $env:SystemRoot 'System32\sc.exe'
$run = Invoke-WndNative -FilePath $scExe -Arguments @('config', $name, 'start=', $scStartTypes[$startType]) -TimeoutMs 30000
if ($run.exitCode -ne 0) {
  # sc.exe writes its message to stdout in the OEM code page; its exit code is the Win32 error
  # (1060 not installed, 5 access denied, 1072 marked for deletion).
  $text = (ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding oem).Trim()
  throw "sc.exe config $name start= $($scStartTypes[$startType]) failed with exit code $($run.exitCode): $text"
}
$after = Get-WndRegistryDword -Path $key -Name 'Start'
$afterName = 'unknown'
if ($null -ne $after -and $startNames.ContainsKey([int]$after)) { $afterName = $startNames[[int]$after] }
if ($afterName -ne $startType) { throw "sc.exe reported success but $name still starts as $afterName." }
return [ordered]@{
  changed = $true
  rebootRequired = $false
  undo = [ordered]@{ kind = 'restore-service-start'; name = $name; startType = $previous }
  detail = "sc.exe config $name start= $($scStartTypes[$startType]): exit code 0 (was $previous)."
}
