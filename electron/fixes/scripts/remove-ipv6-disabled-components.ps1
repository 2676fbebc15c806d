# Fix remove-ipv6-disabled-components (docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry, docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/wsl-checks.md#mirrored-checks). ELEVATED.
# IPv6 components disabled in the registry block mirrored mode and can break NAT (docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry). The change
# takes effect after a restart.
# Removes exactly one fixed registry value; takes no input. The previous DWORD is the undo record.
# wnd-language: FullLanguage -- runs only inside the elevated batch, whose bootstrap (electron/powershell/elevation/scripts.ts) needs Full Language for its named pipe and SHA-256 check; asserting it first reports a restricted PC honestly instead of failing half-way.
Assert-WndFullLanguage -What 'Removing DisabledComponents'
if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }
$key = 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters'
$valueName = 'DisabledComponents'
$raw = Get-WndRegistryValue -Path $key -Name $valueName
if ($null -eq $raw) {
  return [ordered]@{
    changed = $false
    rebootRequired = $false
    undo = $null
    detail = "$valueName is not set under $key."
  }
}
$previous = Get-WndRegistryDword -Path $key -Name $valueName
if ($null -eq $previous) { throw "$valueName under $key is not a number; left alone." }
Remove-ItemProperty -LiteralPath $key -Name $valueName
return [ordered]@{
  changed = $true
  rebootRequired = $true
  undo = [ordered]@{ kind = 'restore-registry-value'; value = 'ipv6-disabled-components'; previous = [int64]$previous }
  detail = "Removed $valueName (was $previous) from $key."
}
