# Probe host-dns (docs/knowledge/host-network-probes.md#host-dns). Read-only, no admin.
# Name resolution on the Windows host as a VPN shapes it, in four parts read one by one, so a
# module missing on this edition or build (or one refused read) costs only its own part:
# - nrpt: Get-DnsClientNrptPolicy -Effective (the NRPT in force: a VPN's split DNS, DirectAccess);
# - dnsServers: Get-DnsClientServerAddress, interfaces that have DNS servers;
# - routes: Get-NetRoute -PolicyStore ActiveStore, the catch-all routes (0.0.0.0/0, ::/0, and the
#   two /1 halves OpenVPN-style clients add) and a route count per interface;
# - interfaces: Get-NetAdapter -IncludeHidden (index, name, description, HardwareInterface; no MAC);
# - port53: Get-NetUDPEndpoint -LocalPort 53 and each owner's Get-Process name, who holds DNS's port
#   (docs/knowledge/host-network-probes.md#port-53). The cmdletization raises ObjectNotFound
#   (CmdletizationQuery_NotFound_LocalPort) when no socket matches: that is "port 53 is free".
# A part whose cmdlet does not exist is { available = false; reason = 'no-cmdlet' }; one that
# throws is 'access-denied' (Windows System Error 5 / PermissionDenied) or 'failed', with the error
# (the FullyQualifiedErrorId's first field and the message).
# Enums arrive as names or as raw numbers (cmdletization): AddressFamily IPv4 = 2, IPv6 = 23.

function ConvertTo-WndStringList {
  # A string or string[] property as strings; unset (null, empty) is none.
  param($Value)
  @($Value | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { [string]$_ })
}

function ConvertFrom-WndAddressFamily {
  param($Value)
  $text = [string]$Value
  if ($text -eq 'IPv4' -or $text -eq '2') { return 'IPv4' }
  if ($text -eq 'IPv6' -or $text -eq '23') { return 'IPv6' }
  return $null
}

function ConvertTo-WndNullableInt {
  param($Value)
  if ($null -eq $Value -or [string]$Value -eq '') { return $null }
  return [int]$Value
}

function Test-WndCmdlet {
  param([string]$Name)
  return ($null -ne (Get-Command -Name $Name -ErrorAction SilentlyContinue))
}

function New-WndMissingPart {
  param([string]$Cmdlet)
  return [ordered]@{ available = $false; reason = 'no-cmdlet'; detail = "$Cmdlet is not available on this Windows" }
}

function New-WndFailedPart {
  param($ErrorRecord)
  $id = [string]$ErrorRecord.FullyQualifiedErrorId
  $reason = 'failed'
  if ($id -like 'Windows System Error 5,*' -or [string]$ErrorRecord.CategoryInfo.Category -eq 'PermissionDenied') { $reason = 'access-denied' }
  # The id's first field is the error (a CIM one names its Win32 code or HRESULT); the rest names the command.
  $head = ($id -split ',')[0]
  return [ordered]@{ available = $false; reason = $reason; detail = ($head + ': ' + [string]$ErrorRecord.Exception.Message) }
}

# Prefixes every interface has (multicast, broadcast, link-local): not counted as an interface's routes.
$everyInterface = @('224.0.0.0/4', '255.255.255.255/32', '169.254.0.0/16', '169.254.255.255/32', 'ff00::/8', 'fe80::/64')
$catchAllKinds = @{ '0.0.0.0/0' = 'default'; '::/0' = 'default'; '0.0.0.0/1' = 'half-default'; '128.0.0.0/1' = 'half-default'; '::/1' = 'half-default'; '8000::/1' = 'half-default' }

$nrpt = New-WndMissingPart -Cmdlet 'Get-DnsClientNrptPolicy'
if (Test-WndCmdlet -Name 'Get-DnsClientNrptPolicy') {
  try {
    $rules = @()
    foreach ($policy in @(Get-DnsClientNrptPolicy -Effective -ErrorAction Stop)) {
      if ($null -eq $policy) { continue }
      $rules += [ordered]@{
        namespaces = @(ConvertTo-WndStringList -Value $policy.Namespace)
        nameServers = @(ConvertTo-WndStringList -Value $policy.NameServers)
        directAccessEnabled = ConvertFrom-WndBoolean -Value $policy.DirectAccessEnabled
        directAccessDnsServers = @(ConvertTo-WndStringList -Value $policy.DirectAccessDnsServers)
      }
    }
    $nrpt = [ordered]@{ available = $true; rules = @($rules) }
  } catch {
    $nrpt = New-WndFailedPart -ErrorRecord $_
  }
}

