import { describe, expect, it } from 'vitest'
import type { FirewallGroupPolicy } from '../../probes/facts/firewall-profiles'
import { diagnose } from '../diagnose'
import { failed, snapshot, text, withService, wslconfig } from '../test-support/test-snapshot'

const ids = (s: ReturnType<typeof snapshot>, pasted?: string) => diagnose(s, pasted).map((f) => f.id)

describe('.wslconfig rules (docs/knowledge/wslconfig.md)', () => {
  it('names a misspelled networking key (#11359) with a did-you-mean', () => {
    const findings = diagnose(snapshot({ 'wslconfig-file': wslconfig('[wsl2]\nnetworkMode=mirrored\n') }))
    expect(findings[0]).toMatchObject({ id: 'wslconfig-networking-key-ignored', args: { count: 1 } })
    expect(findings[0]?.evidence.map((e) => e.key)).toEqual(['ev.configWarning', 'ev.configDidYouMean'])
  })

  it('names networking keys under [experimental] only when WSL rejects them, not the accepted alias', () => {
    expect(
      ids(snapshot({ 'wslconfig-file': wslconfig('[experimental]\nnetworkingMode=mirrored\n'), 'wsl-startup': { networkingModeOutput: text('mirrored\n') } })),
    ).toEqual([])
    expect(ids(snapshot({ 'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirror\n') }))).toEqual(['wslconfig-networking-key-ignored'])
  })

  it('keeps non-networking warnings as a note', () => {
    expect(ids(snapshot({ 'wslconfig-file': wslconfig('[wsl2]\nmemory=4gb\n') }))).toEqual(['wslconfig-warnings'])
  })

  it('names a file WSL refuses to load', () => {
    expect(ids(snapshot({ 'wslconfig-file': wslconfig('[wsl2]\nmacAddress=zz\nnetworkingMode=nat\n') }))[0]).toBe('wslconfig-fails-to-load')
  })

  it('names a misnamed settings file only when .wslconfig itself is absent', () => {
    expect(ids(snapshot({ 'wslconfig-file': { exists: false, lookalikeFiles: ['C:\\Users\\alex\\.wslconfig.txt'] } }))).toEqual(['wslconfig-misnamed'])
    expect(ids(snapshot({ 'wslconfig-file': { ...wslconfig('[wsl2]\n'), lookalikeFiles: ['C:\\Users\\alex\\wsl.conf'] } }))).toEqual([])
  })
})

describe('WSL installation', () => {
  it('names inbox-only WSL and an old Store WSL, not a current one', () => {
    expect(ids(snapshot({ 'wsl-install': { msiVersion: null, appxVersion: null, versionOutput: failed('Usage: wsl.exe [Argument]') } }))).toEqual([
      'wsl-inbox-only',
    ])
    expect(ids(snapshot({ 'wsl-install': { msiVersion: '2.2.4.0' } }))).toEqual(['wsl-outdated'])
    expect(ids(snapshot({ 'wsl-install': { msiVersion: '2.3.25.0' } }))).toEqual([])
  })
})

