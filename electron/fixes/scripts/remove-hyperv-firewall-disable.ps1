# Fix remove-hyperv-firewall-disable (docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/wsl-checks.md#hyper-v-firewall, docs/knowledge/fixes.md#commands-privileges-and-side-effects). ELEVATED.
# HyperVFirewallDisable = 1 makes WSL treat the Hyper-V firewall as unavailable, so mirrored mode is
# refused (docs/knowledge/wsl-checks.md#mirrored-checks). WSL reads it at its next start (after wsl --shutdown).
# Removes exactly one fixed registry value; takes no input. The previous DWORD is the undo record.
# wnd-language: FullLanguage -- runs only inside the elevated batch, whose bootstrap (electron/powershell/elevation/scripts.ts) needs Full Language for its named pipe and SHA-256 check; asserting it first reports a restricted PC honestly instead of failing half-way.
Assert-WndFullLanguage -What 'Removing HyperVFirewallDisable'
if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }
$key = 'HKLM:\SYSTEM\CurrentControlSet\Services\MpsSvc\Parameters'
$valueName = 'HyperVFirewallDisable'
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
  rebootRequired = $false
  undo = [ordered]@{ kind = 'restore-registry-value'; value = 'hyperv-firewall-disable'; previous = [int64]$previous }
  detail = "Removed $valueName (was $previous) from $key."
}
