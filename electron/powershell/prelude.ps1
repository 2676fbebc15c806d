# Helpers available to every probe and fix script. Composed before the script body by
# compose-script.ts; kept ASCII-only. Windows PowerShell 5.1 (.NET Framework) compatible.
#
# Constrained Language Mode (AppLocker/WDAC on managed PCs) forbids method calls on most .NET
# types ([Convert], [IO.File], [Text.Encoding], ProcessStartInfo...). Scripts therefore call the
# helpers below, which use .NET in Full Language Mode and cmdlets or plain PowerShell otherwise,
# so every read-only probe works in both modes (docs/knowledge/powershell-hosting.md). A script
# that cannot work in Constrained Language Mode calls Assert-WndFullLanguage first and is reported
# as "not checked: PowerShell is restricted by policy" instead of failing somewhere in the middle.

function Test-WndFullLanguage {
  return ($ExecutionContext.SessionState.LanguageMode -eq 'FullLanguage')
}

function Assert-WndFullLanguage {
  # The message starts with a fixed, untranslated id that envelope.ts maps to 'constrained-language'.
  param([string]$What)
  if (-not (Test-WndFullLanguage)) {
    throw "WndNeedsFullLanguage: $What needs PowerShell's Full Language Mode, but this PC runs PowerShell in $($ExecutionContext.SessionState.LanguageMode) (set by an AppLocker or WDAC policy)."
  }
}

function ConvertTo-WndBase64 {
  # Base64 of a byte array. Plain PowerShell in Constrained Language Mode (slow, but only there).
  param([byte[]]$Bytes)
  if ($null -eq $Bytes) { return '' }
  if (Test-WndFullLanguage) { return [Convert]::ToBase64String($Bytes) }
  $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  $count = $Bytes.Length
  $chars = for ($i = 0; $i -lt $count; $i += 3) {
    $b1 = 0
    $b2 = 0
    if ($i + 1 -lt $count) { $b1 = [int]$Bytes[$i + 1] }
    if ($i + 2 -lt $count) { $b2 = [int]$Bytes[$i + 2] }
    $triple = ([int]$Bytes[$i] -shl 16) -bor ($b1 -shl 8) -bor $b2
    $alphabet[($triple -shr 18) -band 63]
    $alphabet[($triple -shr 12) -band 63]
    if ($i + 1 -lt $count) { $alphabet[($triple -shr 6) -band 63] } else { '=' }
    if ($i + 2 -lt $count) { $alphabet[$triple -band 63] } else { '=' }
  }
  return (-join $chars)
}

function ConvertFrom-WndBase64 {
  # The bytes of a base64 string (strict: no whitespace, correct padding), as ONE byte[] value.
  param([string]$Text)
  if ($null -eq $Text) { $Text = '' }
  if (Test-WndFullLanguage) { return ,([Convert]::FromBase64String($Text)) }
  if (($Text.Length % 4) -ne 0 -or $Text -cnotmatch '^[A-Za-z0-9+/]*={0,2}$') { throw 'The input is not a valid Base-64 string.' }
  $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  $padding = 0
  if ($Text.EndsWith('==')) { $padding = 2 } elseif ($Text.EndsWith('=')) { $padding = 1 }
  $length = ($Text.Length / 4) * 3 - $padding
  $bytes = [byte[]]::new($length)
  $at = 0
  for ($i = 0; $i -lt $Text.Length; $i += 4) {
    $quad = 0
    for ($j = 0; $j -lt 4; $j++) {
      $char = $Text[$i + $j]
      $value = 0
      if ($char -ne '=') { $value = $alphabet.IndexOf($char) }
      $quad = ($quad -shl 6) -bor $value
    }
    if ($at -lt $length) { $bytes[$at] = ($quad -shr 16) -band 255; $at++ }
    if ($at -lt $length) { $bytes[$at] = ($quad -shr 8) -band 255; $at++ }
    if ($at -lt $length) { $bytes[$at] = $quad -band 255; $at++ }
  }
  return ,$bytes
}

