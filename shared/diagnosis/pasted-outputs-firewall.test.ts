import { describe, expect, it } from 'vitest'
import { diagnose } from './diagnose'
import { snapshotFromEvidence } from './evidence'
import { pastedFirewallProfiles } from './pasted-outputs-firewall'
import { pastedOutputFacts, readPastedOutputs } from './pasted-outputs-read'

const lines = (text: string) => text.split(/\r?\n/)

/** microsoft/WSL#11220, as pasted (the second block behind a Markdown quote), cut after NotifyOnListen. */
const WSL_11220 = `> Get-NetFirewallProfile -PolicyStore ActiveStore
Name                            : Domain
Enabled                         : True
DefaultInboundAction            : Block
DefaultOutboundAction           : Block
AllowInboundRules               : True
AllowLocalFirewallRules         : True
AllowLocalIPsecRules            : True
AllowUserApps                   : True
AllowUserPorts                  : True
AllowUnicastResponseToMulticast : True
NotifyOnListen                  : True
EnableStealthModeForIPsec       : False
LogFileName                     : %systemroot%\\system32\\LogFiles\\Firewall\\pfirewall.log
LogMaxSizeKilobytes             : 4096
LogAllowed                      : False
LogBlocked                      : False
LogIgnored                      : False
DisabledInterfaceAliases        :

> Name                            : Private
Enabled                         : True
DefaultInboundAction            : Block
DefaultOutboundAction           : Block
AllowInboundRules               : True
AllowLocalFirewallRules         : True
AllowLocalIPsecRules            : True
AllowUserApps                   : True
AllowUserPorts                  : True
AllowUnicastResponseToMulticast : True
NotifyOnListen                  : True`

/**
 * The two commands ask.firewall-profiles asks for, on a PC with the GPO of microsoft/WSL#4285 /
 * #5593 ("Apply local firewall rules: No" on every profile). Constructed: no public paste of the
 * RSOP store was found; the layout is Format-List's, as in WSL_11220.
 */
const GPO_PC = `PS C:\\> Get-NetFirewallProfile -PolicyStore ActiveStore | Format-List Name, Enabled, AllowInboundRules, AllowLocalFirewallRules

Name                    : Domain
Enabled                 : True
AllowInboundRules       : True
AllowLocalFirewallRules : False

Name                    : Private
Enabled                 : True
AllowInboundRules       : True
AllowLocalFirewallRules : False

Name                    : Public
Enabled                 : True
AllowInboundRules       : True
AllowLocalFirewallRules : False

PS C:\\> Get-NetFirewallProfile -PolicyStore RSOP | Format-List Name, Enabled, AllowInboundRules, AllowLocalFirewallRules

Name                    : Domain
Enabled                 : NotConfigured
AllowInboundRules       : NotConfigured
AllowLocalFirewallRules : False

Name                    : Public
Enabled                 : NotConfigured
AllowInboundRules       : NotConfigured
AllowLocalFirewallRules : False
`

describe('pasted Get-NetFirewallProfile (docs/knowledge/host-network-probes.md#who-sets-the-firewall-profile)', () => {
  it('reads the enforced profiles of a real paste (#11220), quote marks and all, and no Group Policy store', () => {
    expect(pastedFirewallProfiles(lines(WSL_11220))).toEqual({
      enforced: [
        { name: 'Domain', enabled: true, defaultInboundAction: 'Block', allowInboundRules: true, allowLocalFirewallRules: true },
        { name: 'Private', enabled: true, defaultInboundAction: 'Block', allowInboundRules: true, allowLocalFirewallRules: true },
      ],
      groupPolicy: null,
    })
  })

  it('tells the RSOP store (what GPOs set, NotConfigured = null) from the enforced one by the command above it', () => {
    const read = pastedFirewallProfiles(lines(GPO_PC))
    expect(read?.enforced.map((p) => [p.name, p.allowLocalFirewallRules])).toEqual([
      ['Domain', false],
      ['Private', false],
      ['Public', false],
    ])
    expect(read?.groupPolicy).toEqual([
      { name: 'Domain', enabled: null, defaultInboundAction: null, allowInboundRules: null, allowLocalFirewallRules: false },
      { name: 'Public', enabled: null, defaultInboundAction: null, allowInboundRules: null, allowLocalFirewallRules: false },
    ])
  })

  it('an empty RSOP store pasted under its command means no GPO sets a profile', () => {
    const text = `${GPO_PC.split('PS C:\\> Get-NetFirewallProfile -PolicyStore RSOP')[0]}PS C:\\> Get-NetFirewallProfile -PolicyStore RSOP\nPS C:\\>`
    expect(pastedFirewallProfiles(lines(text))?.groupPolicy).toEqual([])
  })

  it('ignores what is not a profile block: other Name rows, over-long lines, a huge paste', () => {
    expect(pastedFirewallProfiles(lines('Name : Ubuntu\nEnabled : True\n'))).toBeNull()
    expect(pastedFirewallProfiles(lines(`Name : Public\nAllowLocalFirewallRules : ${'F'.repeat(500)}`))).toBeNull()
    const many = Array.from({ length: 50 }, () => 'Name : Public\nAllowLocalFirewallRules : False').join('\n')
    expect(pastedFirewallProfiles(lines(many))?.enforced).toHaveLength(12)
  })

  it('shows both back to the user', () => {
    expect(pastedOutputFacts(readPastedOutputs(GPO_PC)).filter((f) => f.kind.startsWith('firewall'))).toEqual([
      { kind: 'firewallProfiles', profiles: 'Domain, Private, Public', noLocalRules: 'Domain, Private, Public', blockAllInbound: '—' },
      { kind: 'firewallGroupPolicy', profiles: 'Domain, Public', noLocalRules: 'Domain, Public' },
    ])
  })

  it('a paste of both stores names the GPO and sends the user to IT; the enforced store alone leaves the owner unknown', () => {
    const withPolicy = diagnose(snapshotFromEvidence({ notes: GPO_PC }, new Date(0), 'test').snapshot).find((f) => f.id === 'firewall-blocks-wsl-dns')
    expect(withPolicy?.evidence.map((e) => e.key)).toEqual(['ev.firewallNoLocalRules', 'ev.firewallSetByGroupPolicy', 'ev.firewallNotByGroupPolicy'])
    expect(withPolicy?.evidence[1]?.args).toMatchObject({ profiles: 'Domain, Public' })
    expect(withPolicy?.fixes).toContain('policy-contact-it')

    const enforcedOnly = GPO_PC.split('PS C:\\> Get-NetFirewallProfile -PolicyStore RSOP')[0] ?? ''
    const alone = diagnose(snapshotFromEvidence({ notes: enforcedOnly }, new Date(0), 'test').snapshot).find((f) => f.id === 'firewall-blocks-wsl-dns')
    expect(alone?.unknowns.map((u) => u.key)).toEqual(['un.firewallPolicyUnknown'])
    expect(alone?.fixes).not.toContain('policy-contact-it')
  })

  it('a real paste where every profile allows local rules and inbound rules gives no firewall finding (#11220)', () => {
    expect(diagnose(snapshotFromEvidence({ notes: WSL_11220 }, new Date(0), 'test').snapshot).map((f) => f.id)).not.toContain('firewall-blocks-wsl-dns')
  })
})
