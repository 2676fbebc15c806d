# Fix wslconfig-write (docs/knowledge/wslconfig.md, docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#the-fix-ladder step 0). Runs as the interactive user, NEVER
# elevated: under over-the-shoulder elevation UserProfile would be another account's (engineering
# section 4). The path is fixed here, never taken from input. Refuses when the file changed since the
# scan (expectedBase64; null = it must not exist), keeps a timestamped backup copy (never deleted),
# writes the new bytes to a temp file in the same folder, then swaps it in with [IO.File]::Replace
# (or Move when there was no file), so WSL never reads a half-written file. Bytes are written as
# given (the plan encodes UTF-8 without BOM or the file's own encoding, docs/knowledge/wslconfig.md).
# wnd-language: FullLanguage -- the atomic swap ([IO.File]::Replace / Move) and the byte-exact read have no cmdlet equivalent; Set-Content cannot replace a file atomically, so a restricted PC gets an honest refusal and an untouched file.
Assert-WndFullLanguage -What 'Writing .wslconfig'
if ($null -eq $WndInput -or $null -eq $WndInput.contentBase64) { throw 'contentBase64 is required.' }
$newBytes = [Convert]::FromBase64String([string]$WndInput.contentBase64)
if ($newBytes.Length -gt 1048576) { throw 'The new .wslconfig is larger than 1 MiB; refused.' }
$expectedBase64 = $WndInput.expectedBase64
$profileDir = [Environment]::GetFolderPath('UserProfile')
if ([string]::IsNullOrEmpty($profileDir)) { throw 'The user profile folder is unknown.' }
$path = Join-Path $profileDir '.wslconfig'
$item = Get-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue
if ($null -ne $item -and $item.PSIsContainer) { throw "$path is a folder; refused." }
if ($null -ne $item -and (($item.Attributes -band [IO.FileAttributes]::ReparsePoint) -ne 0)) { throw "$path is a link; refused." }
$currentBase64 = $null
if ($null -ne $item) { $currentBase64 = [Convert]::ToBase64String([IO.File]::ReadAllBytes($path)) }
if ($null -eq $expectedBase64) {
  if ($null -ne $currentBase64) { throw "$path was created since the scan; scan again before changing it." }
} else {
  $expectedCanonical = [Convert]::ToBase64String([Convert]::FromBase64String([string]$expectedBase64))
  if ($null -eq $currentBase64) { throw "$path was deleted since the scan; scan again before changing it." }
  if ($currentBase64 -cne $expectedCanonical) { throw "$path changed since the scan; scan again before changing it." }
}
$newBase64 = [Convert]::ToBase64String($newBytes)
if ($null -ne $currentBase64 -and $currentBase64 -ceq $newBase64) {
  return [ordered]@{
    changed = $false
    rebootRequired = $false
    undo = $null
    detail = "$path already has the wanted content."
  }
}
$stamp = (Get-Date).ToString('yyyyMMdd-HHmmss', [Globalization.CultureInfo]::InvariantCulture)
$backup = $null
if ($null -ne $currentBase64) {
  $backup = "$path.wnd-backup-$stamp"
  $suffix = 1
  while (Test-Path -LiteralPath $backup) {
    $backup = "$path.wnd-backup-$stamp-$suffix"
    $suffix += 1
  }
  # overwrite = $false: an existing file is never replaced by a backup.
  [IO.File]::Copy($path, $backup, $false)
}
# Same folder as the target, so Replace/Move stay on one volume (atomic rename).
$temp = Join-Path $profileDir ('.wslconfig.wnd-tmp-' + [Guid]::NewGuid().ToString('N'))
try {
  [IO.File]::WriteAllBytes($temp, $newBytes)
  if ($null -ne $currentBase64) {
    # [NullString]::Value, not $null: PowerShell passes $null to a .NET string parameter as '',
    # and Replace rejects an empty backup name; no Replace backup is wanted (our copy is made above).
    [IO.File]::Replace($temp, $path, [NullString]::Value)
  } else {
    [IO.File]::Move($temp, $path)
  }
} finally {
  # Only our own temp file, and only if the swap did not consume it.
  if (Test-Path -LiteralPath $temp) { Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue }
}
$detail = "Wrote $($newBytes.Length) bytes to $path."
if ($null -ne $backup) { $detail = "$detail Backup: $backup." }
return [ordered]@{
  changed = $true
  rebootRequired = $false
  undo = [ordered]@{ kind = 'restore-file'; path = $path; previousBase64 = $currentBase64; backupPath = $backup; writtenBase64 = $newBase64 }
  detail = $detail
}
