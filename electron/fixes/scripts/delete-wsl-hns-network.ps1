# Fix delete-wsl-hns-network (docs/knowledge/fixes.md#delete-wsl-hns-network, docs/knowledge/fixes.md#the-fix-ladder step 5, docs/knowledge/error-codes.md#hresult-table, docs/knowledge/wsl-checks.md#nat-network-internals). ELEVATED. Deletes only
# WSL's own HNS networks: by name 'WSL' / 'WSL (Hyper-V firewall)' or by their fixed ids; HNS
# creates the network again at WSL's next start. Never hnsdiag's reset-all command (#11389), never
# `hnsdiag delete all` (it also removes Docker's, Sandbox's and MDAG's endpoints), never another
# network. WSL must be stopped first (docs/knowledge/fixes.md#commands-privileges-and-side-effects): the plan runs wsl-shutdown before this step, and the
# script refuses while the WSL VM process (vmmemWSL) runs. Takes no input.
# The HostNetworkingService module is imported by its full System32 path only: this runs elevated,
# and a module found through PSModulePath could come from a user-writable folder. Without that
# file (most Windows 10/11 client installs) hnsdiag.exe, which ships with HNS, is used.
# The module writes HNS failures as non-terminating errors from its own scope, where this script's
# $ErrorActionPreference does not reach (hns.psm1 Invoke-HnsRequest: Write-Error $output), so
# new entries in $Error are checked after each call, and the result is verified by listing again.
# Exactly one StepResult is returned: the module's output is discarded.
if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }
$wslNetworkNames = @('WSL', 'WSL (Hyper-V firewall)')
$wslNetworkIds = @('b95d0c5e-57d4-412b-b571-18a81a16e005', '790e58b4-7939-4434-9358-89ae7ddbe87e')
if ($null -ne (Get-Process -Name 'vmmemWSL' -ErrorAction SilentlyContinue)) { throw 'The WSL VM is still running; run wsl --shutdown first.' }

function Get-WndWslHnsNetwork {
  # WSL's networks among Get-HnsNetwork's; throws on any error the module wrote.
  $mark = $null
  if ($Error.Count -gt 0) { $mark = $Error[0] }
  $all = @(Get-HnsNetwork)
  if ($Error.Count -gt 0 -and $Error[0] -ne $mark) { throw "Get-HnsNetwork failed: $($Error[0])" }
  return @($all | Where-Object {
      $id = ([string]$_.ID).Trim('{', '}').ToLowerInvariant()
      ($wslNetworkNames -ccontains [string]$_.Name) -or ($wslNetworkIds -ccontains $id)
    })
}

function Get-WndHnsdiagNetworkText {
  $list = Invoke-WndNative -FilePath $hnsdiag -Arguments @('list', 'networks') -TimeoutMs 30000
  if ($list.timedOut -or $list.exitCode -ne 0) { throw "hnsdiag.exe list networks failed with exit code $($list.exitCode)." }
  return (ConvertFrom-WndNativeText -Base64 $list.stdoutBase64 -Encoding oem).ToLowerInvariant()
}

$deleted = @()
$modulePath = Join-Path $env:SystemRoot 'System32\WindowsPowerShell\v1.0\Modules\HostNetworkingService\HostNetworkingService.psm1'
$hnsdiag = Join-Path $env:SystemRoot 'System32\hnsdiag.exe'
if (Test-Path -LiteralPath $modulePath) {
  Import-Module -Name $modulePath -Force -DisableNameChecking -ErrorAction Stop
  foreach ($network in @(Get-WndWslHnsNetwork)) {
    $mark = $null
    if ($Error.Count -gt 0) { $mark = $Error[0] }
    $null = Remove-HnsNetwork -InputObjects $network
    if ($Error.Count -gt 0 -and $Error[0] -ne $mark) { throw "Remove-HnsNetwork $($network.Name) failed: $($Error[0])" }
    $deleted += "$($network.Name) {$(([string]$network.ID).Trim('{', '}').ToLowerInvariant())}"
  }
  $left = @(Get-WndWslHnsNetwork)
  if ($left.Count -gt 0) { throw "Remove-HnsNetwork reported success but $(@($left | ForEach-Object { $_.Name }) -join ', ') still exists." }
  $how = 'Remove-HnsNetwork'
} else {
  if (-not (Test-Path -LiteralPath $hnsdiag)) { throw "Neither $modulePath nor $hnsdiag is available." }
  $listText = Get-WndHnsdiagNetworkText
  foreach ($id in $wslNetworkIds) {
    if (-not $listText.Contains($id)) { continue }
    $run = Invoke-WndNative -FilePath $hnsdiag -Arguments @('delete', 'networks', $id) -TimeoutMs 60000
    if ($run.timedOut -or $run.exitCode -ne 0) { throw "hnsdiag.exe delete networks $id failed with exit code $($run.exitCode)." }
    $deleted += "{$id}"
  }
  if ($deleted.Count -gt 0) {
    $listText = Get-WndHnsdiagNetworkText
    foreach ($id in $wslNetworkIds) {
      if ($listText.Contains($id)) { throw "hnsdiag.exe delete networks reported success but {$id} still exists." }
    }
  }
  $how = 'hnsdiag.exe delete networks'
}
$detail = 'No WSL HNS network existed; nothing deleted.'
if ($deleted.Count -gt 0) { $detail = "$($how): deleted $($deleted -join ', '). HNS recreates the network at WSL's next start." }
return [ordered]@{
  changed = ($deleted.Count -gt 0)
  rebootRequired = $false
  undo = $null
  detail = $detail
}
