# Probe wslconfig-file (docs/knowledge/wslconfig.md, docs/knowledge/wsl-checks.md#enterprise-policy). Read-only, no admin.
# Runs as the interactive user, so UserProfile is the profile WSL reads (GetUserProfileDirectoryW).
# Prelude helpers instead of [Environment]/[IO.File]/[Convert], so it also runs in Constrained
# Language Mode (there the base64 is computed in plain PowerShell: slower, same bytes).
$profileDir = Get-WndUserProfile
$path = Join-Path $profileDir '.wslconfig'
$item = Get-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue
$content = $null
$size = $null
$written = $null
if ($null -ne $item -and -not $item.PSIsContainer) {
  $size = [int64]$item.Length
  $written = $item.LastWriteTimeUtc.ToString('o')
  if ($size -le 1048576) { $content = ConvertTo-WndBase64 -Bytes (Read-WndFileBytes -Path $path) }
}
$lookalikes = @()
foreach ($name in @('.wslconfig.txt', '.wslconf', 'wslconfig', '.wslconfig.ini', 'wsl.conf', '.wsl.conf')) {
  $candidate = Join-Path $profileDir $name
  if (Test-Path -LiteralPath $candidate) { $lookalikes += $candidate }
}
$policy = $null
$policyKey = 'HKLM:\SOFTWARE\Policies\WSL'
if (Test-Path -LiteralPath $policyKey) {
  $policy = [ordered]@{}
  $values = Get-ItemProperty -LiteralPath $policyKey
  foreach ($prop in $values.PSObject.Properties) {
    if ($prop.Name -like 'PS*') { continue }
    if ($prop.Value -is [int] -or $prop.Value -is [long]) { $policy[$prop.Name] = [long]$prop.Value }
    else { $policy[$prop.Name] = [string]$prop.Value }
  }
}
return [ordered]@{
  path = $path
  exists = ($null -ne $item -and -not $item.PSIsContainer)
  sizeBytes = $size
  contentBase64 = $content
  lastWriteTimeUtc = $written
  lookalikeFiles = @($lookalikes)
  policy = $policy
}
