/** Policy values (HKLM\SOFTWARE\Policies\WSL) that make WSL ignore a user setting (docs/knowledge/wsl-checks.md#enterprise-policy). */
const USER_SETTING_POLICIES: readonly { readonly policy: string; readonly key: string }[] = [
  { policy: 'AllowNetworkingModeUserSetting', key: 'wsl2.networkingMode' },
  { policy: 'AllowFirewallUserSetting', key: 'wsl2.firewall' },
]

/**
 * The settings of this file that policy overrides: the policy is 0 and the file sets the key
 * (that is when WSL prints MessageSettingOverriddenByPolicy). `None` stays allowed for the mode.
 */
export function policyOverrides(policy: Readonly<Record<string, number | string>> | null, values: Readonly<Record<string, string>>): string[] {
  if (policy === null) return []
  return USER_SETTING_POLICIES.filter(
    ({ policy: name, key }) => policy[name] === 0 && values[key] !== undefined && !(key === 'wsl2.networkingMode' && values[key] === 'None'),
  ).map(({ key }) => key)
}
