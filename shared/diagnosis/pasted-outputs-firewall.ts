import type { FirewallProfilesFact } from '../probes/facts/firewall-profiles'

type ProfileSettings = FirewallProfilesFact['profiles'][number]

/**
 * `Get-NetFirewallProfile … | Format-List` as users paste it (microsoft/WSL#11220 pasted
 * `Get-NetFirewallProfile -PolicyStore ActiveStore`): one `Name : Domain` block per profile with the
 * settings the firewall-profiles probe reads. Format-List prints property names, and these values are
 * enum names (True / False / NotConfigured, Block / Allow), which no Windows language translates.
 * Which store it shows comes from the command line pasted above it: `-PolicyStore RSOP` is what Group
 * Policy sets (docs/knowledge/host-network-probes.md#who-sets-the-firewall-profile); ActiveStore is
 * what is enforced; no store is the PC's own (PersistentStore, "Running this cmdlet without
 * specifying the policy store retrieves the persistent store"), read as enforced because a GPO rarely
 * turns these settings back on — it can only hide a GPO's False, never invent one.
 */
export interface PastedFirewallProfiles {
  readonly enforced: readonly ProfileSettings[]
  readonly groupPolicy: readonly ProfileSettings[] | null
}

const COMMAND = /Get-NetFirewallProfile\b(.*)$/iu
const STORE = /-PolicyStore\s+['"]?(\w+)/iu
/** A Format-List row; a Markdown quote (`> `) in front is allowed, as in #11220. */
const ROW = /^[\s>]*(Name|Enabled|DefaultInboundAction|AllowInboundRules|AllowLocalFirewallRules)\s*:\s*(\S*)\s*$/u
const PROFILE_NAMES = new Set(['Domain', 'Private', 'Public'])
const MAX_PROFILES = 12

function gpoBoolean(value: string): boolean | null {
  if (/^true$/iu.test(value)) return true
  if (/^false$/iu.test(value)) return false
  return null
}

function action(value: string, store: 'enforced' | 'group-policy'): string | null {
  if (/^(block|allow)$/iu.test(value)) return value[0]!.toUpperCase() + value.slice(1).toLowerCase()
  if (/^notconfigured$/iu.test(value)) return store === 'group-policy' ? null : 'NotConfigured'
  return null
}

/** Null when the paste has no profile block with a setting. */
export function pastedFirewallProfiles(lines: readonly string[]): PastedFirewallProfiles | null {
  const enforced: ProfileSettings[] = []
  const groupPolicy: ProfileSettings[] = []
  let sawGroupPolicy = false
  let store: 'enforced' | 'group-policy' = 'enforced'
  let current: { -readonly [K in keyof ProfileSettings]: ProfileSettings[K] } | null = null
  let settings = 0
  const close = () => {
    if (current !== null && settings > 0 && enforced.length + groupPolicy.length < MAX_PROFILES)
      (store === 'group-policy' ? groupPolicy : enforced).push(current)
    current = null
    settings = 0
  }
  for (const line of lines) {
    if (line.length > 400) continue
    const command = COMMAND.exec(line)
    if (command !== null) {
      close()
      const named = STORE.exec(command[1] ?? '')?.[1]?.toLowerCase()
      store = named === 'rsop' ? 'group-policy' : 'enforced'
      if (store === 'group-policy') sawGroupPolicy = true
      continue
    }
    const row = ROW.exec(line)
    if (row === null) continue
    const [, key, value = ''] = row
    if (key === 'Name') {
      close()
      if (PROFILE_NAMES.has(value)) current = { name: value, enabled: null, defaultInboundAction: null, allowInboundRules: null, allowLocalFirewallRules: null }
      continue
    }
    if (current === null) continue
    settings++
    if (key === 'Enabled') current.enabled = gpoBoolean(value)
    else if (key === 'DefaultInboundAction') current.defaultInboundAction = action(value, store)
    else if (key === 'AllowInboundRules') current.allowInboundRules = gpoBoolean(value)
    else if (key === 'AllowLocalFirewallRules') current.allowLocalFirewallRules = gpoBoolean(value)
  }
  close()
  if (enforced.length === 0 && groupPolicy.length === 0) return null
  return { enforced, groupPolicy: sawGroupPolicy ? groupPolicy : null }
}