function Read-WndFileBytes {
  # All bytes of a file, as ONE byte[] value (empty for an empty file).
  param([string]$Path)
  if (Test-WndFullLanguage) { return ,([IO.File]::ReadAllBytes($Path)) }
  if ($PSVersionTable.PSVersion.Major -ge 6) {
    $bytes = Get-Content -LiteralPath $Path -AsByteStream -Raw # wnd-gate: allow ps7-only -- branch taken only on PowerShell 6+
  } else {
    $bytes = Get-Content -LiteralPath $Path -Encoding Byte -Raw
  }
  if ($null -eq $bytes) { return ,([byte[]]::new(0)) }
  return ,([byte[]]$bytes)
}

function Get-WndUserProfile {
  # The interactive user's profile folder (Environment.GetFolderPath reads the same value).
  if (Test-WndFullLanguage) { return [Environment]::GetFolderPath('UserProfile') }
  if (-not [string]::IsNullOrEmpty($env:USERPROFILE)) { return $env:USERPROFILE }
  return $env:HOME
}

function Get-WndTempFolder {
  if (-not [string]::IsNullOrEmpty($env:TEMP)) { return $env:TEMP }
  if (-not [string]::IsNullOrEmpty($env:TMPDIR)) { return $env:TMPDIR }
  return '/tmp'
}

function ConvertTo-WndArgument {
  # Quotes one argument for a Windows command line the way CommandLineToArgvW reads it back.
  param([string]$Value)
  if ($Value.Length -gt 0 -and $Value -notmatch '[\s"]') { return $Value }
  $escaped = $Value -replace '(\\*)"', '$1$1\"'
  $escaped = $escaped -replace '(\\+)$', '$1$1'
  return '"' + $escaped + '"'
}

function Invoke-WndNative {
  # Runs a native program and returns its exit code and raw output bytes as base64.
  # Raw bytes, because wsl.exe writes UTF-16LE unless WSL_UTF8=1 is honoured (docs/knowledge/wsl-checks.md#console-output-of-wsl);
  # the TypeScript side decodes. Output is read asynchronously so a chatty program cannot deadlock.
  param(
    [Parameter(Mandatory = $true)][string]$FilePath,
    [string[]]$Arguments = @(),
    [int]$TimeoutMs = 20000,
    [hashtable]$Environment = @{}
  )
  if (-not (Test-WndFullLanguage)) {
    return Invoke-WndNativeConstrained -FilePath $FilePath -Arguments $Arguments -TimeoutMs $TimeoutMs -Environment $Environment
  }
  $psi = New-Object System.Diagnostics.ProcessStartInfo
  $psi.FileName = $FilePath
  $psi.Arguments = (@($Arguments | ForEach-Object { ConvertTo-WndArgument -Value $_ }) -join ' ')
  $psi.UseShellExecute = $false
  $psi.CreateNoWindow = $true
  $psi.RedirectStandardOutput = $true
  $psi.RedirectStandardError = $true
  $psi.RedirectStandardInput = $true
  foreach ($name in $Environment.Keys) { $psi.EnvironmentVariables[$name] = [string]$Environment[$name] }
  $process = [System.Diagnostics.Process]::Start($psi)
  $process.StandardInput.Close()
  $stdout = New-Object System.IO.MemoryStream
  $stderr = New-Object System.IO.MemoryStream
  $outCopy = $process.StandardOutput.BaseStream.CopyToAsync($stdout)
  $errCopy = $process.StandardError.BaseStream.CopyToAsync($stderr)
  $timedOut = -not $process.WaitForExit($TimeoutMs)
  if ($timedOut) {
    Stop-WndProcessTree -Id $process.Id
    try { $process.Kill() } catch { $null = $_ }
  }
  [void]$outCopy.Wait(2000)
  [void]$errCopy.Wait(2000)
  $exitCode = $null
  if (-not $timedOut) { $exitCode = $process.ExitCode }
  return [ordered]@{
    exitCode = $exitCode
    timedOut = $timedOut
    stdoutBase64 = [Convert]::ToBase64String($stdout.ToArray())
    stderrBase64 = [Convert]::ToBase64String($stderr.ToArray())
  }
}

