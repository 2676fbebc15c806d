# Probe firewall-profiles (docs/knowledge/probes.md#firewall-profiles, docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#enterprise-and-third-party-firewalls). Read-only, no admin.
# ActiveStore = the settings actually enforced (local and Group Policy merged). Enabled,
# AllowInboundRules and AllowLocalFirewallRules are GpoBoolean enums (False = 0, True = 1,
# NotConfigured = 2): True/False map to booleans, NotConfigured (and anything else) to null
# (ConvertFrom-WndBoolean, prelude.ps1).
# DefaultInboundAction is the Action enum's name (NotConfigured = 0, Allow = 2, Block = 4;
# ConvertFrom-WndFirewallAction, prelude.ps1, shared with hyperv-firewall).
# Enums are converted by name and by number, in case cmdletization hands back the raw number.
# A failing Get-NetFirewallProfile fails the probe: no profiles is not a finding.
# groupPolicy: the RSOP store holds only what GPOs set (docs/knowledge/host-network-probes.md#who-sets-the-firewall-profile).
# It is enumerated without -Name: a filtered query that matches nothing raises
# CmdletizationQuery_NotFound, while the whole store of a PC without firewall GPOs is simply empty.
# NotConfigured there means "no GPO sets it" and becomes null. A refused or failed read is
# 'unreadable' (owner unknown), never an empty list, and does not fail the enforced read above.

function ConvertTo-WndFirewallProfile {
  param($FirewallProfile)
  return [ordered]@{
    name = [string]$FirewallProfile.Name
    enabled = ConvertFrom-WndBoolean -Value $FirewallProfile.Enabled
    defaultInboundAction = ConvertFrom-WndFirewallAction -Value $FirewallProfile.DefaultInboundAction
    allowInboundRules = ConvertFrom-WndBoolean -Value $FirewallProfile.AllowInboundRules
    allowLocalFirewallRules = ConvertFrom-WndBoolean -Value $FirewallProfile.AllowLocalFirewallRules
  }
}

$profiles = @()
foreach ($firewallProfile in @(Get-NetFirewallProfile -PolicyStore 'ActiveStore' -ErrorAction Stop)) {
  $profiles += ConvertTo-WndFirewallProfile -FirewallProfile $firewallProfile
}

$groupPolicy = $null
try {
  $policyProfiles = @()
  foreach ($policyProfile in @(Get-NetFirewallProfile -PolicyStore 'RSOP' -ErrorAction Stop)) {
    if ($null -eq $policyProfile) { continue }
    $settings = ConvertTo-WndFirewallProfile -FirewallProfile $policyProfile
    if ($settings.defaultInboundAction -eq 'NotConfigured') { $settings.defaultInboundAction = $null }
    $policyProfiles += $settings
  }
  $groupPolicy = [ordered]@{ status = 'read'; profiles = @($policyProfiles) }
} catch {
  $reason = 'failed'
  if ($_.CategoryInfo.Category -eq 'PermissionDenied' -or [string]$_.FullyQualifiedErrorId -like 'Windows System Error 5,*') { $reason = 'access-denied' }
  $groupPolicy = [ordered]@{ status = 'unreadable'; reason = $reason; detail = ([string]$_.Exception.Message).Trim() }
}

return [ordered]@{
  profiles = @($profiles)
  groupPolicy = $groupPolicy
}
