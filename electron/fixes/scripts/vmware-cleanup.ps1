# Fix vmware-cleanup (docs/knowledge/host-causes.md#vmware-leftovers, docs/knowledge/error-codes.md#hresult-table 0x80041002, docs/knowledge/fixes.md#the-fix-ladder step 8, docs/knowledge/wsl-checks.md#nat-network-internals). ELEVATED. Removes
# what an uninstalled VMware left behind so Windows can create WSL's virtual switch again:
# 1. exports the stale CLSID key {3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b} with reg.exe to
#    %ProgramData%\WslNetworkDoctor\backups\vmware-clsid-<stamp>.reg (folder owned by and
#    restricted to Administrators and SYSTEM with icacls.exe; the file is never overwritten), then
#    deletes that key only;
# 2. disables the "VMware Bridge Protocol" binding (vmware_bridge) on every adapter where it is on,
#    hidden adapters and hidden bindings included: without -IncludeHidden and -AllBindings the
#    NetAdapter cmdlets see only visible adapters and the bindings the adapter's Networking tab
#    shows (Learn: Get-NetAdapterBinding, Disable-NetAdapterBinding).
# Takes effect after a restart. Not undoable by the app (reinstall VMware, or import the .reg
# backup). Takes no input: the key and the component id are fixed here. Works in Constrained
# Language Mode: native programs and cmdlets only (the folder ACL is set by icacls, not .NET).
if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }
$clsidKey = 'HKLM\SOFTWARE\Classes\CLSID\{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b}'
$clsidPsPath = 'Registry::HKEY_LOCAL_MACHINE\SOFTWARE\Classes\CLSID\{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b}'
$componentId = 'vmware_bridge'
$regExe = Join-Path $env:SystemRoot 'System32\reg.exe'
$icacls = Join-Path $env:SystemRoot 'System32\icacls.exe'
$done = @()
$backup = $null
if (Test-Path -LiteralPath $clsidPsPath) {
  $folder = Join-Path $env:ProgramData 'WslNetworkDoctor\backups'
  $null = New-Item -ItemType Directory -Path $folder -Force
  # Administrators and SYSTEM only, by well-known SID (any display language). A standard user can
  # create folders in ProgramData, so the owner is taken first and explicit entries are reset.
  $grant = @('*S-1-5-32-544:(OI)(CI)F', '*S-1-5-18:(OI)(CI)F')
  foreach ($acl in @(@($folder, '/setowner', '*S-1-5-32-544'), @($folder, '/reset'), (@($folder, '/inheritance:r', '/grant:r') + $grant))) {
    $run = Invoke-WndNative -FilePath $icacls -Arguments $acl -TimeoutMs 60000
    if ($run.timedOut -or $run.exitCode -ne 0) { throw "icacls.exe $($acl -join ' ') failed with exit code $($run.exitCode); nothing was changed." }
  }
  $now = Get-Date
  $stamp = '{0:D4}{1:D2}{2:D2}-{3:D2}{4:D2}{5:D2}' -f $now.Year, $now.Month, $now.Day, $now.Hour, $now.Minute, $now.Second
  $backup = Join-Path $folder "vmware-clsid-$stamp.reg"
  if (Test-Path -LiteralPath $backup) { throw "$backup already exists; refused to overwrite it." }
  $export = Invoke-WndNative -FilePath $regExe -Arguments @('export', $clsidKey, $backup) -TimeoutMs 60000
  if ($export.timedOut -or $export.exitCode -ne 0) { throw "reg.exe export $clsidKey failed with exit code $($export.exitCode); nothing was changed." }
  $file = Get-Item -LiteralPath $backup -ErrorAction SilentlyContinue
  if ($null -eq $file -or $file.Length -eq 0) { throw "reg.exe export reported success but $backup is missing or empty; nothing was changed." }
  $delete = Invoke-WndNative -FilePath $regExe -Arguments @('delete', $clsidKey, '/f') -TimeoutMs 60000
  if ($delete.timedOut -or $delete.exitCode -ne 0) { throw "reg.exe delete $clsidKey failed with exit code $($delete.exitCode) (backup: $backup)." }
  $done += "deleted $clsidKey (backup: $backup)"
}
$bindings = @(Get-NetAdapterBinding -ComponentID $componentId -IncludeHidden -AllBindings -ErrorAction SilentlyContinue | Where-Object { $_.Enabled })
foreach ($binding in $bindings) {
  Disable-NetAdapterBinding -Name $binding.Name -ComponentID $componentId -IncludeHidden -AllBindings -Confirm:$false
  $done += "disabled $componentId on '$($binding.Name)'"
}
$detail = 'No VMware leftovers found; nothing changed.'
if ($done.Count -gt 0) { $detail = ($done -join '; ') + '. Restart Windows to finish.' }
return [ordered]@{
  changed = ($done.Count -gt 0)
  rebootRequired = ($done.Count -gt 0)
  undo = $null
  detail = $detail
}