describe('environment (F)', () => {
  it('names a localhost proxy in NAT mode, not in mirrored mode, not with autoProxy off', () => {
    const proxy = { winInet: { proxyEnable: 1, proxyServer: '127.0.0.1:7890', autoConfigUrl: null } }
    expect(ids(snapshot({ 'proxy-settings': proxy }))).toEqual(['localhost-proxy-not-mirrored'])
    expect(ids(snapshot({ 'proxy-settings': proxy, 'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\n'), 'wsl-startup': null }))).toEqual([])
    expect(ids(snapshot({ 'proxy-settings': proxy, 'wslconfig-file': wslconfig('[wsl2]\nautoProxy=false\n') }))).toEqual([])
    expect(ids(snapshot({ 'proxy-settings': { winInet: { proxyEnable: 1, proxyServer: 'proxy.corp.example:8080', autoConfigUrl: null } } }))).toEqual([])
    expect(ids(snapshot({ 'proxy-settings': { winInet: { proxyEnable: 0, proxyServer: '127.0.0.1:7890', autoConfigUrl: null } } }))).toEqual([])
    // The machine WinHTTP proxy (`netsh winhttp set proxy 127.0.0.1:7890`) counts too.
    const winHttp = Buffer.from('1800000001000000030000000e000000' + Buffer.from('127.0.0.1:7890').toString('hex') + '00000000', 'hex').toString('base64')
    expect(ids(snapshot({ 'proxy-settings': { winHttpSettingsBase64: winHttp } }))).toEqual(['localhost-proxy-not-mirrored'])
  })

  it('names an up VPN adapter, not a disconnected one', () => {
    const adapter = {
      name: 'Ethernet 3',
      interfaceDescription: 'Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64',
      hidden: false,
    }
    expect(ids(snapshot({ 'network-adapters': { adapters: [{ ...adapter, status: 'Up' }] } }))).toEqual(['vpn-detected'])
    expect(ids(snapshot({ 'network-adapters': { adapters: [{ ...adapter, status: 'Disconnected' }] } }))).toEqual([])
  })

  it('names a running Global Secure Access client', () => {
    expect(ids(snapshot({ services: withService('GlobalSecureAccessTunnelingService', { status: 'Running' }) }))).toEqual(['dns-tunneling-disabled-by-gsa'])
  })

  it('names third-party layered Winsock providers, not Windows namespace providers', () => {
    const lsp = { catalog: 'protocol64' as const, providerPath: 'C:\\Program Files\\Proxifier\\PrxerNsp.dll', chainLength: 0 }
    expect(ids(snapshot({ 'winsock-catalog': { entries: [lsp] } }))).toEqual(['winsock-lsp'])
    expect(
      ids(snapshot({ 'winsock-catalog': { entries: [{ catalog: 'namespace64', providerPath: '%SystemRoot%\\system32\\NLAapi.dll', chainLength: null }] } })),
    ).toEqual([])
  })

  it('names firewall profiles that ignore local rules when DNS tunneling is off', () => {
    const profiles = [{ name: 'Public', enabled: true, defaultInboundAction: 'Block', allowInboundRules: true, allowLocalFirewallRules: false }]
    expect(ids(snapshot({ 'firewall-profiles': { profiles }, 'wslconfig-file': wslconfig('[wsl2]\ndnsTunneling=false\n') }))).toEqual([
      'firewall-blocks-wsl-dns',
    ])
  })

  describe('who sets the blocking firewall setting (docs/knowledge/host-network-probes.md#who-sets-the-firewall-profile)', () => {
    const profiles = [{ name: 'Public', enabled: true, defaultInboundAction: 'Block', allowInboundRules: true, allowLocalFirewallRules: false }]
    const noTunneling = wslconfig('[wsl2]\ndnsTunneling=false\n')
    const gpoPublic = { name: 'Public', enabled: null, defaultInboundAction: null, allowInboundRules: null, allowLocalFirewallRules: false }
    const firewallFinding = (groupPolicy: FirewallGroupPolicy | undefined) =>
      diagnose(snapshot({ 'firewall-profiles': { profiles, groupPolicy }, 'wslconfig-file': noTunneling })).find((f) => f.id === 'firewall-blocks-wsl-dns')

    it('a GPO that sets it (#4285, #5593): named, and IT replaces the advice to change it on the PC', () => {
      const f = firewallFinding({ status: 'read', profiles: [gpoPublic] })
      expect(f?.evidence.map((e) => e.key)).toEqual(['ev.firewallNoLocalRules', 'ev.firewallSetByGroupPolicy'])
      expect(f?.evidence[1]?.args).toEqual({ profiles: 'Public', count: 1, setting: 'AllowLocalFirewallRules' })
      expect(f?.fixes).toContain('policy-contact-it')
      expect(f?.fixes).not.toContain('firewall-allow-local-rules')
      expect(f?.unknowns).toEqual([])
    })

    it('no GPO sets it (an empty RSOP store, or a GPO that leaves it NotConfigured): the advice stays, and MDM is said to be unread', () => {
      for (const read of [[], [{ ...gpoPublic, allowLocalFirewallRules: null }], [{ ...gpoPublic, name: 'Domain' }]]) {
        const f = firewallFinding({ status: 'read', profiles: read })
        expect(f?.evidence.map((e) => e.key)).toEqual(['ev.firewallNoLocalRules', 'ev.firewallNotByGroupPolicy'])
        expect(f?.fixes).toContain('firewall-allow-local-rules')
        expect(f?.fixes).not.toContain('policy-contact-it')
      }
    })

    it('an unreadable RSOP store or an older snapshot: "can\'t tell", never "no policy"', () => {
      for (const [groupPolicy, reason] of [
        [{ status: 'unreadable', reason: 'access-denied', detail: 'Access is denied.' }, 'access-denied'],
        [undefined, 'not-recorded'],
      ] as const) {
        const f = firewallFinding(groupPolicy)
        expect(f?.evidence.map((e) => e.key)).toEqual(['ev.firewallNoLocalRules'])
        expect(f?.unknowns).toEqual([{ key: 'un.firewallPolicyUnknown', args: { reason } }])
        expect(f?.fixes).toContain('firewall-allow-local-rules')
      }
    })
  })

  it('names PortTrackerEnabledMode without FSE', () => {
    expect(ids(snapshot({ 'host-networking': { portTrackerEnabledMode: 1, fseServiceExists: false } }))).toEqual(['port-tracker-fse'])
    expect(ids(snapshot({ 'host-networking': { portTrackerEnabledMode: 1, fseServiceExists: true } }))).toEqual([])
  })
})

