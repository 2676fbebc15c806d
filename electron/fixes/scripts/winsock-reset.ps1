# Fix winsock-reset (docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/fixes.md#commands-privileges-and-side-effects "netsh winsock reset" row, docs/knowledge/fixes.md#commands-we-never-run, docs/knowledge/fixes.md#the-fix-ladder step 8). ELEVATED.
# Resets the Winsock catalog to its defaults, which removes EVERY layered service provider (the
# products that installed them break until reinstalled); takes effect after a restart. Not
# undoable. Takes no input. Only `winsock reset`; never `netsh int ip reset` (loses static IPs).
# Works in Constrained Language Mode (netsh's OEM output read with the prelude's decoder).
if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }
$netsh = Join-Path $env:SystemRoot 'System32\netsh.exe'
$run = Invoke-WndNative -FilePath $netsh -Arguments @('winsock', 'reset') -TimeoutMs 120000
if ($run.timedOut) { throw 'netsh.exe winsock reset did not finish within 120 s.' }
if ($run.exitCode -ne 0) {
  # netsh prints its errors on stdout, in the OEM code page of the Windows display language.
  $text = ((ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding oem) + ' ' + (ConvertFrom-WndNativeText -Base64 $run.stderrBase64 -Encoding oem)).Trim()
  throw "netsh.exe winsock reset failed with exit code $($run.exitCode): $text"
}
return [ordered]@{
  changed = $true
  rebootRequired = $true
  undo = $null
  detail = 'netsh.exe winsock reset: exit code 0.'
}
