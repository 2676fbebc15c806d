# Probe hyperv-firewall (docs/knowledge/host-network-probes.md#hyper-v-firewall). Read-only, no admin.
# The Hyper-V firewall filters WSL's traffic (Windows 11 22H2+) by WSL's VM creator id
# {40E0AC32-46A5-438A-A0B2-2B479E8F2E90}. ActiveStore = the settings and rules actually enforced
# (local, MDM and the host firewall's mirrored ones merged). GpoBoolean: True/False -> booleans,
# NotConfigured -> null (ConvertFrom-WndBoolean, prelude.ps1); Action: NotConfigured 0, Allow 2,
# Block 4; Direction: Inbound 1, Outbound 2. Enums are converted by name and by number, in case
# cmdletization hands back the number. No setting for WSL's id yet (CmdletizationQuery_NotFound) is setting = null; any other
# error fails the probe (a refused read is then access-denied, not "no firewall").

$wslCreatorId = '{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}'

function ConvertTo-WndScope {
  # A rule's address/port/protocol list as one string; unset (null, empty) is Any, as the cmdlet shows it.
  param($Value)
  $items = @($Value | Where-Object { $null -ne $_ -and [string]$_ -ne '' } | ForEach-Object { [string]$_ })
  if ($items.Count -eq 0) { return 'Any' }
  return ($items -join ',')
}

if ($null -eq (Get-Command -Name 'Get-NetFirewallHyperVVMSetting' -ErrorAction SilentlyContinue)) {
  return [ordered]@{ supported = $false; setting = $null; blockRules = @() }
}

$setting = $null
try {
  $vm = Get-NetFirewallHyperVVMSetting -PolicyStore 'ActiveStore' -Name $wslCreatorId -ErrorAction Stop
  if ($null -ne $vm) {
    $setting = [ordered]@{
      enabled = ConvertFrom-WndBoolean -Value $vm.Enabled
      defaultInboundAction = ConvertFrom-WndFirewallAction -Value $vm.DefaultInboundAction
      defaultOutboundAction = ConvertFrom-WndFirewallAction -Value $vm.DefaultOutboundAction
      loopbackEnabled = ConvertFrom-WndBoolean -Value $vm.LoopbackEnabled
      allowHostPolicyMerge = ConvertFrom-WndBoolean -Value $vm.AllowHostPolicyMerge
    }
  }
} catch {
  if (-not ([string]$_.FullyQualifiedErrorId -like 'CmdletizationQuery_NotFound*')) { throw }
}

# A raw PolicyStoreSourceType number, named after MS-FASP FW_RULE_ORIGIN_TYPE; names pass through.
$ruleOrigins = @{ '1' = 'Local'; '2' = 'GroupPolicy'; '3' = 'Dynamic'; '5' = 'Hardcoded'; '6' = 'MDM'; '8' = 'HostLocal'; '9' = 'HostGroupPolicy'; '10' = 'HostDynamic'; '11' = 'HostMDM' }

$blockRules = @()
foreach ($rule in @(Get-NetFirewallHyperVRule -PolicyStore 'ActiveStore' -ErrorAction Stop)) {
  if ($null -eq $rule) { continue }
  if ((ConvertFrom-WndFirewallAction -Value $rule.Action) -ne 'Block') { continue }
  if ((ConvertFrom-WndBoolean -Value $rule.Enabled) -ne $true) { continue }
  $creator = ConvertTo-WndScope -Value $rule.VMCreatorId
  if (-not ($creator -eq 'Any' -or $creator.Trim('{}') -eq $wslCreatorId.Trim('{}'))) { continue }
  $directionText = [string]$rule.Direction
  $direction = $null
  if ($directionText -eq 'Inbound' -or $directionText -eq '1') { $direction = 'Inbound' }
  if ($directionText -eq 'Outbound' -or $directionText -eq '2') { $direction = 'Outbound' }
  if ($null -eq $direction) { continue }
  $source = $null
  if ($null -ne $rule.PolicyStoreSourceType -and [string]$rule.PolicyStoreSourceType -ne '') {
    $source = [string]$rule.PolicyStoreSourceType
    if ($null -ne $ruleOrigins[$source]) { $source = $ruleOrigins[$source] }
  }
  $blockRules += [ordered]@{
    name = [string]$rule.Name
    displayName = [string]$rule.DisplayName
    direction = $direction
    vmCreatorId = $creator
    protocol = ConvertTo-WndScope -Value $rule.Protocol
    localPorts = ConvertTo-WndScope -Value $rule.LocalPorts
    remoteAddresses = ConvertTo-WndScope -Value $rule.RemoteAddresses
    remotePorts = ConvertTo-WndScope -Value $rule.RemotePorts
    source = $source
  }
}

return [ordered]@{
  supported = $true
  setting = $setting
  blockRules = @($blockRules)
}
