# Fix delete-wsl-hns-network (knowledge E.4, E.5 step 5, C.4, Appendix 2). ELEVATED. Deletes only
# WSL's own HNS networks: by name 'WSL' / 'WSL (Hyper-V firewall)' or by their fixed ids; HNS
# creates the network again at WSL's next start. Never hnsdiag's reset-all command (#11389), never
# `hnsdiag delete all` (it also removes Docker's, Sandbox's and MDAG's endpoints), never another
# network. WSL must be stopped first (E.1): the plan runs wsl-shutdown before this step, and the
# script refuses while the WSL VM process (vmmemWSL) runs. Takes no input.
if ($null -ne $WndInput -and @($WndInput.PSObject.Properties).Count -gt 0) { throw 'This step takes no input.' }
$wslNetworkNames = @('WSL', 'WSL (Hyper-V firewall)')
$wslNetworkIds = @('b95d0c5e-57d4-412b-b571-18a81a16e005', '790e58b4-7939-4434-9358-89ae7ddbe87e')
if ($null -ne (Get-Process -Name 'vmmemWSL' -ErrorAction SilentlyContinue)) { throw 'The WSL VM is still running; run wsl --shutdown first (E.4).' }
$deleted = @()
$module = Get-Module -ListAvailable -Name 'HostNetworkingService' | Select-Object -First 1
if ($null -ne $module) {
  Import-Module -Name 'HostNetworkingService'
  $networks = @(Get-HnsNetwork | Where-Object {
      $id = ([string]$_.ID).Trim('{', '}').ToLowerInvariant()
      ($wslNetworkNames -ccontains [string]$_.Name) -or ($wslNetworkIds -ccontains $id)
    })
  foreach ($network in $networks) {
    $network | Remove-HnsNetwork
    $deleted += "$($network.Name) {$(([string]$network.ID).Trim('{', '}').ToLowerInvariant())}"
  }
  $how = 'Remove-HnsNetwork'
} else {
  # No HostNetworkingService module: hnsdiag.exe ships with HNS (E.4 "CLI alternative").
  $hnsdiag = Join-Path $env:SystemRoot 'System32\hnsdiag.exe'
  if (-not (Test-Path -LiteralPath $hnsdiag)) { throw 'Neither the HostNetworkingService module nor hnsdiag.exe is available.' }
  $list = Invoke-WndNative -FilePath $hnsdiag -Arguments @('list', 'networks') -TimeoutMs 30000
  if ($list.exitCode -ne 0) { throw "hnsdiag.exe list networks failed with exit code $($list.exitCode)." }
  $listText = (Get-WndOemEncoding).GetString([Convert]::FromBase64String($list.stdoutBase64 + '')).ToLowerInvariant()
  foreach ($id in $wslNetworkIds) {
    if (-not $listText.Contains($id)) { continue }
    $run = Invoke-WndNative -FilePath $hnsdiag -Arguments @('delete', 'networks', $id) -TimeoutMs 60000
    if ($run.exitCode -ne 0) { throw "hnsdiag.exe delete networks $id failed with exit code $($run.exitCode)." }
    $deleted += "{$id}"
  }
  $how = 'hnsdiag.exe delete networks'
}
$detail = "No WSL HNS network existed; nothing deleted."
if ($deleted.Count -gt 0) { $detail = "$($how): deleted $($deleted -join ', '). HNS recreates the network at WSL's next start." }
return [ordered]@{
  changed = ($deleted.Count -gt 0)
  rebootRequired = $false
  undo = $null
  detail = $detail
}
