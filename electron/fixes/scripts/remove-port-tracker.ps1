# Fix remove-port-tracker (docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode, docs/knowledge/fixes.md#commands-privileges-and-side-effects). ELEVATED.
# PortTrackerEnabledMode without a running FSE driver cuts network access (docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode). Refused while FSE
# runs. The change takes effect after a restart.
# Removes exactly one fixed registry value; takes no input. The previous DWORD is the undo record.
# wnd-language: FullLanguage -- runs only inside the elevated batch, whose bootstrap (electron/powershell/elevation/scripts.ts) needs Full Language for its named pipe and SHA-256 check; asserting it first reports a restricted PC honestly instead of failing half-way.
Assert-WndFullLanguage -What 'Removing PortTrackerEnabledMode'
if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }
$key = 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters'
$valueName = 'PortTrackerEnabledMode'
# docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode: only when the FSE service is absent or stopped; while FSE runs the value belongs to it.
$fse = Get-Service -Name 'FSE' -ErrorAction SilentlyContinue
if ($null -ne $fse -and [string]$fse.Status -eq 'Running') { throw 'The FSE service is running; PortTrackerEnabledMode is left alone.' }
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
  undo = [ordered]@{ kind = 'restore-registry-value'; value = 'port-tracker-enabled-mode'; previous = [int64]$previous }
  detail = "Removed $valueName (was $previous) from $key."
}
