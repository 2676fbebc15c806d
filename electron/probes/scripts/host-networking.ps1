# Probe host-networking (docs/knowledge/host-causes.md#hosts-file-too-large, docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode, docs/knowledge/wsl-checks.md#nat-network-internals, docs/knowledge/host-causes.md#address-range-conflicts, docs/knowledge/host-causes.md#reserved-port-ranges). Read-only, no admin.
# - hostsFileBytes: size of %SystemRoot%\System32\drivers\etc\hosts (null when absent), F.17.
# - portTrackerEnabledMode + fseServiceExists: the FSE / PortTracker breakage, F.14.
# - natNetwork / natGatewayIpAddress: WSL's saved NAT range in HKLM Lxss, docs/knowledge/wsl-checks.md#nat-network-internals / F.9.
# - excludedPortRanges: `netsh interface ipv4 show excludedportrange protocol=tcp`, docs/knowledge/host-causes.md#reserved-port-ranges / F.10.
#   The headers are localized, so only rows made of two integers (optionally followed by `*`,
#   which marks an administered exclusion) are read. Decoded as OEM text (what netsh writes to a
#   pipe; in Constrained Language Mode non-ASCII bytes become '?', which only touches the localized
#   headers: digits are ASCII in every OEM code page), and NULs are dropped so a UTF-16 output
#   would still parse. Null when netsh fails, times out or cannot start.

$hostsFileBytes = $null
$hostsPath = Join-Path $env:SystemRoot 'System32\drivers\etc\hosts'
$hostsItem = Get-Item -LiteralPath $hostsPath -Force -ErrorAction SilentlyContinue
if ($null -ne $hostsItem -and -not $hostsItem.PSIsContainer) { $hostsFileBytes = [int64]$hostsItem.Length }

$lxss = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Lxss'
$natNetwork = Get-WndRegistryValue -Path $lxss -Name 'NatNetwork'
$natGateway = Get-WndRegistryValue -Path $lxss -Name 'NatGatewayIpAddress'

$excludedPortRanges = $null
try {
  $netsh = Join-Path $env:SystemRoot 'System32\netsh.exe'
  $run = Invoke-WndNative -FilePath $netsh -Arguments @('interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp') -TimeoutMs 10000
  if ($run.exitCode -eq 0) {
    $text = (ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding oem).Replace([string][char]0, '')
    $ranges = @()
    foreach ($line in ($text -split '\r?\n')) {
      if ($line -match '^\s*(\d{1,5})\s+(\d{1,5})(\s+\*)?\s*$') {
        $ranges += [ordered]@{ start = [int]$Matches[1]; end = [int]$Matches[2] }
      }
    }
    $excludedPortRanges = @($ranges)
  }
} catch {
  $excludedPortRanges = $null
}

return [ordered]@{
  hostsFileBytes = $hostsFileBytes
  portTrackerEnabledMode = Get-WndRegistryDword -Path 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters' -Name 'PortTrackerEnabledMode'
  fseServiceExists = Test-Path -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Services\FSE'
  natNetwork = $(if ($null -ne $natNetwork) { [string]$natNetwork } else { $null })
  natGatewayIpAddress = $(if ($null -ne $natGateway) { [string]$natGateway } else { $null })
  excludedPortRanges = $excludedPortRanges
}