function Stop-WndProcessTree {
  # A program that outlives its time limit is ended WITH its children (wsl.exe starts wslhost and
  # the VM's processes; dism.exe starts dismhost): killing only the direct child would orphan them,
  # still changing the PC while the app reports a timeout. taskkill /T ends the whole tree and runs
  # in both language modes. Windows only; elsewhere (our Linux tests) the caller's Kill suffices.
  param([int]$Id)
  if ($env:OS -ne 'Windows_NT') { return }
  $taskkill = $env:SystemRoot + '\System32\taskkill.exe'
  if (-not (Test-Path -LiteralPath $taskkill)) { return }
  $null = & $taskkill /PID $Id /T /F 2>&1
}

function Invoke-WndNativeConstrained {
  # Invoke-WndNative for Constrained Language Mode: Start-Process with stdout/stderr redirected to
  # temp files (raw bytes, read back with Read-WndFileBytes) and stdin from an empty file, so the
  # child can never read the session's own command stream. Same result shape as Invoke-WndNative.
  param(
    [Parameter(Mandatory = $true)][string]$FilePath,
    [string[]]$Arguments = @(),
    [int]$TimeoutMs = 20000,
    [hashtable]$Environment = @{}
  )
  $folder = Get-WndTempFolder
  $stamp = [guid]::NewGuid().ToString('N')
  $inPath = Join-Path $folder "wnd-$stamp.in"
  $outPath = Join-Path $folder "wnd-$stamp.out"
  $errPath = Join-Path $folder "wnd-$stamp.err"
  $saved = @{}
  try {
    Set-Content -LiteralPath $inPath -Value '' -NoNewline
    foreach ($name in $Environment.Keys) {
      $saved[$name] = (Get-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue)
      Set-Item -LiteralPath "Env:$name" -Value ([string]$Environment[$name])
    }
    $start = @{
      FilePath = $FilePath
      PassThru = $true
      NoNewWindow = $true
      RedirectStandardInput = $inPath
      RedirectStandardOutput = $outPath
      RedirectStandardError = $errPath
    }
    $line = (@($Arguments | ForEach-Object { ConvertTo-WndArgument -Value $_ }) -join ' ')
    if ($line.Length -gt 0) { $start.ArgumentList = $line }
    # Windows hands the empty file itself to the child as its stdin. PowerShell 7 elsewhere (only
    # our Linux tests) copies it through a pipe and throws "Broken pipe" when the child exits first,
    # so there the child keeps the session's stdin ($IsWindows does not exist in 5.1: $null).
    if ($IsWindows -eq $false) { $start.Remove('RedirectStandardInput') }
    $process = Start-Process @start
    # Reading Handle keeps ExitCode available after the process ends (PowerShell#5421).
    $null = $process.Handle
    $timedOut = $false
    if (-not $process.HasExited) {
      $seconds = ($TimeoutMs + 999 - (($TimeoutMs + 999) % 1000)) / 1000
      try {
        Wait-Process -InputObject $process -Timeout $seconds -ErrorAction Stop
      } catch {
        $timedOut = -not $process.HasExited
      }
    }
    if ($timedOut) {
      Stop-WndProcessTree -Id $process.Id
      Stop-Process -InputObject $process -Force -ErrorAction SilentlyContinue
    }
    $exitCode = $null
    if (-not $timedOut) { $exitCode = $process.ExitCode }
    $stdout = [byte[]]::new(0)
    $stderr = [byte[]]::new(0)
    if (Test-Path -LiteralPath $outPath) { $stdout = Read-WndFileBytes -Path $outPath }
    if (Test-Path -LiteralPath $errPath) { $stderr = Read-WndFileBytes -Path $errPath }
    return [ordered]@{
      exitCode = $exitCode
      timedOut = $timedOut
      stdoutBase64 = (ConvertTo-WndBase64 -Bytes $stdout)
      stderrBase64 = (ConvertTo-WndBase64 -Bytes $stderr)
    }
  } finally {
    foreach ($name in $saved.Keys) {
      if ($null -eq $saved[$name]) { Remove-Item -LiteralPath "Env:$name" -ErrorAction SilentlyContinue }
      else { Set-Item -LiteralPath "Env:$name" -Value $saved[$name].Value }
    }
    foreach ($path in @($inPath, $outPath, $errPath)) {
      Remove-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue
    }
  }
}

