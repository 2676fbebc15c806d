# Fix restore-point (docs/knowledge/fixes.md#restore-points, docs/knowledge/fixes.md#the-fix-ladder step 0). ELEVATED; Windows PowerShell 5.1 on a client OS
# only (Checkpoint-Computer). Creates a restore point before admin changes and PROVES it exists:
# Windows silently skips a new point within 24 h of the last one (a warning, not an error), so
# SystemRestorePointCreationFrequency is set to 0 for the call and put back (or removed) in
# `finally`, and the newest SequenceNumber is compared before and after. Throws when no point was
# created, so the batch stops before any change. The description is only a label (printable text,
# at most 120 characters). Does not turn System Protection on: that is the user's decision.
# wnd-language: FullLanguage -- runs only inside the elevated batch, whose bootstrap (electron/powershell/elevation/scripts.ts) needs Full Language for its named pipe and SHA-256 check; asserting it first reports a restricted PC honestly instead of failing half-way.
Assert-WndFullLanguage -What 'Creating a restore point'
if ($null -eq $WndInput) { throw 'description is required.' }
$description = [string]$WndInput.description
if ($description.Length -lt 1 -or $description.Length -gt 120 -or $description -match '[^\x20-\x7e]') { throw 'description must be 1 to 120 printable ASCII characters.' }
# A feature test, not a version test: Checkpoint-Computer ships with Windows PowerShell 5.1 only.
if ($null -eq (Get-Command -Name 'Checkpoint-Computer' -ErrorAction SilentlyContinue)) { throw 'Checkpoint-Computer is not available: it exists only in Windows PowerShell 5.1.' }
$os = Get-CimInstance -ClassName Win32_OperatingSystem
if ($os.ProductType -ne 1) { throw 'Restore points exist only on client editions of Windows.' }
if ((Get-WndRegistryDword -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows NT\SystemRestore' -Name 'DisableSR') -eq 1) { throw 'System Restore is turned off by policy (DisableSR).' }
# System Protection on the system drive: SPP lists the protected volumes, e.g. "...:(C%3A)".
$protected = Get-WndRegistryValue -Path 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\SPP\Clients' -Name '{09F7EDC5-294E-4180-AF6A-FB0E6A0E9513}'
$driveToken = '(' + $env:SystemDrive.TrimEnd(':') + '%3A)'
if ($null -eq $protected -or -not ((@($protected) -join ' ').ToUpperInvariant().Contains($driveToken.ToUpperInvariant()))) { throw "WndSystemProtectionOff: System Protection is off for $env:SystemDrive; turn it on to create restore points." }
$before = @(Get-ComputerRestorePoint -ErrorAction SilentlyContinue)
$lastBefore = 0
foreach ($point in $before) { if ([int64]$point.SequenceNumber -gt $lastBefore) { $lastBefore = [int64]$point.SequenceNumber } }
$srKey = 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\SystemRestore'
$frequencyName = 'SystemRestorePointCreationFrequency'
$previous = Get-WndRegistryValue -Path $srKey -Name $frequencyName
$previousKind = $null
# The kind to put back, from the value Get-ItemProperty returned (Microsoft documents a DWORD; a
# REG_EXPAND_SZ would come back as its expanded String, the one kind this cannot tell apart).
if ($null -ne $previous) {
  $previousKind = 'String'
  if ($previous -is [int]) { $previousKind = 'DWord' }
  elseif ($previous -is [long]) { $previousKind = 'QWord' }
  elseif ($previous -is [byte[]]) { $previousKind = 'Binary' }
  elseif ($previous -is [string[]]) { $previousKind = 'MultiString' }
}
try {
  $null = New-ItemProperty -LiteralPath $srKey -Name $frequencyName -PropertyType DWord -Value 0 -Force
  Checkpoint-Computer -Description $description -RestorePointType MODIFY_SETTINGS -WarningAction SilentlyContinue
} finally {
  if ($null -eq $previous) {
    Remove-ItemProperty -LiteralPath $srKey -Name $frequencyName -ErrorAction SilentlyContinue
  } else {
    $null = New-ItemProperty -LiteralPath $srKey -Name $frequencyName -PropertyType $previousKind -Value $previous -Force
  }
}
$created = $null
foreach ($point in @(Get-ComputerRestorePoint -ErrorAction SilentlyContinue)) {
  if ([int64]$point.SequenceNumber -gt $lastBefore) { $created = $point }
}
if ($null -eq $created) { throw 'Windows did not create a restore point (Checkpoint-Computer skipped it); no change was made.' }
return [ordered]@{
  changed = $true
  rebootRequired = $false
  undo = $null
  detail = "Restore point $($created.SequenceNumber) created: $description."
}
