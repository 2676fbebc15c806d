# TEST SUPPORT (never shipped): a small STATEFUL Windows for the fix scripts, composed after
# fake-windows.ps1 by fix-machine.ts. fake-windows.ps1 answers each call from fixed rules; a fix
# script reads, changes and reads again (sc.exe then the Start value; Checkpoint-Computer then
# Get-ComputerRestorePoint), so the registry and the restore points live here as session state,
# seeded per run from $WndFakeMachine, and tests read them back (Get-WndFakeMachineState).
# Every call is recorded in $global:WndFakeCalls like fake-windows.ps1 does. Written for
# Constrained Language Mode too (hashtables and string methods only).

$global:WndFakeRegistry = @{}
$global:WndFakeRestorePoints = @()

function ConvertTo-WndFakeKeyName {
  param([string]$Path)
  return $Path.TrimEnd('\').ToLowerInvariant()
}

function Test-WndFakeRegistryPath {
  param([string]$Path)
  return ($Path -like 'HKLM:*' -or $Path -like 'HKCU:*')
}

$seedKeys = @()
if ($null -ne $WndFakeMachine.registry) { $seedKeys = @($WndFakeMachine.registry.PSObject.Properties) }
foreach ($seedKey in $seedKeys) {
  $values = @{}
  foreach ($seedValue in @($seedKey.Value.PSObject.Properties)) {
    if ($null -eq $seedValue) { continue }
    $values[$seedValue.Name.ToLowerInvariant()] = @{
      name = $seedValue.Name
      kind = [string]$seedValue.Value.kind
      value = (ConvertFrom-WndFakeValue -Value $seedValue.Value.value)
    }
  }
  $global:WndFakeRegistry[(ConvertTo-WndFakeKeyName -Path $seedKey.Name)] = $values
}
foreach ($seedPoint in @($WndFakeMachine.restorePoints)) {
  if ($null -ne $seedPoint) { $global:WndFakeRestorePoints += , @{ SequenceNumber = [int64]$seedPoint.SequenceNumber; Description = [string]$seedPoint.Description; CreationTime = [string]$seedPoint.CreationTime } }
}

function Add-WndFakeMachineCall {
  param([string]$Name, [object[]]$Tokens)
  $parsed = ConvertTo-WndFakeArguments -Tokens $Tokens
  $global:WndFakeCalls += , ([ordered]@{ name = $Name; arguments = $parsed.named; positional = $parsed.positional })
  return $parsed.named
}

function Stop-WndFakeMachineCall {
  # Raises an error the way the real cmdlet does, unless the call asked for SilentlyContinue.
  param([hashtable]$Named, [string]$Message, [string]$ErrorId, [string]$Category)
  if (@('SilentlyContinue', 'Ignore') -contains [string]$Named['ErrorAction']) { return }
  Write-Error -Message $Message -ErrorId $ErrorId -Category $Category -ErrorAction Stop
}

function Get-WndFakePath {
  param([hashtable]$Named)
  if ($Named.ContainsKey('LiteralPath')) { return [string]$Named['LiteralPath'] }
  return [string]$Named['Path']
}

function Get-ItemProperty {
  $named = Add-WndFakeMachineCall -Name 'Get-ItemProperty' -Tokens $args
  $path = Get-WndFakePath -Named $named
  $key = $global:WndFakeRegistry[(ConvertTo-WndFakeKeyName -Path $path)]
  if ($null -eq $key) {
    Stop-WndFakeMachineCall -Named $named -Message "Cannot find path '$path' because it does not exist." -ErrorId 'PathNotFound,Microsoft.PowerShell.Commands.GetItemPropertyCommand' -Category 'ObjectNotFound'
    return
  }
  $name = [string]$named['Name']
  $entry = $key[$name.ToLowerInvariant()]
  if ($null -eq $entry) {
    Stop-WndFakeMachineCall -Named $named -Message "Property $name does not exist at path $path." -ErrorId 'System.Management.Automation.PSArgumentException,Microsoft.PowerShell.Commands.GetItemPropertyCommand' -Category 'InvalidArgument'
    return
  }
  # A hashtable reads like the PSCustomObject Get-ItemProperty returns: $item.$Name.
  $item = @{}
  $item[$entry.name] = $entry.value
  return $item
}

function Set-WndFakeRegistryValue {
  param([hashtable]$Named, [string]$Command, [string]$Kind)
  $path = Get-WndFakePath -Named $named
  $key = $global:WndFakeRegistry[(ConvertTo-WndFakeKeyName -Path $path)]
  if ($null -eq $key) {
    Stop-WndFakeMachineCall -Named $Named -Message "Cannot find path '$path' because it does not exist." -ErrorId "PathNotFound,Microsoft.PowerShell.Commands.$Command" -Category 'ObjectNotFound'
    return
  }
  $name = [string]$Named['Name']
  $key[$name.ToLowerInvariant()] = @{ name = $name; kind = $Kind; value = $Named['Value'] }
}

function New-ItemProperty {
  $named = Add-WndFakeMachineCall -Name 'New-ItemProperty' -Tokens $args
  Set-WndFakeRegistryValue -Named $named -Command 'NewItemPropertyCommand' -Kind ([string]$named['PropertyType'])
  $item = @{}
  $item[[string]$named['Name']] = $named['Value']
  return $item
}

function Set-ItemProperty {
  $named = Add-WndFakeMachineCall -Name 'Set-ItemProperty' -Tokens $args
  $kind = 'String'
  if ($named.ContainsKey('Type')) { $kind = [string]$named['Type'] }
  Set-WndFakeRegistryValue -Named $named -Command 'SetItemPropertyCommand' -Kind $kind
}

function Remove-ItemProperty {
  $named = Add-WndFakeMachineCall -Name 'Remove-ItemProperty' -Tokens $args
  $path = Get-WndFakePath -Named $named
  $name = [string]$named['Name']
  $key = $global:WndFakeRegistry[(ConvertTo-WndFakeKeyName -Path $path)]
  if ($null -eq $key -or -not $key.ContainsKey($name.ToLowerInvariant())) {
    Stop-WndFakeMachineCall -Named $named -Message "Property $name does not exist at path $path." -ErrorId 'System.Management.Automation.PSArgumentException,Microsoft.PowerShell.Commands.RemoveItemPropertyCommand' -Category 'InvalidArgument'
    return
  }
  $key.Remove($name.ToLowerInvariant())
}

function Test-Path {
  $named = Add-WndFakeMachineCall -Name 'Test-Path' -Tokens $args
  $path = Get-WndFakePath -Named $named
  if (Test-WndFakeRegistryPath -Path $path) { return $global:WndFakeRegistry.ContainsKey((ConvertTo-WndFakeKeyName -Path $path)) }
  foreach ($file in @($WndFakeMachine.files)) { if ($null -ne $file -and ([string]$file -ieq $path)) { return $true } }
  return $false
}

function New-Item {
  $named = Add-WndFakeMachineCall -Name 'New-Item' -Tokens $args
  $path = Get-WndFakePath -Named $named
  if (-not (Test-WndFakeRegistryPath -Path $path)) { throw "FAKE WINDOWS: New-Item outside the registry: $path" }
  $name = ConvertTo-WndFakeKeyName -Path $path
  if (-not $global:WndFakeRegistry.ContainsKey($name)) { $global:WndFakeRegistry[$name] = @{} }
  return @{ PSPath = $path }
}

function Invoke-WndNative {
  # The recorded answer from fake-windows.ps1's rules, then the recorded effect on the registry
  # (sc.exe config changes the service's Start value).
  $answer = Invoke-WndFakeCommand -Name 'Invoke-WndNative' -Tokens $args
  $parsed = ConvertTo-WndFakeArguments -Tokens $args
  foreach ($effect in @($WndFakeMachine.nativeEffects)) {
    if ($null -eq $effect -or -not (Test-WndFakeMatch -Rule $effect -Named $parsed.named -Positional $parsed.positional)) { continue }
    foreach ($write in @($effect.set)) {
      if ($null -eq $write) { continue }
      $key = $global:WndFakeRegistry[(ConvertTo-WndFakeKeyName -Path ([string]$write.path))]
      $key[([string]$write.name).ToLowerInvariant()] = @{ name = [string]$write.name; kind = [string]$write.kind; value = (ConvertFrom-WndFakeValue -Value $write.value) }
    }
  }
  return $answer
}

function Checkpoint-Computer {
  # checkpoint: 'create' (a new point; skipped with Windows' warning when a point is younger than
  # SystemRestorePointCreationFrequency minutes, default 1440), or a recorded error.
  $named = Add-WndFakeMachineCall -Name 'Checkpoint-Computer' -Tokens $args
  $behaviour = $WndFakeMachine.checkpoint
  if ($null -ne $behaviour.throw) {
    Write-Error -Message ([string]$behaviour.throw.message) -ErrorId ([string]$behaviour.throw.errorId) -Category ([string]$behaviour.throw.category) -ErrorAction Stop
  }
  $frequency = 1440
  $sr = $global:WndFakeRegistry['hklm:\software\microsoft\windows nt\currentversion\systemrestore']
  if ($null -ne $sr -and $null -ne $sr['systemrestorepointcreationfrequency']) { $frequency = [int64]$sr['systemrestorepointcreationfrequency'].value }
  if ($null -ne $behaviour.lastPointMinutesAgo -and [int64]$behaviour.lastPointMinutesAgo -lt $frequency) {
    Write-Warning ([string]$behaviour.skipWarning)
    return
  }
  $last = 0
  foreach ($point in $global:WndFakeRestorePoints) { if ([int64]$point.SequenceNumber -gt $last) { $last = [int64]$point.SequenceNumber } }
  $global:WndFakeRestorePoints += , @{ SequenceNumber = $last + 1; Description = [string]$named['Description']; CreationTime = 'now' }
}

function Get-ComputerRestorePoint {
  $named = Add-WndFakeMachineCall -Name 'Get-ComputerRestorePoint' -Tokens $args
  foreach ($point in $global:WndFakeRestorePoints) { $point }
}

function Join-Path {
  # Windows paths (C:\Windows) cannot be joined by Linux's Join-Path (no drive C:): joined the way
  # Windows' Join-Path does, with one backslash. Any other path goes to the real cmdlet.
  $parsed = ConvertTo-WndFakeArguments -Tokens $args
  $parent = $parsed.named['Path']
  $child = $parsed.named['ChildPath']
  $positional = @($parsed.positional)
  if ($null -eq $parent -and $positional.Count -gt 0) { $parent = $positional[0] }
  if ($null -eq $child -and $positional.Count -gt 1) { $child = $positional[1] }
  if ([string]$parent -match '^[A-Za-z]:\\') { return ([string]$parent).TrimEnd('\') + '\' + ([string]$child).TrimStart('\') }
  return Microsoft.PowerShell.Management\Join-Path -Path $parent -ChildPath $child
}