describe('unknown facts', () => {
  it('never turns unreadable facts into findings or into "healthy" evidence', () => {
    const allUnknown = snapshot({
      'windows-version': { unknown: 'timeout' },
      'wsl-install': { unknown: 'timeout' },
      'wslconfig-file': { unknown: 'access-denied' },
      services: { unknown: 'host-unavailable' },
      'mirrored-readiness': { unknown: 'failed' },
      virtualization: { unknown: 'failed' },
      'wsl-startup': { unknown: 'no-consent' },
    })
    expect(ids(allUnknown)).toEqual([])
  })
})

describe('near misses', () => {
  it('a running GSA client is only a note unless WSL said it disabled tunneling', () => {
    const findings = diagnose(snapshot({ services: withService('GlobalSecureAccessTunnelingService', { status: 'Running' }) }))
    expect(findings[0]).toMatchObject({ id: 'dns-tunneling-disabled-by-gsa', severity: 'info' })
    expect(ids(snapshot({ services: withService('GlobalSecureAccessTunnelingService', { status: 'Stopped' }) }))).toEqual([])
  })

  it('firewall profiles that allow local rules are fine, and so is a blocking profile while DNS tunneling works in mirrored mode', () => {
    const blocking = [{ name: 'Public', enabled: true, defaultInboundAction: 'Block', allowInboundRules: false, allowLocalFirewallRules: true }]
    expect(
      ids(
        snapshot({
          'firewall-profiles': { profiles: blocking },
          'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\n'),
          'wsl-startup': { networkingModeOutput: text('mirrored\n') },
        }),
      ),
    ).toEqual([])
    expect(ids(snapshot({ 'firewall-profiles': { profiles: blocking }, 'wslconfig-file': wslconfig('[wsl2]\ndnsTunneling=false\n') }))).toEqual([
      'firewall-blocks-wsl-dns',
    ])
  })

  it('a Windows base provider in System32 is not an LSP', () => {
    expect(
      ids(snapshot({ 'winsock-catalog': { entries: [{ catalog: 'protocol32', providerPath: 'C:\\Windows\\SysWOW64\\mswsock.dll', chainLength: 1 }] } })),
    ).toEqual([])
  })

  it('a mirrored-kernel message is needed before blaming a custom kernel', () => {
    expect(ids(snapshot({ 'wslconfig-file': wslconfig('[wsl2]\nkernel=C:\\\\kernels\\\\bzImage\n') }))).toEqual([])
    const said = 'wsl: Mirrored networking mode is not supported: Linux Kernel version 5.10 or newer is required.\nFalling back to NAT networking.'
    expect(
      ids(
        snapshot({
          'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\nkernel=C:\\\\kernels\\\\bzImage\n'),
          'wsl-startup': { startOutput: failed(said, 0) },
        }),
      )[0],
    ).toBe('mirrored-kernel-too-old')
  })

  it('0x80070422 belongs to SharedAccess when SharedAccess is the disabled service', () => {
    const s = snapshot({
      services: withService('SharedAccess', { startType: 'disabled', status: 'Stopped' }),
      'wsl-startup': { startOutput: failed('Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80070422'), networkingModeOutput: null },
    })
    expect(ids(s)).toEqual(['nat-ics-disabled'])
  })

  it("shows a config warning in the user's language as WSL prints it", () => {
    const findings = diagnose(snapshot({ 'windows-version': { uiCulture: 'zh-CN' }, 'wslconfig-file': wslconfig('[wsl2]\nnetworkMode=mirrored\n') }))
    expect(findings[0]?.wslSaid[0]).toContain('未知')
    expect(findings[0]?.evidence[0]?.args['text@zh-CN']).toContain('wsl2.networkMode')
  })
})
