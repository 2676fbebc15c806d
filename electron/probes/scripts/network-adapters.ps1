# Probe network-adapters (docs/knowledge/probes.md#network-adapters, docs/knowledge/host-causes.md#vpn-clients, docs/knowledge/host-causes.md#vmware-leftovers, docs/knowledge/host-causes.md#phantom-adapters). Read-only, no admin.
# Adapters without MAC addresses (nothing needs them). A failing Get-NetAdapter fails the probe:
# an empty list would wrongly read as "no VPN adapter". The optional parts degrade on their own.

$adapters = @()
foreach ($adapter in @(Get-NetAdapter -IncludeHidden -ErrorAction Stop)) {
  $description = ''
  if ($null -ne $adapter.InterfaceDescription) { $description = [string]$adapter.InterfaceDescription }
  $adapters += [ordered]@{
    name = [string]$adapter.Name
    interfaceDescription = $description
    status = [string]$adapter.Status
    hidden = [bool]$adapter.Hidden
  }
}

# docs/knowledge/host-causes.md#vmware-leftovers: VMware Bridge Protocol and the Hyper-V Extensible Virtual Switch binding. A component no
# adapter has is a non-terminating "no objects found" error, silenced here.
$bindings = @()
$found = @(Get-NetAdapterBinding -AllBindings -IncludeHidden -ComponentID 'vmware_bridge', 'vms_pp' -ErrorAction SilentlyContinue)
foreach ($binding in $found) {
  if ($null -eq $binding) { continue }
  $bindings += [ordered]@{
    adapter = [string]$binding.Name
    componentId = [string]$binding.ComponentID
    enabled = [bool]$binding.Enabled
  }
}

$vmwareClsidPresent = Test-Path -LiteralPath 'HKLM:\SOFTWARE\Classes\CLSID\{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b}'

# docs/knowledge/host-causes.md#phantom-adapters: phantom (not present) network devices report PnP status Unknown. Null when the PnpDevice
# module is missing or the query fails.
$phantomAdapterCount = $null
if ($null -ne (Get-Command -Name 'Get-PnpDevice' -ErrorAction SilentlyContinue)) {
  try {
    $phantomAdapterCount = @(Get-PnpDevice -Class 'Net' -ErrorAction SilentlyContinue | Where-Object { [string]$_.Status -eq 'Unknown' }).Count
  } catch {
    $phantomAdapterCount = $null
  }
}

return [ordered]@{
  adapters = @($adapters)
  bindings = @($bindings)
  vmwareClsidPresent = $vmwareClsidPresent
  phantomAdapterCount = $phantomAdapterCount
}
