# Fix undo-restore-file (docs/knowledge/wslconfig.md, docs/knowledge/fixes.md#the-fix-ladder step 0). Runs as the interactive user, NEVER
# elevated (docs/security.md#elevation). Puts `.wslconfig` back byte for byte from the UndoRecord that
# wslconfig-write returned. The only path it accepts is this user's %UserProfile%\.wslconfig; the
# record's path is compared with it, never used on its own. The current file is first copied to a
# timestamped backup (never deleted); "the file did not exist" is undone by renaming the file to
# `.wslconfig.wnd-undone-<stamp>`, so no user data is ever deleted. Writes via temp + Replace.
# Input: the record's path and previousBase64 (its kind, when sent, must be restore-file).
# wnd-language: FullLanguage -- the atomic swap ([IO.File]::Replace / Move) and the byte-exact read have no cmdlet equivalent; Set-Content cannot replace a file atomically, so a restricted PC gets an honest refusal and an untouched file.
Assert-WndFullLanguage -What 'Restoring .wslconfig'
if ($null -eq $WndInput -or $null -eq $WndInput.path) { throw 'path and previousBase64 are required.' }
if ($null -ne $WndInput.kind -and [string]$WndInput.kind -cne 'restore-file') { throw 'Expected an UndoRecord of kind restore-file.' }
$profileDir = [Environment]::GetFolderPath('UserProfile')
if ([string]::IsNullOrEmpty($profileDir)) { throw 'The user profile folder is unknown.' }
$path = Join-Path $profileDir '.wslconfig'
if ([string]$WndInput.path -ine $path) { throw "Only $path can be restored; refused $($WndInput.path)." }
$item = Get-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue
if ($null -ne $item -and $item.PSIsContainer) { throw "$path is a folder; refused." }
if ($null -ne $item -and (($item.Attributes -band [IO.FileAttributes]::ReparsePoint) -ne 0)) { throw "$path is a link; refused." }
$currentBase64 = $null
if ($null -ne $item) { $currentBase64 = [Convert]::ToBase64String([IO.File]::ReadAllBytes($path)) }
$previousBase64 = $WndInput.previousBase64
# Never destroy newer work: with the record's writtenBase64 (what our fix wrote), the file must still
# hold those bytes (or already the previous ones). Checked here, right before the write, as well as
# by the app, so an edit in between is not lost.
$writtenBase64 = $WndInput.writtenBase64
if ($null -ne $writtenBase64 -and $null -ne $currentBase64) {
  $previousCanonical = $null
  if ($null -ne $previousBase64) { $previousCanonical = [Convert]::ToBase64String([Convert]::FromBase64String([string]$previousBase64)) }
  $writtenCanonical = [Convert]::ToBase64String([Convert]::FromBase64String([string]$writtenBase64))
  if ($currentBase64 -cne $writtenCanonical -and $currentBase64 -cne $previousCanonical) { throw "$path changed since our change; refused to overwrite it." }
}
$stamp = (Get-Date).ToString('yyyyMMdd-HHmmss', [Globalization.CultureInfo]::InvariantCulture)
if ($null -eq $previousBase64) {
  if ($null -eq $currentBase64) {
    return [ordered]@{
      changed = $false
      rebootRequired = $false
      undo = $null
      detail = "$path does not exist, as before the change."
    }
  }
  $aside = "$path.wnd-undone-$stamp"
  if (Test-Path -LiteralPath $aside) { throw "$aside already exists; refused." }
  [IO.File]::Move($path, $aside)
  return [ordered]@{
    changed = $true
    rebootRequired = $false
    undo = $null
    detail = "$path did not exist before the change; it was renamed to $aside."
  }
}
$previousBytes = [Convert]::FromBase64String([string]$previousBase64)
if ($null -ne $currentBase64 -and $currentBase64 -ceq [Convert]::ToBase64String($previousBytes)) {
  return [ordered]@{
    changed = $false
    rebootRequired = $false
    undo = $null
    detail = "$path already has its previous content."
  }
}
$backup = $null
if ($null -ne $currentBase64) {
  $backup = "$path.wnd-backup-$stamp"
  $suffix = 1
  while (Test-Path -LiteralPath $backup) {
    $backup = "$path.wnd-backup-$stamp-$suffix"
    $suffix += 1
  }
  [IO.File]::Copy($path, $backup, $false)
}
# Same folder as the target, so Replace/Move stay on one volume (atomic rename).
$temp = Join-Path $profileDir ('.wslconfig.wnd-tmp-' + [Guid]::NewGuid().ToString('N'))
try {
  [IO.File]::WriteAllBytes($temp, $previousBytes)
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
$detail = "Restored $($previousBytes.Length) bytes to $path."
if ($null -ne $backup) { $detail = "$detail The replaced content was kept in $backup." }
return [ordered]@{
  changed = $true
  rebootRequired = $false
  undo = $null
  detail = $detail
}
