# Probe firewall-profiles (docs/knowledge/probes.md#firewall-profiles, docs/knowledge/host-causes.md#dns-blocked-by-the-firewall, docs/knowledge/host-causes.md#enterprise-and-third-party-firewalls). Read-only, no admin.
# ActiveStore = the settings actually enforced (local and Group Policy merged). Enabled,
# AllowInboundRules and AllowLocalFirewallRules are GpoBoolean enums (False = 0, True = 1,
# NotConfigured = 2): True/False map to booleans, NotConfigured (and anything else) to null
# (ConvertFrom-WndBoolean, prelude.ps1).
# DefaultInboundAction is the Action enum's name (NotConfigured = 0, Allow = 2, Block = 4).
# Enums are converted by name and by number, in case cmdletization hands back the raw number.
# A failing Get-NetFirewallProfile fails the probe: no profiles is not a finding.

function ConvertFrom-WndFirewallAction {
  param($Value)
  if ($null -eq $Value) { return $null }
  $text = [string]$Value
  if ($text -eq '0') { return 'NotConfigured' }
  if ($text -eq '2') { return 'Allow' }
  if ($text -eq '4') { return 'Block' }
  return $text
}

$profiles = @()
foreach ($firewallProfile in @(Get-NetFirewallProfile -PolicyStore 'ActiveStore' -ErrorAction Stop)) {
  $profiles += [ordered]@{
    name = [string]$firewallProfile.Name
    enabled = ConvertFrom-WndBoolean -Value $firewallProfile.Enabled
    defaultInboundAction = ConvertFrom-WndFirewallAction -Value $firewallProfile.DefaultInboundAction
    allowInboundRules = ConvertFrom-WndBoolean -Value $firewallProfile.AllowInboundRules
    allowLocalFirewallRules = ConvertFrom-WndBoolean -Value $firewallProfile.AllowLocalFirewallRules
  }
}

return [ordered]@{
  profiles = @($profiles)
}
