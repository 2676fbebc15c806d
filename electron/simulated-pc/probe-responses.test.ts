import { describe, expect, it } from 'vitest'
import { decodeNativeOutput } from '../../shared/probes/decode-native-output'
import { FACT_SCHEMAS, type FactOf } from '../../shared/probes/facts'
import { REQUIRED_EXPORTS } from '../../shared/probes/facts/mirrored-readiness'
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import { SCENARIOS, findScenario } from '../../shared/scenarios'
import type { Scenario } from '../../shared/scenarios/scenario'
import { probeResponse } from './probe-responses'

function scenario(id: string): Scenario {
  const found = findScenario(id)
  if (found === undefined) throw new Error(`missing scenario ${id}`)
  return found
}

function fact<P extends ProbeId>(probeId: P, s: Scenario): FactOf<P> {
  return FACT_SCHEMAS[probeId].parse(probeResponse(probeId, s)) as FactOf<P>
}

function variant(base: Scenario, change: (s: Scenario) => void): Scenario {
  const copy = structuredClone(base)
  change(copy)
  return copy
}

describe('simulated probe responses', () => {
  for (const s of SCENARIOS) {
    it(`match every probe's schema on ${s.id}`, () => {
      for (const probeId of PROBE_IDS) {
        const parsed = FACT_SCHEMAS[probeId].safeParse(probeResponse(probeId, s))
        expect(parsed.success, `${probeId}: ${parsed.error?.issues[0]?.message ?? ''}`).toBe(true)
      }
    })
  }

  it('have unique scenario ids', () => {
    const ids = SCENARIOS.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('mirrored-readiness (docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/probes.md#mirrored-readiness)', () => {
  it('lists exactly the exports WSL requires, on every scenario', () => {
    for (const s of SCENARIOS) {
      const exports = fact('mirrored-readiness', s).exports
      expect(exports).not.toBeNull()
      for (const dll of ['computeNetwork', 'dnsapi', 'winhttp'] as const) {
        expect(Object.keys(exports?.[dll] ?? {}).sort(), `${s.id} ${dll}`).toEqual([...REQUIRED_EXPORTS[dll]].sort())
      }
    }
  })

  it('has the APIs from 22621.2359 on, client and Server 2025 alike, and not on 22000 or Windows 10', () => {
    const has = (s: Scenario) => Object.values(fact('mirrored-readiness', s).exports?.computeNetwork ?? {}).every(Boolean)
    expect(has(scenario('healthy-win11-24h2'))).toBe(true)
    expect(has(scenario('server-2025-mirrored'))).toBe(true)
    expect(has(scenario('seed-22000-mirrored'))).toBe(false)
    expect(has(scenario('win10-19045-mirrored'))).toBe(false)
    const early22h2 = variant(scenario('healthy-win11-24h2'), (s) => {
      s.windows.currentBuild = '22621'
      s.windows.ubr = 2283
    })
    expect(has(early22h2)).toBe(false)
    expect(has(variant(early22h2, (s) => (s.windows.ubr = 2361)))).toBe(true)
  })

  it('reports the broken firewall class, HyperVFirewallDisable and DisabledComponents', () => {
    expect(fact('mirrored-readiness', scenario('hyperv-firewall-disabled-mirrored')).hyperVFirewallDisable).toBe(1)
    expect(fact('mirrored-readiness', scenario('ipv6-disabled-mirrored')).ipv6DisabledComponents).toBe(0xff)
    const broken = variant(scenario('healthy-win11-24h2'), (s) => (s.host.hyperVFirewallBroken = true))
    expect(fact('mirrored-readiness', broken).hyperVFirewall).toEqual({ vmCreatorClassExists: true, profileCount: 0, error: null })
    expect(fact('mirrored-readiness', scenario('seed-22000-mirrored')).hyperVFirewall.vmCreatorClassExists).toBe(false)
  })
})

describe('virtualization (docs/knowledge/probes.md#virtualization)', () => {
  it('has no Hyper-V module or role features on Home, and no hypervisor without VMP', () => {
    const home = fact('virtualization', scenario('home-vmp-missing'))
    expect(home).toMatchObject({ hypervisorPresent: false, hyperVModule: false, hnsModule: false })
    expect(home.features['Microsoft-Hyper-V-All']).toBe('Absent')
    expect(home.features['VirtualMachinePlatform']).toBe('Disabled')
  })

  it('reads firmware virtualization only when no hypervisor runs', () => {
    expect(fact('virtualization', scenario('virtualization-off-firmware'))).toMatchObject({ hypervisorPresent: false, firmwareVirtualization: false })
    expect(fact('virtualization', scenario('healthy-win11-24h2'))).toMatchObject({ hypervisorPresent: true, firmwareVirtualization: false })
  })

  it('has the Hyper-V module with the role on Pro', () => {
    expect(fact('virtualization', scenario('nat-0x80041002'))).toMatchObject({ hyperVModule: true, hnsModule: true })
  })
})

describe('events (docs/knowledge/probes.md#events, docs/knowledge/error-codes.md#hresult-table, docs/knowledge/seed-reports.md#nat-0x80041002)', () => {
  const log = (s: Scenario, name: string) => fact('events', s).logs.find((l) => l.log === name)

  it('adds VMMS 16000 for 0x80041002 only with the Hyper-V role', () => {
    expect(log(scenario('nat-0x80041002'), 'Microsoft-Windows-Hyper-V-VMMS-Admin')?.events.map((e) => e.id)).toEqual([16000])
    const vmpOnly = log(scenario('nat-0x80041002-fallback-virtioproxy'), 'Microsoft-Windows-Hyper-V-VMMS-Admin')
    expect(vmpOnly).toEqual({ log: 'Microsoft-Windows-Hyper-V-VMMS-Admin', available: false, error: null, events: [] })
  })

  it('records the HNS failure code and the WSL warnings', () => {
    const hns = log(scenario('hns-stale-0x803b0001'), 'Microsoft-Windows-Host-Network-Service-Admin')
    expect(hns?.events.map((e) => e.id)).toEqual([1013])
    expect(hns?.events[0]?.message).toContain('0x803b0001')
    const app = log(scenario('zh-cn-localhost-proxy'), 'Application')
    expect(app?.events).toMatchObject([{ provider: 'WSL', level: 3 }])
    expect(log(scenario('healthy-win11-24h2'), 'Application')?.events).toEqual([])
  })
})

describe('network-adapters, proxy, winsock, host networking (docs/knowledge/probes.md#proxy-settings, docs/knowledge/host-causes.md#localhost-proxy, docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/host-causes.md#vmware-leftovers, docs/knowledge/host-causes.md#hosts-file-too-large)', () => {
  it('shows the VMware leftovers and a VPN adapter', () => {
    const vmware = fact('network-adapters', scenario('vmware-leftovers'))
    expect(vmware.vmwareClsidPresent).toBe(true)
    expect(vmware.bindings.filter((b) => b.componentId === 'vmware_bridge' && b.enabled).length).toBeGreaterThan(0)
    const vpn = fact('network-adapters', scenario('vpn-anyconnect-nat'))
    expect(vpn.adapters.some((a) => a.interfaceDescription.includes('AnyConnect') && a.status === 'Up')).toBe(true)
  })

  it('has a vEthernet (WSL…) adapter only while the VM runs in NAT mode', () => {
    const names = (s: Scenario) => fact('network-adapters', s).adapters.map((a) => a.name)
    const running = (s: Scenario) => variant(s, (c) => c.wsl.distros.forEach((d) => (d.running = true)))
    expect(names(scenario('vpn-anyconnect-nat'))).not.toContain('vEthernet (WSL (Hyper-V firewall))')
    expect(names(running(scenario('vpn-anyconnect-nat')))).toContain('vEthernet (WSL (Hyper-V firewall))')
    expect(names(running(scenario('win10-19045-mirrored')))).toContain('vEthernet (WSL)')
    expect(names(running(scenario('healthy-win11-24h2'))).some((n) => n.startsWith('vEthernet (WSL'))).toBe(false)
  })

  it('returns the localhost WinINET proxy and a direct WinHTTP blob', () => {
    expect(fact('proxy-settings', scenario('zh-cn-localhost-proxy'))).toEqual({
      winInet: { proxyEnable: 1, proxyServer: '127.0.0.1:7890', autoConfigUrl: null },
      winHttpSettingsBase64: Buffer.from('1800000000000000010000000000000000000000', 'hex').toString('base64'),
    })
  })

  it('lists the LSP as layered entries beside the stock providers', () => {
    const entries = fact('winsock-catalog', scenario('winsock-lsp-proxifier')).entries
    const lsp = entries.filter((e) => e.providerPath.includes('Proxifier'))
    expect(lsp.some((e) => e.chainLength === 0)).toBe(true)
    expect(lsp.some((e) => (e.chainLength ?? 0) > 1)).toBe(true)
    expect(fact('winsock-catalog', scenario('healthy-win11-24h2')).entries.every((e) => e.providerPath.startsWith('C:\\Windows\\'))).toBe(true)
  })

  // docs/knowledge/installed-products.md#what-is-read
  it('lists the programs a scenario installs, per key in the order the script reads them', () => {
    expect(fact('installed-products', scenario('vpn-anyconnect-nat'))).toEqual({
      keys: [
        { hive: 'machine', status: 'read' },
        { hive: 'machine32', status: 'read' },
        { hive: 'user', status: 'read' },
      ],
      programs: [
        { hive: 'machine32', displayName: 'Cisco AnyConnect Secure Mobility Client 4.10.05111', publisher: null, displayVersion: '4.10.05111' },
        { hive: 'machine32', displayName: 'Zscaler Client Connector', publisher: null, displayVersion: '3.4.0.124' },
      ],
      truncated: false,
    })
    expect(fact('installed-products', scenario('healthy-win11-24h2')).programs).toEqual([])
  })

  it('saves a NAT range only once NAT creation has worked', () => {
    expect(fact('host-networking', scenario('healthy-win11-24h2')).natNetwork).toMatch(/^172\.(1[6-9]|2\d|3[01])\.\d+\.0\/20$/)
    expect(fact('host-networking', scenario('nat-0x80041002')).natNetwork).toBeNull()
    expect(fact('host-networking', scenario('healthy-win11-24h2')).hostsFileBytes).toBe(824)
  })

  it("reads the host's NRPT, DNS servers and VPN routes (docs/knowledge/host-network-probes.md#host-dns)", () => {
    const healthy = fact('host-dns', scenario('healthy-win11-24h2'))
    expect(healthy.nrpt).toEqual({ available: true, rules: [] })
    expect(healthy.routes.available && healthy.routes.catchAll.map((r) => [r.interfaceAlias, r.nextHop])).toEqual([['Wi-Fi', '192.168.0.1']])
    const vpn = fact('host-dns', scenario('vpn-nrpt-dns-tunneling-off'))
    expect(vpn.nrpt.available && vpn.nrpt.rules).toEqual([
      { namespaces: ['.corp.contoso.com'], nameServers: ['10.0.0.1'], directAccessEnabled: null, directAccessDnsServers: [] },
    ])
    expect(vpn.interfaces.available && vpn.interfaces.adapters.find((a) => a.name === 'Contoso VPN')?.hardwareInterface).toBe(false)
    const tunnel = variant(scenario('vpn-anyconnect-nat'), (s) => {
      s.network = { ...s.network, hostDns: { fullTunnelAdapter: 'Ethernet 3', vpnDnsServers: [{ adapter: 'Ethernet 3', servers: ['10.0.0.1'] }] } }
    })
    const full = fact('host-dns', tunnel)
    expect(full.routes.available && full.routes.catchAll.map((r) => [r.interfaceAlias, r.routeMetric, r.interfaceMetric])).toEqual([
      ['Wi-Fi', 0, 45],
      ['Ethernet 3', 1, 1],
    ])
    expect(full.dnsServers.available && full.dnsServers.interfaces.map((i) => i.interfaceAlias)).toEqual(['Wi-Fi', 'Ethernet 3'])
  })

  it('applies firewall profile overrides', () => {
    const locked = variant(scenario('healthy-win11-24h2'), (s) => (s.network = { firewall: { Public: { allowLocalFirewallRules: false } } }))
    expect(fact('firewall-profiles', locked).profiles.find((p) => p.name === 'Public')?.allowLocalFirewallRules).toBe(false)
  })
})

describe('wsl-install and wsl-startup on special PCs (docs/knowledge/wsl-checks.md#console-output-of-wsl, docs/knowledge/probes.md#wsl-startup)', () => {
  it('fails the distro listing when WSLService is disabled', () => {
    const list = fact('wsl-install', scenario('wslservice-disabled')).listOutput
    expect(list?.exitCode).toBe(-1)
    expect(Buffer.from(list?.stdoutBase64 ?? '', 'base64').toString('utf8')).toContain('0x80070422')
  })

  it('prints UTF-16LE on the inbox WSL and has no wslinfo there', () => {
    const startup = fact('wsl-startup', scenario('inbox-wsl-win10'))
    expect(startup.networkingModeOutput?.exitCode).toBe(1)
    const install = fact('wsl-install', scenario('inbox-wsl-win10'))
    expect(Buffer.from(install.versionOutput?.stdoutBase64 ?? '', 'base64').toString('utf16le')).toContain('Usage: wsl.exe')
  })

  it('puts the fatal error on stdout and `wsl: ` warnings on stderr, as wsl.exe does (WslClient.cpp, ExecutionContext.cpp)', () => {
    const failed = fact('wsl-startup', scenario('nat-0x80041002')).startOutput
    expect(Buffer.from(failed.stdoutBase64, 'base64').toString('utf8')).toMatch(
      /^Failed to configure network[^]*\r\nError code: Wsl\/Service\/[^]*0x80041002\r\n$/,
    )
    expect(failed.stderrBase64).toBe('')
    const warned = fact('wsl-startup', scenario('zh-cn-22000-mirrored')).startOutput
    expect(warned.stdoutBase64).toBe('')
    expect(Buffer.from(warned.stderrBase64, 'base64').toString('utf8')).toMatch(/^wsl: 不支持镜像网络模式/)
  })

  it('writes UTF-16LE without BOM when the inbox wsl.exe ignores WSL_UTF8', () => {
    const chinese = variant(scenario('wslservice-disabled'), (s) => {
      s.windows.uiCulture = 'zh-CN'
      s.wsl = { ...s.wsl, kind: 'inbox', version: null, kernelVersion: null, wslgVersion: null }
    })
    const list = fact('wsl-install', chinese).listOutput
    const bytes = Buffer.from(list?.stdoutBase64 ?? '', 'base64')
    expect([bytes[0], bytes[1]]).not.toEqual([0xff, 0xfe])
    expect(decodeNativeOutput(list?.stdoutBase64 ?? '', { kind: 'wsl-exe', wslUtf8: 'ignored' })).toBe(bytes.toString('utf16le'))
  })
})