$dnsServers = New-WndMissingPart -Cmdlet 'Get-DnsClientServerAddress'
if (Test-WndCmdlet -Name 'Get-DnsClientServerAddress') {
  try {
    $entries = @()
    foreach ($entry in @(Get-DnsClientServerAddress -ErrorAction Stop)) {
      if ($null -eq $entry) { continue }
      $servers = @(ConvertTo-WndStringList -Value $entry.ServerAddresses)
      $family = ConvertFrom-WndAddressFamily -Value $entry.AddressFamily
      if ($servers.Count -eq 0 -or $null -eq $family) { continue }
      $entries += [ordered]@{
        interfaceAlias = [string]$entry.InterfaceAlias
        interfaceIndex = [int]$entry.InterfaceIndex
        addressFamily = $family
        serverAddresses = $servers
      }
    }
    $dnsServers = [ordered]@{ available = $true; interfaces = @($entries) }
  } catch {
    $dnsServers = New-WndFailedPart -ErrorRecord $_
  }
}

$routes = New-WndMissingPart -Cmdlet 'Get-NetRoute'
if (Test-WndCmdlet -Name 'Get-NetRoute') {
  try {
    $catchAll = @()
    $counts = [ordered]@{}
    $aliases = @{}
    foreach ($route in @(Get-NetRoute -PolicyStore 'ActiveStore' -ErrorAction Stop)) {
      if ($null -eq $route) { continue }
      $prefix = [string]$route.DestinationPrefix
      $index = [int]$route.InterfaceIndex
      $alias = [string]$route.InterfaceAlias
      $kind = $catchAllKinds[$prefix]
      if ($null -ne $kind) {
        $catchAll += [ordered]@{
          kind = $kind
          destinationPrefix = $prefix
          nextHop = [string]$route.NextHop
          interfaceAlias = $alias
          interfaceIndex = $index
          routeMetric = ConvertTo-WndNullableInt -Value $route.RouteMetric
          interfaceMetric = ConvertTo-WndNullableInt -Value $route.InterfaceMetric
        }
        continue
      }
      if ($everyInterface -contains $prefix -or $alias -like 'Loopback*') { continue }
      $key = [string]$index
      if ($null -eq $counts[$key]) { $counts[$key] = 0 }
      $counts[$key] = $counts[$key] + 1
      $aliases[$key] = $alias
    }
    $countList = @()
    foreach ($key in @($counts.Keys)) {
      $countList += [ordered]@{ interfaceAlias = $aliases[$key]; interfaceIndex = [int]$key; count = [int]$counts[$key] }
    }
    $routes = [ordered]@{ available = $true; catchAll = @($catchAll); counts = @($countList) }
  } catch {
    $routes = New-WndFailedPart -ErrorRecord $_
  }
}

$interfaces = New-WndMissingPart -Cmdlet 'Get-NetAdapter'
if (Test-WndCmdlet -Name 'Get-NetAdapter') {
  try {
    $adapters = @()
    foreach ($adapter in @(Get-NetAdapter -IncludeHidden -ErrorAction Stop)) {
      if ($null -eq $adapter) { continue }
      $adapters += [ordered]@{
        interfaceIndex = [int]$adapter.InterfaceIndex
        name = [string]$adapter.Name
        interfaceDescription = [string]$adapter.InterfaceDescription
        hardwareInterface = ConvertFrom-WndBoolean -Value $adapter.HardwareInterface
      }
    }
    $interfaces = [ordered]@{ available = $true; adapters = @($adapters) }
  } catch {
    $interfaces = New-WndFailedPart -ErrorRecord $_
  }
}

$port53 = New-WndMissingPart -Cmdlet 'Get-NetUDPEndpoint'
if (Test-WndCmdlet -Name 'Get-NetUDPEndpoint') {
  try {
    $sockets = @()
    try {
      $sockets = @(Get-NetUDPEndpoint -LocalPort 53 -ErrorAction Stop)
    } catch {
      if (-not ([string]$_.FullyQualifiedErrorId -like 'CmdletizationQuery_NotFound*')) { throw }
    }
    $names = @{}
    $endpoints = @()
    foreach ($socket in $sockets) {
      if ($null -eq $socket) { continue }
      # Bounded like PORT53_ENDPOINT_CAP in shared/probes/facts/host-dns.ts.
      if ($endpoints.Count -ge 32) { break }
      $address = [string]$socket.LocalAddress
      $scope = 'one'
      if ($address -eq '0.0.0.0' -or $address -eq '::') { $scope = 'all' }
      elseif ($address -like '127.*' -or $address -eq '::1') { $scope = 'loopback' }
      $owner = ConvertTo-WndNullableInt -Value $socket.OwningProcess
      $name = $null
      if ($null -ne $owner) {
        $key = [string]$owner
        if (-not $names.ContainsKey($key)) {
          $process = Get-Process -Id $owner -ErrorAction SilentlyContinue | Select-Object -First 1
          $names[$key] = $(if ($null -ne $process) { [string]$process.ProcessName } else { $null })
        }
        $name = $names[$key]
      }
      $endpoints += [ordered]@{ localAddress = $address; scope = $scope; owningProcess = $owner; processName = $name }
    }
    $port53 = [ordered]@{ available = $true; endpoints = @($endpoints) }
  } catch {
    $port53 = New-WndFailedPart -ErrorRecord $_
  }
}

return [ordered]@{
  nrpt = $nrpt
  dnsServers = $dnsServers
  routes = $routes
  interfaces = $interfaces
  port53 = $port53
}
