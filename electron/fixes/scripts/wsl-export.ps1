# Fix wsl-export (knowledge E.1 "wsl --set-version" row, E.5 step 10, E.6 "Limits"). Runs as the
# interactive user, no admin. Backs a distribution up before it is converted: only a distribution
# that `wsl --list --quiet` lists (names as WSL allows them), into
# %UserProfile%\WslNetworkDoctor\backups\<distro>-<yyyyMMdd-HHmmss>.tar; never overwrites a file.
if ($null -eq $WndInput) { throw 'distro is required.' }
$distro = [string]$WndInput.distro
if ($distro -cnotmatch '^[A-Za-z0-9._-]{1,64}$') { throw "Not a distribution name: '$distro'." }
$wslExe = Join-Path $env:SystemRoot 'System32\wsl.exe'
if (-not (Test-Path -LiteralPath $wslExe)) { throw "$wslExe not found." }
$utf8 = @{ WSL_UTF8 = '1' }
$list = Invoke-WndNative -FilePath $wslExe -Arguments @('--list', '--quiet') -Environment $utf8 -TimeoutMs 30000
if ($list.exitCode -ne 0) { throw "wsl.exe --list --quiet failed with exit code $($list.exitCode)." }
# NULs dropped: the inbox wsl.exe writes UTF-16LE whatever WSL_UTF8 says (D.2); names are ASCII.
$listText = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($list.stdoutBase64 + '')).Replace([string][char]0, '')
$names = @($listText -split '\r?\n' | ForEach-Object { $_.Trim([char]0xFEFF, ' ', "`t") } | Where-Object { $_ -ne '' })
if ($names -cnotcontains $distro) { throw "No distribution named '$distro' is installed." }
$folder = Join-Path ([Environment]::GetFolderPath('UserProfile')) 'WslNetworkDoctor\backups'
$null = New-Item -ItemType Directory -Path $folder -Force
$stamp = (Get-Date).ToString('yyyyMMdd-HHmmss', [Globalization.CultureInfo]::InvariantCulture)
$target = Join-Path $folder "$distro-$stamp.tar"
if (Test-Path -LiteralPath $target) { throw "$target already exists; refused to overwrite it." }
$run = Invoke-WndNative -FilePath $wslExe -Arguments @('--export', $distro, $target) -Environment $utf8 -TimeoutMs 7200000
if ($run.timedOut) { throw "wsl.exe --export $distro did not finish within 2 hours." }
if ($run.exitCode -ne 0) {
  # wsl.exe prints errors on stderr (and some on stdout); NULs dropped for the inbox UTF-16LE output.
  $text = (@($run.stdoutBase64, $run.stderrBase64) | ForEach-Object { [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($_ + '')) }) -join ' '
  $text = $text.Replace([string][char]0, '').Trim()
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
