# Fix wsl-export (docs/knowledge/fixes.md#commands-privileges-and-side-effects "wsl --set-version" row, docs/knowledge/fixes.md#the-fix-ladder step 10, docs/knowledge/fixes.md#restore-points "Limits"). Runs as the
# interactive user, no admin. Backs a distribution up before it is converted: only a distribution
# that `wsl --list --quiet` lists (names as WSL allows them), into
# %UserProfile%\WslNetworkDoctor\backups\<distro>-<yyyyMMdd-HHmmss>.tar; never overwrites a file.
# Works in Constrained Language Mode (prelude helpers instead of [Environment]/[Text.Encoding]).
if ($null -eq $WndInput) { throw 'distro is required.' }
$distro = [string]$WndInput.distro
# First character alphanumeric: a name starting with '-' would read as a wsl.exe option.
if ($distro -cnotmatch '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$') { throw "Not a distribution name: '$distro'." }
$wslExe = Join-Path $env:SystemRoot 'System32\wsl.exe'
if (-not (Test-Path -LiteralPath $wslExe)) { throw "$wslExe not found." }
$utf8 = @{ WSL_UTF8 = '1' }
$list = Invoke-WndNative -FilePath $wslExe -Arguments @('--list', '--quiet') -Environment $utf8 -TimeoutMs 30000
# 'wsl' decoding: the inbox wsl.exe writes UTF-16LE whatever WSL_UTF8 says, the Store package UTF-8.
$listText = ConvertFrom-WndNativeText -Base64 $list.stdoutBase64 -Encoding wsl
if ($list.exitCode -ne 0) { throw "wsl.exe --list --quiet failed with exit code $($list.exitCode): $($listText.Trim())" }
$names = @($listText -split '\r?\n' | ForEach-Object { $_.Trim([char]0xFEFF, [char]0, ' ', "`t") } | Where-Object { $_ -ne '' })
if ($names -cnotcontains $distro) { throw "No distribution named '$distro' is installed." }
$folder = Join-Path (Get-WndUserProfile) 'WslNetworkDoctor\backups'
$null = New-Item -ItemType Directory -Path $folder -Force
# Gregorian digits whatever the user's culture (Get-Date -Format would use a Thai or Hijri calendar).
$now = Get-Date
$stamp = '{0:D4}{1:D2}{2:D2}-{3:D2}{4:D2}{5:D2}' -f $now.Year, $now.Month, $now.Day, $now.Hour, $now.Minute, $now.Second
$target = Join-Path $folder "$distro-$stamp.tar"
if (Test-Path -LiteralPath $target) { throw "$target already exists; refused to overwrite it." }
$run = Invoke-WndNative -FilePath $wslExe -Arguments @('--export', $distro, $target) -Environment $utf8 -TimeoutMs 7200000
if ($run.timedOut) { throw "wsl.exe --export $distro did not finish within 2 hours." }
if ($run.exitCode -ne 0) {
  $text = ((ConvertFrom-WndNativeText -Base64 $run.stdoutBase64 -Encoding wsl) + ' ' + (ConvertFrom-WndNativeText -Base64 $run.stderrBase64 -Encoding wsl)).Trim()
  throw "wsl.exe --export $distro failed with exit code $($run.exitCode): $text"
}
$file = Get-Item -LiteralPath $target -ErrorAction SilentlyContinue
if ($null -eq $file -or $file.Length -eq 0) { throw "wsl.exe --export reported success but $target is missing or empty." }
return [ordered]@{
  changed = $true
  rebootRequired = $false
  undo = $null
  detail = "Exported $distro to $target ($($file.Length) bytes)."
}
