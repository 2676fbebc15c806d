# Probe wsl-network-check (docs/knowledge/wsl-network-check.md). Read-only but STARTS the WSL VM
# and the distro: consent required (PROBE_TRAITS.startsWsl). Runs the embedded POSIX sh script
# ($WndShellScript, composed in by electron/probes/embed-shell-script.ts from
# wsl-network-check.sh) inside the distro:
#   wsl.exe [-d DISTRO] --exec sh -c SCRIPT wnd-net WINPORT LINPORT DNSNAME TCPADDR HTTPSHOST
# In exec mode wsl.exe splits the rest of its command line with CommandLineToArgvW and hands the
# pieces to Linux as argv, no shell in between (src/windows/common/WslClient.cpp), so the script
# and its data arrive exactly as quoted by ConvertTo-WndArgument and nothing is interpolated.
# Windows side of the localhost test (Full Language Mode only: sockets are .NET):
#   - a TcpListener on 127.0.0.1 (random port) the script connects to (Linux -> Windows);
#   - a background runspace that keeps trying 127.0.0.1:LINPORT, where the script listens
#     (Windows -> Linux), until it connects or the script ends. Both are closed before returning.
$wslExe = "$env:SystemRoot\System32\wsl.exe"
$utf8 = @{ WSL_UTF8 = '1' }
$distro = $null
if ($null -ne $WndInput -and $null -ne $WndInput.distro) {
  $distro = [string]$WndInput.distro
  if ($distro -cnotmatch '^[A-Za-z0-9._-]{1,256}$') { throw "WndBadInput: not a distro name: $distro" }
}
# Targets: a public name for DNS and HTTPS, a public address for TCP 443 (no DNS involved).
$dnsName = 'www.microsoft.com'
$tcpAddress = '1.1.1.1'
$httpsHost = 'www.microsoft.com'

# The socket helpers need .NET (Full Language Mode); in Constrained Language Mode each returns
# $null and the localhost rows say "not checked" with that reason.
function Open-WndLoopbackListener {
  if (-not (Test-WndFullLanguage)) { return $null }
  $socket = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback), 0
  $socket.Start()
  return $socket
}

function Get-WndListenerPort {
  param($Socket)
  if (-not (Test-WndFullLanguage)) { return 0 }
  if ($null -eq $Socket) { return 0 }
  return [int]$Socket.LocalEndpoint.Port
}

function Close-WndListener {
  # Whether a connection is waiting (Linux -> Windows reached us), then closes the listener.
  param($Socket)
  if (-not (Test-WndFullLanguage)) { return $false }
  if ($null -eq $Socket) { return $false }
  $seen = [bool]$Socket.Pending()
  $Socket.Stop()
  return $seen
}

function Start-WndConnectPoller {
  # A background runspace that tries 127.0.0.1:Port every ~0.4 s until it connects, ForMs pass, or
  # its stop event is set. The event is how the script ends it: PowerShell.Stop() blocks without a
  # limit, and was the only unbounded wait in this probe when its test once ran into the 60 s limit.
  param([int]$Port, [int]$ForMs)
  if (-not (Test-WndFullLanguage)) { return $null }
  $stop = New-Object System.Threading.ManualResetEvent $false
  $shell = [powershell]::Create()
  $null = $shell.AddScript({
      param([int]$Port, [int]$ForMs, $Stop)
      $until = [DateTime]::UtcNow.AddMilliseconds($ForMs)
      while ([DateTime]::UtcNow -lt $until -and -not $Stop.WaitOne(0)) {
        $client = New-Object System.Net.Sockets.TcpClient
        try {
          $task = $client.ConnectAsync('127.0.0.1', $Port)
          if ($task.Wait(1000) -and $client.Connected) { return $true }
        } catch {
          $null = $_
        } finally {
          $client.Close()
        }
        if ($Stop.WaitOne(400)) { break }
      }
      return $false
    }).AddArgument($Port).AddArgument($ForMs).AddArgument($stop)
  return @{ shell = $shell; handle = $shell.BeginInvoke(); stop = $stop }
}

function Stop-WndConnectPoller {
  # True when the poller connected. Sets its stop event and waits a bounded time for it to end (one
  # connect attempt waits at most 1 s); a poller that does not end is left to stop on its own
  # rather than blocking the probe.
  param($Poller)
  if (-not (Test-WndFullLanguage)) { return $false }
  if ($null -eq $Poller) { return $false }
  $null = $Poller.stop.Set()
  if (-not $Poller.handle.AsyncWaitHandle.WaitOne(5000)) {
    $null = $Poller.shell.BeginStop($null, $null)
    return $false
  }
  $connected = [bool](@($Poller.shell.EndInvoke($Poller.handle)) | Select-Object -Last 1)
  $Poller.shell.Dispose()
  $Poller.stop.Dispose()
  return $connected
}

$full = Test-WndFullLanguage
$listener = Open-WndLoopbackListener
$windowsPort = Get-WndListenerPort -Socket $listener
# A free port for the Linux listener: taken from Windows and released at once (mirrored mode
# shares the port space with Windows, so it must not stay bound here).
$linuxPort = Get-Random -Minimum 49152 -Maximum 65535
$spare = Open-WndLoopbackListener
if ($null -ne $spare) {
  $linuxPort = Get-WndListenerPort -Socket $spare
  $null = Close-WndListener -Socket $spare
}

$arguments = @()
if ($null -ne $distro) { $arguments += @('-d', $distro) }
$arguments += @('--exec', 'sh', '-c', $WndShellScript, 'wnd-net', [string]$windowsPort, [string]$linuxPort, $dnsName, $tcpAddress, $httpsHost)

$poller = $null
$seen = $false
$connected = $false
try {
  $poller = Start-WndConnectPoller -Port $linuxPort -ForMs 120000
  $run = Invoke-WndNative -FilePath $wslExe -Arguments $arguments -Environment $utf8 -TimeoutMs 120000
} finally {
  $connected = Stop-WndConnectPoller -Poller $poller
  $seen = Close-WndListener -Socket $listener
}

$windowsToLinux = [ordered]@{ status = 'not-checked'; reason = 'constrained-language' }
$windowsListener = $null
if ($full) {
  if ($connected) { $windowsToLinux = [ordered]@{ status = 'connected' } } else { $windowsToLinux = [ordered]@{ status = 'failed' } }
  $windowsListener = [ordered]@{ port = $windowsPort; connectionSeen = $seen }
}

return [ordered]@{
  distro = $distro
  windowsListener = $windowsListener
  linuxListenerPort = $linuxPort
  windowsToLinux = $windowsToLinux
  run = $run
}
