# Probe wsl-install (docs/knowledge/wsl-checks.md#console-output-of-wsl). Read-only, no admin; does not boot the WSL VM.
# Registry first (no process launch), then wsl.exe --version and --list --verbose with WSL_UTF8=1.
# A plain string, not Join-Path: Join-Path resolves the drive, which a test host without C: lacks.
$wslExe = "$env:SystemRoot\System32\wsl.exe"
$present = Test-Path -LiteralPath $wslExe
$msiVersion = Get-WndRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Lxss\MSI' -Name 'Version'
$appx = Get-AppxPackage -Name 'MicrosoftCorporationII.WindowsSubsystemForLinux' -ErrorAction SilentlyContinue | Select-Object -First 1
$appxVersion = $null
if ($null -ne $appx) { $appxVersion = [string]$appx.Version }
$versionOutput = $null
$listOutput = $null
if ($present) {
  $utf8 = @{ WSL_UTF8 = '1' }
  $versionOutput = Invoke-WndNative -FilePath $wslExe -Arguments @('--version') -Environment $utf8 -TimeoutMs 15000
  $listOutput = Invoke-WndNative -FilePath $wslExe -Arguments @('--list', '--verbose') -Environment $utf8 -TimeoutMs 15000
}
$lxss = 'HKCU:\SOFTWARE\Microsoft\Windows\CurrentVersion\Lxss'
$distros = @()
if (Test-Path -LiteralPath $lxss) {
  foreach ($child in @(Get-ChildItem -LiteralPath $lxss -ErrorAction SilentlyContinue)) {
    $p = Get-ItemProperty -LiteralPath $child.PSPath -ErrorAction SilentlyContinue
    if ($null -eq $p -or $null -eq $p.DistributionName) { continue }
    $distros += [ordered]@{
      id = $child.PSChildName
      name = [string]$p.DistributionName
      version = $(if ($null -ne $p.Version) { [int]$p.Version } else { $null })
      flags = $(if ($null -ne $p.Flags) { [int]$p.Flags } else { $null })
      state = $(if ($null -ne $p.State) { [int]$p.State } else { $null })
    }
  }
}
$defaultVersion = Get-WndRegistryValue -Path $lxss -Name 'DefaultVersion'
return [ordered]@{
  wslExePresent = $present
  msiVersion = $msiVersion
  appxVersion = $appxVersion
  versionOutput = $versionOutput
  listOutput = $listOutput
  defaultDistributionId = Get-WndRegistryValue -Path $lxss -Name 'DefaultDistribution'
  defaultVersion = $(if ($null -ne $defaultVersion) { [int]$defaultVersion } else { $null })
  registryDistros = @($distros)
}
