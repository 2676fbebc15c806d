# Fix wsl-shutdown (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#delete-wsl-hns-network, docs/knowledge/wslconfig.md). Runs as the interactive user, no admin. Stops every
# distribution and the utility VM, so WSL reads .wslconfig again at its next start; also required
# before the WSL HNS network is deleted (docs/knowledge/fixes.md#delete-wsl-hns-network). Absolute wsl.exe path; WSL_UTF8=1 (docs/knowledge/wsl-checks.md#console-output-of-wsl). Works in
# Constrained Language Mode: only Invoke-WndNative and the prelude's decoders.
if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }
$wslExe = Join-Path $env:SystemRoot 'System32\wsl.exe'
if (-not (Test-Path -LiteralPath $wslExe)) { throw "$wslExe not found." }
$run = Invoke-WndNative -FilePath $wslExe -Arguments @('--shutdown') -Environment @{ WSL_UTF8 = '1' } -TimeoutMs 120000
if ($run.timedOut) { throw 'wsl.exe --shutdown did not finish within 120 s.' }
if ($run.exitCode -ne 0) {
  # wsl.exe prints errors on stdout and stderr; 'wsl' decoding: the inbox wsl.exe writes UTF-16LE
  # whatever WSL_UTF8 says, the Store package UTF-8 (docs/knowledge/wsl-checks.md#console-output-of-wsl).
  $text = ((ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding wsl) + ' ' + (ConvertFrom-WndNativeText -Base64 $run.stderrBase64 -Encoding wsl)).Trim()
  throw "wsl.exe --shutdown failed with exit code $($run.exitCode): $text"
}
return [ordered]@{
  changed = $true
  rebootRequired = $false
  undo = $null
  detail = 'wsl.exe --shutdown: exit code 0.'
}
