# Probe proxy-settings (docs/knowledge/wsl-checks.md#autoproxy, docs/knowledge/probes.md#proxy-settings, docs/knowledge/host-causes.md#localhost-proxy). Read-only, no admin.
# WinINET (per user, what autoProxy mirrors) from HKCU; WinHTTP (machine) as the raw
# WinHttpSettings REG_BINARY, decoded in TypeScript so no localized netsh text is parsed.
# The binary value is read inline: returning a byte[] from a function would unroll it. Base64 by
# the prelude's ConvertTo-WndBase64, which also works in Constrained Language Mode.

$inet = 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Internet Settings'
$proxyServer = Get-WndRegistryValue -Path $inet -Name 'ProxyServer'
$autoConfigUrl = Get-WndRegistryValue -Path $inet -Name 'AutoConfigURL'

$winHttpSettingsBase64 = $null
$connections = Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Internet Settings\Connections' -Name 'WinHttpSettings' -ErrorAction SilentlyContinue
if ($null -ne $connections) {
  $raw = $connections.WinHttpSettings
  if ($raw -is [byte[]]) { $winHttpSettingsBase64 = ConvertTo-WndBase64 -Bytes $raw }
}

return [ordered]@{
  winInet = [ordered]@{
    proxyEnable = Get-WndRegistryDword -Path $inet -Name 'ProxyEnable'
    proxyServer = $(if ($null -ne $proxyServer) { [string]$proxyServer } else { $null })
    autoConfigUrl = $(if ($null -ne $autoConfigUrl) { [string]$autoConfigUrl } else { $null })
  }
  winHttpSettingsBase64 = $winHttpSettingsBase64
}
