# Probe mirrored-readiness (knowledge A.2 "What WSL actually checks", A.3, A.4, A.5, D.14, F.7).
# Read-only, no admin. Mirrors WslCoreVm::ValidateNetworkingMode and the DNS tunneling / autoProxy
# feature checks: WSL never compares build numbers, it looks for OS exports and WMI classes.
#
# Exports: LoadLibrary by absolute path + GetProcAddress, like WSL. LOAD_LIBRARY_AS_DATAFILE is not
# used because GetProcAddress does not work on a data-file mapping. The P/Invoke type is compiled
# once per PowerShell process (Add-Type is slow and the host process is reused); rename the type
# if the signature ever changes. Add-Type fails under constrained language mode: exports = null.

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

# Hyper-V firewall (WslCoreFirewallSupport.cpp): the VM-creator class must exist and the profile
# class must return instances. "Invalid class" / "Not found" is itself the signal (D.9).
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
  $firewallErrors += $_.Exception.Message
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
