# Probe services (knowledge D.5, C.4 "VMP-missing message", F.6). Read-only, no admin.
# Registry gives existence and start type for services and drivers alike; Get-Service and
# Win32_SystemDriver give the running state.
$names = @('WSLService', 'LxssManager', 'hns', 'vmcompute', 'SharedAccess', 'mpssvc', 'vmms', 'vfpext', 'vmsmp', 'nvagent', 'GlobalSecureAccessTunnelingService')
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
return [ordered]@{ services = @($result) }
