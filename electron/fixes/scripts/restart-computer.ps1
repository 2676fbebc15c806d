# Helper restart-computer (docs/architecture.md#restart-and-resume). Unelevated: standard
# users hold the shutdown right on client Windows. A 5-second delay lets the app answer the
# renderer before Windows closes it; /d p:4:1 records a planned application restart.
$shutdown = Join-Path $env:SystemRoot 'System32\shutdown.exe'
$result = Invoke-WndNative -FilePath $shutdown -Arguments @('/r', '/t', '5', '/d', 'p:4:1') -TimeoutMs 15000
if ($result.exitCode -ne 0) { throw "shutdown.exe exited with $($result.exitCode)" }
return [ordered]@{
  restarting = $true
}
