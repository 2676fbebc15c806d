# Fix undo-registry-value (docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry, docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode, docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/fixes.md#commands-privileges-and-side-effects). ELEVATED. Puts back ONE of the three
# registry DWORDs the remove-* fix scripts may delete, from the journal's UndoRecord: the record
# only names which value (ipv6-disabled-components, hyperv-firewall-disable,
# port-tracker-enabled-mode); the key and value names are fixed here, never taken from input.
# wnd-language: FullLanguage -- runs only inside the elevated batch, whose bootstrap (electron/powershell/elevation/scripts.ts) needs Full Language for its named pipe and SHA-256 check; asserting it first reports a restricted PC honestly instead of failing half-way.
Assert-WndFullLanguage -What 'Restoring a registry value'
$allowedValues = @{
  'ipv6-disabled-components' = @('HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip6\Parameters', 'DisabledComponents', $true)
  'hyperv-firewall-disable' = @('HKLM:\SYSTEM\CurrentControlSet\Services\MpsSvc\Parameters', 'HyperVFirewallDisable', $false)
  'port-tracker-enabled-mode' = @('HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters', 'PortTrackerEnabledMode', $true)
}
# Input: the record's value and previous (its kind, when sent, must be restore-registry-value).
if ($null -eq $WndInput) { throw 'value and previous are required.' }
if ($null -ne $WndInput.kind -and [string]$WndInput.kind -cne 'restore-registry-value') { throw 'Expected an UndoRecord of kind restore-registry-value.' }
$which = [string]$WndInput.value
if (-not $allowedValues.ContainsKey($which) -or $which -cne $which.ToLowerInvariant()) { throw "Registry value '$which' is not one this step may restore." }
$previous = $WndInput.previous
if (-not ($previous -is [int] -or $previous -is [long]) -or $previous -lt 0 -or $previous -gt 4294967295) { throw 'previous must be a DWORD (0 to 4294967295).' }
$key = $allowedValues[$which][0]
$valueName = $allowedValues[$which][1]
$reboot = $allowedValues[$which][2]
$current = Get-WndRegistryDword -Path $key -Name $valueName
if ($null -ne $current -and $current -eq $previous) {
  return [ordered]@{
    changed = $false
    rebootRequired = $false
    undo = $null
    detail = "$valueName already is $previous."
  }
}
# REG_DWORD is written as a signed Int32: the unsigned value's bits, by arithmetic (no .NET call).
$dword = [int64]$previous
if ($dword -gt 2147483647) { $dword = $dword - 4294967296 }
$dword = [int]$dword
$null = New-ItemProperty -LiteralPath $key -Name $valueName -PropertyType DWord -Value $dword -Force
return [ordered]@{
  changed = $true
  rebootRequired = $reboot
  undo = $null
  detail = "Set $valueName under $key back to $previous."
}