function ConvertFrom-WndBoolean {
  # A boolean property as cmdlets hand it back: a [bool], the name of a GpoBoolean enum value
  # (False = 0, True = 1, NotConfigured = 2) or its raw number (cmdletization). True/False and 1/0
  # are booleans; null, NotConfigured and anything else are $null ("not set", never false).
  param($Value)
  if ($null -eq $Value) { return $null }
  $text = [string]$Value
  if ($text -eq 'True' -or $text -eq '1') { return $true }
  if ($text -eq 'False' -or $text -eq '0') { return $false }
  return $null
}

function ConvertFrom-WndFirewallAction {
  # A firewall Action as the NetSecurity cmdlets hand it back: its enum name or, through
  # cmdletization, its raw number (NotConfigured = 0, Allow = 2, Block = 4; MSFT_NetFirewallProfile,
  # MSFT_NetFirewallHyperVVMSetting). Null and anything else are $null: never guessed.
  param($Value)
  if ($null -eq $Value) { return $null }
  $text = [string]$Value
  if ($text -eq '0' -or $text -eq 'NotConfigured') { return 'NotConfigured' }
  if ($text -eq '2' -or $text -eq 'Allow') { return 'Allow' }
  if ($text -eq '4' -or $text -eq 'Block') { return 'Block' }
  return $null
}

function Get-WndRegistryValue {
  # One registry value or $null, without throwing when the key or value is absent.
  param([string]$Path, [string]$Name)
  $item = Get-ItemProperty -Path $Path -Name $Name -ErrorAction SilentlyContinue
  if ($null -eq $item) { return $null }
  return $item.$Name
}

function Get-WndRegistryDword {
  # One registry DWORD as an unsigned number, or $null when the key or value is absent or is not a
  # number. Get-ItemProperty returns REG_DWORD as a signed Int32 (0xFFFFFFFF reads as -1), so it is
  # widened to Int64 and masked. REG_QWORD is returned as is; a REG_BINARY of 4+ bytes is read
  # little-endian; a REG_SZ is converted the PowerShell way ('255', '0xff'). Reads the value here,
  # not through Get-WndRegistryValue, because returning a byte[] from a function unrolls it.
  param([string]$Path, [string]$Name)
  $item = Get-ItemProperty -Path $Path -Name $Name -ErrorAction SilentlyContinue
  if ($null -eq $item) { return $null }
  $value = $item.$Name
  if ($null -eq $value) { return $null }
  if ($value -is [int]) { return ([int64]$value) -band [int64]4294967295 }
  if ($value -is [long]) { return [int64]$value }
  if ($value -is [byte[]]) {
    if ($value.Length -lt 4) { return $null }
    return [int64]$value[0] -bor ([int64]$value[1] -shl 8) -bor ([int64]$value[2] -shl 16) -bor ([int64]$value[3] -shl 24)
  }
  if ($value -is [string]) {
    try { return [int64]$value } catch { return $null }
  }
  return $null
}

function Get-WndOemCodePage {
  # The system OEM code page, which console programs (netsh, bcdedit, sc.exe) use when their output
  # is redirected. [Console]::OutputEncoding cannot tell it: the session sets it to UTF-8.
  # Nls\CodePage\OEMCP is what GetOEMCP() returns (65001 when the "Use Unicode UTF-8" beta option
  # is on); $null when unreadable.
  $oemcp = Get-WndRegistryValue -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Nls\CodePage' -Name 'OEMCP'
  if ($null -eq $oemcp) { return $null }
  try { return [int]$oemcp } catch { return $null }
}

function ConvertFrom-WndUtf16Bytes {
  param([byte[]]$Bytes)
  if (Test-WndFullLanguage) { return [Text.Encoding]::Unicode.GetString($Bytes) }
  $chars = for ($i = 0; $i + 1 -lt $Bytes.Length; $i += 2) { [char]([int]$Bytes[$i] -bor ([int]$Bytes[$i + 1] -shl 8)) }
  return (-join $chars)
}

