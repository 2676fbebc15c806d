# Probe services (docs/knowledge/probes.md#services, docs/knowledge/wsl-checks.md#virtual-machine-platform-check, docs/knowledge/host-causes.md#ics-disabled; docs/knowledge/host-network-probes.md).
# Read-only, no admin. Registry gives existence and start type for services and drivers alike;
# Get-Service and Win32_SystemDriver give the running state. startPolicy: which probed services a
# Group Policy "System Services" setting pins, from RSoP logging data (RSOP_SystemService in
# root\rsop\computer, winning instances only: precedence 1). WMI may refuse that namespace to a
# standard user: then the answer is "can't tell" (unreadable), never "no policy".
$names = @('WSLService', 'LxssManager', 'hns', 'vmcompute', 'SharedAccess', 'mpssvc', 'vmms', 'vfpext', 'vmsmp', 'nvagent', 'GlobalSecureAccessTunnelingService', 'Dnscache')
$startTypes = @{ 0 = 'boot'; 1 = 'system'; 2 = 'automatic'; 3 = 'manual'; 4 = 'disabled' }
$result = @()
foreach ($name in $names) {
  $key = "HKLM:\SYSTEM\CurrentControlSet\Services\$name"
  $exists = Test-Path -LiteralPath $key
  $startType = $null
  $delayed = $false
  $trigger = $false
  $status = $null
  if ($exists) {
    $props = Get-ItemProperty -LiteralPath $key -ErrorAction SilentlyContinue
    if ($null -ne $props.Start) { $startType = $startTypes[[int]$props.Start] }
    $delayed = ($props.DelayedAutostart -eq 1)
    # A plain string, not Join-Path: Join-Path resolves the HKLM: drive, which a test host lacks.
    $trigger = Test-Path -LiteralPath "$key\TriggerInfo"
    $service = Get-Service -Name $name -ErrorAction SilentlyContinue
    if ($null -ne $service) {
      $status = [string]$service.Status
    } else {
      $driver = Get-CimInstance -ClassName Win32_SystemDriver -Filter "Name='$name'" -ErrorAction SilentlyContinue
      if ($null -ne $driver) { $status = [string]$driver.State }
    }
  }
  $result += [ordered]@{
    name = $name
    exists = $exists
    startType = $startType
    delayedAutoStart = $delayed
    triggerStart = $trigger
    status = $status
  }
}
$policyStartTypes = @{ 2 = 'automatic'; 3 = 'manual'; 4 = 'disabled' }
$startPolicy = $null
try {
  $settings = @()
  foreach ($setting in @(Get-CimInstance -Namespace 'root/rsop/computer' -ClassName 'RSOP_SystemService' -ErrorAction Stop)) {
    if ($null -eq $setting -or [int]$setting.precedence -ne 1) { continue }
    # RSoP keeps the name as the GPO wrote it ("DNSCACHE"): report ours, matched case-insensitively.
    $canonical = $null
    foreach ($name in $names) { if ($name -eq [string]$setting.Service) { $canonical = $name } }
    if ($null -eq $canonical) { continue }
    $mode = $policyStartTypes[[int]$setting.StartupMode]
    if ($null -eq $mode) { continue }
    $gpoId = $null
    if (-not [string]::IsNullOrEmpty([string]$setting.GPOID)) { $gpoId = [string]$setting.GPOID }
    $settings += [ordered]@{ service = $canonical; startType = $mode; gpoId = $gpoId }
  }
  $startPolicy = [ordered]@{ status = 'read'; settings = @($settings) }
} catch {
  # The FullyQualifiedErrorId carries the HRESULT untranslated; the message is localized.
  $errorId = [string]$_.FullyQualifiedErrorId
  $reason = 'failed'
  if ($errorId -like 'HRESULT 0x80041003*' -or $_.CategoryInfo.Category -eq 'PermissionDenied') { $reason = 'access-denied' }
  elseif ($errorId -like 'HRESULT 0x8004100e*') { $reason = 'no-rsop-namespace' }
  $startPolicy = [ordered]@{ status = 'unreadable'; reason = $reason; detail = ([string]$_.Exception.Message).Trim() }
}

return [ordered]@{ services = @($result); startPolicy = $startPolicy }
