# Probe virtualization (docs/knowledge/probes.md#virtualization, docs/knowledge/host-causes.md#virtualization-off). Read-only, no admin (bcdedit needs admin
# and then simply yields null).
# Features: one Win32_OptionalFeature query for all names (each query enumerates every feature, so
# one OR filter is much faster than one query per name). InstallState 1/2/3/other maps to
# Enabled/Disabled/Absent/Unknown; a name the query does not return is Absent; a failed query
# makes every feature Unknown. Firmware virtualization / SLAT read False while a hypervisor runs;
# the rules know that (hypervisorPresent), so the raw values are reported.

$featureNames = @('VirtualMachinePlatform', 'Microsoft-Windows-Subsystem-Linux', 'HypervisorPlatform', 'Microsoft-Hyper-V-All', 'Microsoft-Hyper-V', 'Microsoft-Hyper-V-Management-PowerShell', 'Containers-DisposableClientVM')

$features = [ordered]@{}
try {
  $filter = (@($featureNames | ForEach-Object { "Name='$_'" }) -join ' OR ')
  $stateNames = @{ 1 = 'Enabled'; 2 = 'Disabled'; 3 = 'Absent' }
  $installStates = @{}
  foreach ($feature in @(Get-CimInstance -ClassName 'Win32_OptionalFeature' -Filter $filter -ErrorAction Stop)) {
    $installStates[[string]$feature.Name] = $feature.InstallState
  }
  foreach ($name in $featureNames) {
    $state = 'Absent'
    if ($installStates.ContainsKey($name)) {
      # InstallState is a UInt32: cast before the lookup, the table's keys are Int32.
      $state = 'Unknown'
      $code = $installStates[$name]
      if ($null -ne $code -and $stateNames.ContainsKey([int]$code)) { $state = $stateNames[[int]$code] }
    }
    $features[$name] = $state
  }
} catch {
  foreach ($name in $featureNames) { $features[$name] = 'Unknown' }
}

$hypervisorPresent = $null
$model = $null
$manufacturer = $null
# PartOfDomain: joined to an Active Directory domain (Group Policy may own settings the fixes change).
# Domain holds the workgroup's name when not joined, so it is kept only for a joined PC.
$partOfDomain = $null
$domainName = $null
try {
  $cs = Get-CimInstance -ClassName 'Win32_ComputerSystem' -ErrorAction Stop | Select-Object -First 1
  if ($null -ne $cs) {
    if ($null -ne $cs.HypervisorPresent) { $hypervisorPresent = [bool]$cs.HypervisorPresent }
    if ($null -ne $cs.Model) { $model = [string]$cs.Model }
    if ($null -ne $cs.Manufacturer) { $manufacturer = [string]$cs.Manufacturer }
    if ($null -ne $cs.PartOfDomain) { $partOfDomain = [bool]$cs.PartOfDomain }
    if ($partOfDomain -eq $true -and -not [string]::IsNullOrWhiteSpace([string]$cs.Domain)) { $domainName = [string]$cs.Domain }
  }
} catch {
  $hypervisorPresent = $null
}

$firmwareVirtualization = $null
$slat = $null
try {
  $cpu = Get-CimInstance -ClassName 'Win32_Processor' -ErrorAction Stop | Select-Object -First 1
  if ($null -ne $cpu) {
    if ($null -ne $cpu.VirtualizationFirmwareEnabled) { $firmwareVirtualization = [bool]$cpu.VirtualizationFirmwareEnabled }
    if ($null -ne $cpu.SecondLevelAddressTranslationExtensions) { $slat = [bool]$cpu.SecondLevelAddressTranslationExtensions }
  }
} catch {
  $firmwareVirtualization = $null
}

# bcdedit /enum {current}: opening the BCD store needs admin; unelevated it exits non-zero
# ("Access is denied") and the value stays null. Only the identifier "hypervisorlaunchtype" is
# matched (identifiers are not localized); its value token (Auto/Off) is returned as printed.
# Null also when the element is not set in the store. Output is decoded with the system OEM code
# page (what a console program writes to a pipe; in Constrained Language Mode only its ASCII bytes
# survive, which is all the match needs); NULs are dropped so a UTF-16 output still matches.
$hypervisorLaunchType = $null
try {
  $bcdedit = "$env:SystemRoot\System32\bcdedit.exe"
  if (Test-Path -LiteralPath $bcdedit -PathType Leaf) {
    $run = Invoke-WndNative -FilePath $bcdedit -Arguments @('/enum', '{current}') -TimeoutMs 10000
    if ($run.exitCode -eq 0) {
      $text = (ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding oem).Replace([string][char]0, '')
      foreach ($line in ($text -split '\r?\n')) {
        if ($line -match '^\s*hypervisorlaunchtype\s+(\S+)') {
          $hypervisorLaunchType = $Matches[1]
          break
        }
      }
    }
  }
} catch {
  $hypervisorLaunchType = $null
}

$hyperVModule = ($null -ne (Get-Command -Name 'New-VMSwitch' -ErrorAction SilentlyContinue))
$hnsModule = (@(Get-Module -ListAvailable -Name 'HostNetworkingService' -ErrorAction SilentlyContinue).Count -gt 0)

return [ordered]@{
  features = $features
  hypervisorPresent = $hypervisorPresent
  firmwareVirtualization = $firmwareVirtualization
  slat = $slat
  hypervisorLaunchType = $hypervisorLaunchType
  model = $model
  manufacturer = $manufacturer
  hyperVModule = $hyperVModule
  hnsModule = $hnsModule
  domain = [ordered]@{ partOfDomain = $partOfDomain; name = $domainName }
}