function ConvertFrom-WndUtf8Bytes {
  # Strict enough for matching: a malformed sequence becomes U+FFFD, as .NET's decoder does.
  param([byte[]]$Bytes)
  if (Test-WndFullLanguage) { return [Text.Encoding]::UTF8.GetString($Bytes) }
  $count = $Bytes.Length
  $i = 0
  $chars = while ($i -lt $count) {
    $b = [int]$Bytes[$i]
    $need = 0
    $code = $b
    if ($b -ge 0xF0 -and $b -le 0xF4) { $need = 3; $code = $b -band 0x07 }
    elseif ($b -ge 0xE0) { $need = 2; $code = $b -band 0x0F }
    elseif ($b -ge 0xC2 -and $b -le 0xDF) { $need = 1; $code = $b -band 0x1F }
    elseif ($b -ge 0x80) { $need = -1 }
    $ok = ($need -ge 0) -and ($i + $need -lt $count)
    for ($k = 1; $ok -and $k -le $need; $k++) {
      $next = [int]$Bytes[$i + $k]
      if (($next -band 0xC0) -ne 0x80) { $ok = $false } else { $code = ($code -shl 6) -bor ($next -band 0x3F) }
    }
    if (-not $ok) { [char]0xFFFD; $i++; continue }
    $i += $need + 1
    if ($code -ge 0x10000) {
      $code -= 0x10000
      [char](0xD800 + ($code -shr 10))
      [char](0xDC00 + ($code -band 0x3FF))
    } else {
      [char]$code
    }
  }
  return (-join $chars)
}

function ConvertFrom-WndNativeText {
  # Text of a native program's output (base64 from Invoke-WndNative), for matching in a script.
  # -Encoding: 'utf8'; 'utf16le'; 'wsl' (wsl.exe: UTF-16LE without BOM unless WSL_UTF8=1 is
  # honoured, then UTF-8; told apart by the zero high bytes of ASCII text in UTF-16LE); 'oem'
  # (console programs). In Constrained Language Mode no code page can be loaded, so 'oem' keeps
  # ASCII bytes and turns every other byte into '?': enough for the ASCII tokens scripts look for.
  param([string]$Base64, [ValidateSet('utf8', 'utf16le', 'wsl', 'oem')][string]$Encoding)
  $bytes = ConvertFrom-WndBase64 -Text $Base64
  if ($bytes.Length -eq 0) { return '' }
  switch ($Encoding) {
    'utf8' { return (ConvertFrom-WndUtf8Bytes -Bytes $bytes) }
    'utf16le' { return (ConvertFrom-WndUtf16Bytes -Bytes $bytes) }
    'wsl' {
      $zeros = 0
      for ($i = 1; $i -lt $bytes.Length; $i += 2) { if ($bytes[$i] -eq 0) { $zeros++ } }
      $start = 0
      if ($bytes.Length -ge 2 -and $bytes[0] -eq 0xFF -and $bytes[1] -eq 0xFE) { $start = 2; $zeros = $bytes.Length }
      $even = ($bytes.Length % 2) -eq 0
      if ($even -and $zeros * 4 -ge $bytes.Length) {
        if ($start -gt 0) { $bytes = $bytes[2..($bytes.Length - 1)] }
        return (ConvertFrom-WndUtf16Bytes -Bytes $bytes)
      }
      $utf8 = ConvertFrom-WndUtf8Bytes -Bytes $bytes
      # All-CJK UTF-16LE has few zero bytes but is almost never valid UTF-8.
      if ($even -and $utf8.Contains([string][char]0xFFFD)) { return (ConvertFrom-WndUtf16Bytes -Bytes $bytes) }
      return $utf8
    }
    'oem' {
      $codePage = Get-WndOemCodePage
      if ((Test-WndFullLanguage) -and $null -ne $codePage) {
        try { return [Text.Encoding]::GetEncoding($codePage).GetString($bytes) } catch { $null = $_ }
      }
      $chars = foreach ($b in $bytes) { if ($b -lt 128) { [char]$b } else { '?' } }
      return (-join $chars)
    }
  }
}
