# Probe mirrored-readiness (docs/knowledge/wsl-checks.md#mirrored-checks "What WSL actually checks", docs/knowledge/wsl-checks.md#dns-tunneling, docs/knowledge/wsl-checks.md#hyper-v-firewall, docs/knowledge/wsl-checks.md#autoproxy, docs/knowledge/probes.md#mirrored-readiness, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry).
# Read-only, no admin. Mirrors WslCoreVm::ValidateNetworkingMode and the DNS tunneling / autoProxy
# feature checks: WSL never compares build numbers, it looks for OS exports and WMI classes.
#
# Exports: LoadLibrary by absolute path + GetProcAddress, like WSL. LOAD_LIBRARY_AS_DATAFILE is not
# used because GetProcAddress does not work on a data-file mapping. The P/Invoke type is compiled
# once per PowerShell process (Add-Type is slow and the host process is reused); rename the type
# if the signature ever changes. Constrained Language Mode (AppLocker/WDAC) blocks Add-Type, so there
# the check is not attempted: exports = null and exportsError starts with the untranslated id
# 'WndNeedsFullLanguage:' (the export check is unknown, not failed); the WMI and registry checks
# below still run, as cmdlets work in both modes.

$required = [ordered]@{
  computeNetwork = @{
    dll = 'ComputeNetwork.dll'
    names = @('HcnReserveGuestNetworkServicePortRange', 'HcnReserveGuestNetworkServicePort', 'HcnReleaseGuestNetworkServicePortReservationHandle')
  }
  dnsapi = @{
    dll = 'dnsapi.dll'
    names = @('DnsQueryRaw', 'DnsCancelQueryRaw', 'DnsQueryRawResultFree')
  }
  winhttp = @{
    dll = 'winhttp.dll'
    names = @('WinHttpRegisterProxyChangeNotification', 'WinHttpUnregisterProxyChangeNotification', 'WinHttpGetProxySettingsEx', 'WinHttpGetProxySettingsResultEx', 'WinHttpFreeProxySettingsEx')
  }
}

$signature = @'
[DllImport("kernel32.dll", EntryPoint = "LoadLibraryW", CharSet = CharSet.Unicode, ExactSpelling = true, SetLastError = true)]
public static extern IntPtr LoadLibrary(string lpLibFileName);
[DllImport("kernel32.dll", CharSet = CharSet.Ansi, ExactSpelling = true, SetLastError = true)]
public static extern IntPtr GetProcAddress(IntPtr hModule, string lpProcName);
[DllImport("kernel32.dll", SetLastError = true)]
[return: MarshalAs(UnmanagedType.Bool)]
public static extern bool FreeLibrary(IntPtr hModule);
'@

$exports = $null
$exportsError = $null
if (Test-WndFullLanguage) {
  try {
    $native = 'WndProbe.ExportCheckV1' -as [type]
    if ($null -eq $native) {
      Add-Type -Namespace 'WndProbe' -Name 'ExportCheckV1' -MemberDefinition $signature
      $native = 'WndProbe.ExportCheckV1' -as [type]
    }
    $exports = [ordered]@{}
    foreach ($key in @($required.Keys)) {
      $entry = $required[$key]
      $dllPath = Join-Path (Join-Path $env:SystemRoot 'System32') $entry.dll
      $found = [ordered]@{}
      foreach ($fn in $entry.names) { $found[$fn] = $false }
      # A missing DLL (ComputeNetwork.dll on old builds) means every export is missing.
      if (Test-Path -LiteralPath $dllPath -PathType Leaf) {
        $module = $native::LoadLibrary($dllPath)
        if ($module -ne [IntPtr]::Zero) {
          try {
            foreach ($fn in $entry.names) { $found[$fn] = ($native::GetProcAddress($module, $fn) -ne [IntPtr]::Zero) }
          } finally {
            [void]$native::FreeLibrary($module)
          }
        }
      }
      $exports[$key] = $found
    }
  } catch {
    $exports = $null
    $exportsError = $_.Exception.Message
  }
} else {
  $exportsError = "WndNeedsFullLanguage: the DLL export check (LoadLibrary/GetProcAddress through Add-Type) needs PowerShell's Full Language Mode, but this PC runs PowerShell in $($ExecutionContext.SessionState.LanguageMode) (set by an AppLocker or WDAC policy)."
}

# Hyper-V firewall (WslCoreFirewallSupport.cpp): the VM-creator class must exist and the profile
# class must return instances. "Invalid class" / "Not found" is itself the signal (docs/knowledge/probes.md#firewall-profiles).
# A class this build does not have answers WBEM_E_INVALID_CLASS (0x80041010) or WBEM_E_NOT_FOUND
# (0x80041002): that is the absent-class signal itself, not an error (profileCount null). The
# FullyQualifiedErrorId carries the HRESULT untranslated; the message is localized.
$vmCreatorClassExists = $false
$profileCount = $null
$firewallErrors = @()
try {
  $class = Get-CimClass -Namespace 'root/StandardCimv2' -ClassName 'MSFT_NetFirewallHyperVVMCreator' -ErrorAction SilentlyContinue
  $vmCreatorClassExists = ($null -ne $class)
} catch {
  $firewallErrors += $_.Exception.Message
}
try {
  $profileCount = @(Get-CimInstance -Namespace 'root/StandardCimv2' -ClassName 'MSFT_NetFirewallHyperVProfile' -ErrorAction Stop).Count
} catch {
  $profileCount = $null
  $errorId = [string]$_.FullyQualifiedErrorId
  if (-not ($errorId -like 'HRESULT 0x80041010*' -or $errorId -like 'HRESULT 0x80041002*')) { $firewallErrors += $_.Exception.Message }
}
$firewallError = $null
if ($firewallErrors.Count -gt 0) { $firewallError = ($firewallErrors -join '; ') }

return [ordered]@{
  exports = $exports
  exportsError = $exportsError
  hyperVFirewall = [ordered]@{
    vmCreatorClassExists = $vmCreatorClassExists
    profileCount = $profileCount
    error = $firewallError
  }
  hyperVFirewallDisable = Get-WndRegistryDword -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\MpsSvc\Parameters' -Name 'HyperVFirewallDisable'
  ipv6DisabledComponents = Get-WndRegistryDword -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters' -Name 'DisabledComponents'
}
