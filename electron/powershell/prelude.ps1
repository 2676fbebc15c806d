# Helpers available to every probe and fix script. Composed before the script body by
# compose-script.ts; kept ASCII-only. Windows PowerShell 5.1 (.NET Framework) compatible.

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
  # Raw bytes, because wsl.exe writes UTF-16LE unless WSL_UTF8=1 is honoured (knowledge D.2);
  # the TypeScript side decodes. Output is read asynchronously so a chatty program cannot deadlock.
  param(
    [Parameter(Mandatory = $true)][string]$FilePath,
    [string[]]$Arguments = @(),
    [int]$TimeoutMs = 20000,
    [hashtable]$Environment = @{}
  )
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
    return [int64][BitConverter]::ToUInt32($value, 0)
  }
  if ($value -is [string]) {
    try { return [int64]$value } catch { return $null }
  }
  return $null
}

function Get-WndOemEncoding {
  # The system OEM code page, which console programs (netsh, bcdedit) use when their output is
  # redirected. [Console]::OutputEncoding cannot tell it any more: the composed script sets it to
  # UTF-8 before the body runs. Nls\CodePage\OEMCP is what GetOEMCP() returns (65001 when the
  # "Use Unicode UTF-8" beta option is on). Falls back to ASCII, which still reads digits and
  # ASCII identifiers correctly.
  $oemcp = Get-WndRegistryValue -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Nls\CodePage' -Name 'OEMCP'
  try {
    if ($null -ne $oemcp) { return [Text.Encoding]::GetEncoding([int]$oemcp) }
  } catch {
    $null = $_
  }
  return [Text.Encoding]::ASCII
}
