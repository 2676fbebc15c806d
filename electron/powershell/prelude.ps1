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
