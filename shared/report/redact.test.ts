import { describe, expect, it } from 'vitest'
import { snapshotOfScenario } from '../../electron/simulated-pc/scenario-snapshot'
import { diagnose } from '../diagnosis/diagnose'
import { MachineSnapshot } from '../machine/snapshot'
import { decodeNativeOutput, WSL_EXE_REQUESTED } from '../probes/decode-native-output'
import { decodeWinHttpSettings } from '../probes/decode-winhttp-settings'
import { SCENARIOS, findScenario } from '../scenarios'
import { decodeBase64, encodeBase64 } from '../util/base64'
import { encodeUtf8 } from '../wslconfig/utf8'
import { redactSnapshot, redactText } from './redact'
import { NOT_PERSONAL_PROFILES } from './redact-patterns'

const utf16le = (text: string, bom = false) => {
  const bytes = bom ? [0xff, 0xfe] : []
  for (const c of text) bytes.push(c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8)
  return encodeBase64(Uint8Array.from(bytes))
}
const utf8 = (text: string) => encodeBase64(encodeUtf8(text))
const winHttp = (proxy: string, bypass: string) => {
  const dword = (n: number) => [n & 0xff, (n >> 8) & 0xff, 0, 0]
  const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0))
  return encodeBase64(
    Uint8Array.from([...dword(0x46), ...dword(3), ...dword(3), ...dword(proxy.length), ...ascii(proxy), ...dword(bypass.length), ...ascii(bypass), 0, 0, 0, 0]),
  )
}
const output = (text: string, encode: (t: string) => string = utf8) => ({ exitCode: 0, timedOut: false, stdoutBase64: encode(text), stderrBase64: '' })

/** A snapshot shaped like a real Chinese user's PC: profile 张伟, Clash on loopback, a NAT range, HNS events. */
function realLookingSnapshot(): MachineSnapshot {
  const base = snapshotOfScenario(findScenario('zh-cn-localhost-proxy')!, { appVersion: '0.1.0', takenAt: new Date('2026-11-21T10:00:00Z') })
  const facts = structuredClone(base.facts)
  facts['wslconfig-file'] = {
    status: 'known',
    durationMs: 12,
    data: {
      path: 'C:\\Users\\张伟\\.wslconfig',
      exists: true,
      sizeBytes: 0,
      contentBase64: utf8('[wsl2]\r\nkernel=C:\\\\Users\\\\张伟\\\\bzImage\r\nmacAddress=00:15:5d:3a:7b:01\r\ndnsProxy=false\r\n'),
      lastWriteTimeUtc: '2026-11-20T09:14:03.0000000Z',
      lookalikeFiles: ['C:\\Users\\张伟\\.wslconfig.txt'],
      policy: null,
    },
  }
  facts['proxy-settings'] = {
    status: 'known',
    durationMs: 3,
    data: {
      winInet: { proxyEnable: 1, proxyServer: '127.0.0.1:7890', autoConfigUrl: null },
      winHttpSettingsBase64: winHttp('192.168.31.20:3128', '<local>;*.corp.example.com'),
    },
  }
  facts['host-networking'] = {
    status: 'known',
    durationMs: 5,
    data: {
      hostsFileBytes: 824,
      portTrackerEnabledMode: null,
      fseServiceExists: false,
      natNetwork: '172.25.48.0/20',
      natGatewayIpAddress: '172.25.48.1',
      excludedPortRanges: [],
    },
  }
  facts.events = {
    status: 'known',
    durationMs: 800,
    data: {
      sinceDays: 7,
      logs: [
        {
          log: 'Microsoft-Windows-Hyper-V-VmSwitch-Operational',
          available: true,
          error: null,
          events: [
            {
              provider: 'Microsoft-Windows-Hyper-V-VmSwitch',
              id: 232,
              level: 4,
              timeCreated: '2026-11-21T08:52:20Z',
              message:
                'NIC 3C2A59B1-0C5F-4F1B-9A5E-2B1A5E0E7A11--2E6C (Friendly Name: 以太网) successfully connected to port (MAC 00-15-5D-3A-7B-01, IP 172.25.53.17).',
            },
            {
              provider: 'Microsoft-Windows-Host-Network-Service',
              id: 1029,
              level: 2,
              timeCreated: '2026-11-21T08:52:21Z',
              message: 'HNS failed to create endpoint fe80::8d4c:2f1a:77e3:b012%14 for user zhangwei@example.com on DESKTOP-7QK2M4N',
            },
          ],
        },
      ],
    },
  }
  const install = facts['wsl-install']
  if (install?.status === 'known') {
    install.data.versionOutput = output('WSL 版本： 2.1.5.0\r\n内核版本： 5.15.146.1-2\r\nWindows 版本： 10.0.22621.4317\r\n', (t) => utf16le(t))
  }
  facts['wsl-startup'] = {
    status: 'known',
    durationMs: 3000,
    data: {
      listBeforeStart: output('  NAME      STATE           VERSION\r\n* Ubuntu    Stopped         2\r\n', (t) => utf16le(t)),
      startOutput: {
        exitCode: 0,
        timedOut: false,
        stdoutBase64: '',
        stderrBase64: utf16le(
          'wsl: 检测到 localhost 代理配置，但未镜像到 WSL。NAT 模式下的 WSL 不支持 localhost 代理。\r\nwsl: C:\\Users\\mgold\\.wslconfig:3: 未知的键 "wsl2.foo"\r\n',
        ),
      },
      networkingModeOutput: output('nat\n'),
    },
  }
  return { ...base, facts }
}

describe('redactSnapshot on real-looking data', () => {
  const snapshot = realLookingSnapshot()
  const { value, summary, replacements } = redactSnapshot(snapshot, { extraNames: ['DESKTOP-7QK2M4N'] })
  const json = JSON.stringify(value)
  const decoded = (b64: string) => decodeNativeOutput(b64, WSL_EXE_REQUESTED) ?? ''

  it('hides the Chinese profile name everywhere, including escaped paths inside .wslconfig bytes', () => {
    expect(json).not.toContain('张伟')
    const config = value.facts['wslconfig-file']
    expect(config?.status === 'known' && config.data.path).toBe('C:\\Users\\<user>\\.wslconfig')
    expect(config?.status === 'known' && config.data.lookalikeFiles).toEqual(['C:\\Users\\<user>\\.wslconfig.txt'])
    const text = config?.status === 'known' && config.data.contentBase64 ? decoded(config.data.contentBase64) : ''
    expect(text).toBe('[wsl2]\r\nkernel=C:\\\\Users\\\\<user>\\\\bzImage\r\nmacAddress=00:00:5E:00:53:01\r\ndnsProxy=false\r\n')
  })

  it('hides a second user name in UTF-16LE wsl.exe output and keeps it UTF-16LE', () => {
    const startup = value.facts['wsl-startup']
    const stderr = startup?.status === 'known' ? startup.data.startOutput.stderrBase64 : ''
    const bytes = decodeBase64(stderr)!
    expect(bytes[1]).toBe(0)
    expect(decoded(stderr)).toContain('wsl: C:\\Users\\<user-2>\\.wslconfig:3')
    expect(json).not.toMatch(/mgold/i)
  })

  it('keeps loopback, version numbers and the build; hides the NAT range, LAN proxy, MAC, IPv6, e-mail and computer name', () => {
    const token = (original: string) => replacements.find((r) => r.original === original)?.token
    const proxy = value.facts['proxy-settings']
    expect(proxy?.status === 'known' && proxy.data.winInet.proxyServer).toBe('127.0.0.1:7890')
    const winhttp = proxy?.status === 'known' && proxy.data.winHttpSettingsBase64 ? decodeWinHttpSettings(proxy.data.winHttpSettingsBase64) : null
    expect(winhttp).toEqual({ kind: 'proxy', server: `${token('192.168.31.20')}:3128`, bypass: '<local>;*.corp.example.com' })
    const host = value.facts['host-networking']
    expect(host?.status === 'known' && [host.data.natNetwork, host.data.natGatewayIpAddress]).toEqual([`${token('172.25.48.0')}/20`, token('172.25.48.1')])
    const install = value.facts['wsl-install']
    const version = install?.status === 'known' && install.data.versionOutput ? decoded(install.data.versionOutput.stdoutBase64) : ''
    expect(version).toContain('2.1.5.0')
    expect(version).toContain('5.15.146.1-2')
    const events = value.facts.events?.status === 'known' ? value.facts.events.data.logs[0]!.events.map((e) => e.message) : []
    expect(events[0]).toContain(`(MAC <mac-1>, IP ${token('172.25.53.17')})`)
    expect(events[0]).toContain('3C2A59B1-0C5F-4F1B-9A5E-2B1A5E0E7A11--2E6C')
    expect(events[1]).toBe(`HNS failed to create endpoint ${token('fe80::8d4c:2f1a:77e3:b012')}%14 for user <email-1> on <computer>`)
    for (const secret of ['172.25.', '192.168.31.20', '00:15:5d', '00-15-5D', 'fe80::', 'zhangwei@', 'DESKTOP-7QK2M4N']) expect(json).not.toContain(secret)
    // The networking check run inside the distro adds three: the distro's address, its gateway and a resolved address.
    const inside = value.facts['wsl-network-check']
    const insideText = inside?.status === 'known' ? new TextDecoder().decode(decodeBase64(inside.data.run.stdoutBase64)) : ''
    expect(insideText).toContain(`inet ${token('172.28.240.2')}/20`)
    expect(insideText).not.toContain('172.28.240.')
    // The host-dns probe adds one: the LAN router, which is the Wi-Fi's DNS server and the default route's next hop.
    expect(summary).toEqual({ users: 2, computers: 1, domains: 0, ips: 9, macs: 1, emails: 1 })
    expect(replacements.find((r) => r.kind === 'user')).toEqual({ kind: 'user', original: '张伟', token: '<user>' })
  })

  it('still parses as a snapshot and gives the same findings', () => {
    expect(MachineSnapshot.safeParse(value).success).toBe(true)
    expect(diagnose(value).map((f) => f.id)).toEqual(diagnose(snapshot).map((f) => f.id))
  })

  it('is stable: redacting twice changes nothing more', () => {
    expect(redactSnapshot(value).value).toEqual(value)
  })
})

describe('redactSnapshot on a PC whose VPN sets NRPT rules (docs/knowledge/host-network-probes.md#host-dns)', () => {
  const snapshot = snapshotOfScenario(findScenario('vpn-nrpt-dns-tunneling-off')!, { appVersion: '0.1.0', takenAt: new Date('2026-11-21T10:00:00Z') })
  const facts = structuredClone(snapshot.facts)
  // The company's name also shows inside WSL (a resolv.conf search line) and in a sub-domain.
  const dns = facts['host-dns']
  if (dns?.status !== 'known' || !dns.data.nrpt.available) throw new Error('the scenario reads the NRPT')
  dns.data.nrpt.rules.push({ namespaces: ['.'], nameServers: ['10.0.0.2'], directAccessEnabled: null, directAccessDnsServers: [] })
  const withSearch = { ...snapshot, facts }
  const { value, summary, replacements } = redactSnapshot(withSearch, { pasted: 'nslookup git.corp.contoso.com failed; Server: 10.0.0.1' })
  const json = JSON.stringify(value)
  const token = (original: string) => replacements.find((r) => r.original === original)?.token

  it("hides the namespaces, their DNS servers, the interfaces' DNS servers and the routes' next hops", () => {
    const read = value.facts['host-dns']
    if (read?.status !== 'known' || !read.data.nrpt.available || !read.data.dnsServers.available || !read.data.routes.available)
      throw new Error('host-dns lost')
    expect(read.data.nrpt.rules[0]).toMatchObject({ namespaces: ['.<domain-1>'], nameServers: [token('10.0.0.1')] })
    // The root namespace (`.`: every name, e.g. a security client's catch-all rule) names no company.
    expect(read.data.nrpt.rules[1]?.namespaces).toEqual(['.'])
    expect(read.data.dnsServers.interfaces.flatMap((i) => i.serverAddresses)).toEqual([token('192.168.0.1')])
    expect(read.data.routes.catchAll.map((r) => [r.kind, r.destinationPrefix, r.nextHop])).toEqual([['default', '0.0.0.0/0', token('192.168.0.1')]])
    for (const secret of ['contoso', '10.0.0.1', '10.0.0.2', '192.168.0.1']) expect(json).not.toContain(secret)
    expect(summary.domains).toBe(1)
    expect(replacements.find((r) => r.kind === 'domain')).toEqual({ kind: 'domain', original: 'corp.contoso.com', token: '<domain-1>' })
  })

  it('hides the same names in what the user pasted, sub-domains included', () => {
    expect(redactSnapshot(withSearch, { pasted: 'nslookup git.corp.contoso.com failed; Server: 10.0.0.1' }).pasted).toBe(
      `nslookup git.<domain-1> failed; Server: ${token('10.0.0.1')}`,
    )
  })

  it('keeps the findings, which name the namespace only as its stand-in', () => {
    const findings = diagnose(value)
    expect(findings.map((f) => f.id)).toEqual(diagnose(withSearch).map((f) => f.id))
    const nrpt = findings.find((f) => f.id === 'nrpt-not-applied-in-wsl')
    expect(nrpt?.confidence).toBe('high')
    expect(nrpt?.args).toMatchObject({ namespaces: '.<domain-1>, .' })
    expect(JSON.stringify(findings)).not.toContain('contoso')
  })
})

describe('redactSnapshot on a PC joined to a domain (docs/knowledge/host-network-probes.md#managed-pc)', () => {
  const snapshot = snapshotOfScenario(findScenario('ipv6-disabled-by-domain-gpo')!, { appVersion: '0.1.0', takenAt: new Date('2026-12-04T10:00:00Z') })
  const { value, replacements } = redactSnapshot(snapshot, { pasted: 'ping build.corp.example.com' })

  it('hides the domain in the fact, in the findings that name it and in what the user pasted', () => {
    const read = value.facts.virtualization
    if (read?.status !== 'known') throw new Error('virtualization lost')
    expect(read.data.domain).toEqual({ partOfDomain: true, name: '<domain-1>' })
    expect(replacements.find((r) => r.kind === 'domain')).toEqual({ kind: 'domain', original: 'corp.example.com', token: '<domain-1>' })
    const findings = diagnose(value)
    expect(findings.flatMap((f) => f.evidence).find((e) => e.key === 'ev.pcInDomain')?.args).toEqual({ domain: '<domain-1>' })
    expect(JSON.stringify(value) + JSON.stringify(findings)).not.toContain('example.com')
    expect(redactSnapshot(snapshot, { pasted: 'ping build.corp.example.com' }).pasted).toBe('ping build.<domain-1>')
  })
})

describe('redactSnapshot on every scenario', () => {
  it.each(SCENARIOS.map((s) => [s.id]))('%s keeps its findings and hides its profile name', (id) => {
    const scenario = findScenario(id)!
    const snapshot = snapshotOfScenario(scenario, { appVersion: '0.1.0', takenAt: new Date('2026-11-21T10:00:00Z') })
    const { value } = redactSnapshot(snapshot)
    expect(diagnose(value).map((f) => f.id)).toEqual(diagnose(snapshot).map((f) => f.id))
    const name = scenario.userProfile.split('\\').at(-1)!
    if (NOT_PERSONAL_PROFILES.has(name.toLowerCase())) return
    expect(JSON.stringify(value).toLowerCase()).not.toContain(`users\\\\${name.toLowerCase()}`)
  })
})

describe('redactText', () => {
  it('handles every path form of a profile, case-insensitively, without touching other words', () => {
    const text = 'C:\\Users\\Lei\\.wslconfig; C:\\\\Users\\\\LEI\\\\x; /mnt/c/Users/lei/src; c:/users/lei; Leipzig; lei'
    expect(redactText(text).value).toBe('C:\\Users\\<user>\\.wslconfig; C:\\\\Users\\\\<user>\\\\x; /mnt/c/Users/<user>/src; c:/users/<user>; Leipzig; <user>')
  })

  it('keeps names with spaces, skips Public/Default, and numbers distinct values', () => {
    const { value, summary } = redactText(
      'C:\\Users\\Wei Zhang\\AppData C:\\Users\\Public\\x 10.0.0.5 10.0.0.6 10.0.0.5 10.255.255.254 255.255.240.0 0.0.0.0 127.0.0.53 ::1 2001:db8::1',
    )
    expect(value).toBe('C:\\Users\\<user>\\AppData C:\\Users\\Public\\x <ip-2> <ip-3> <ip-2> 10.255.255.254 255.255.240.0 0.0.0.0 127.0.0.53 ::1 <ip-1>')
    expect(summary.ips).toBe(3)
  })

  it('leaves times, GUIDs, versions with more parts and C++ scopes alone', () => {
    const text = '10:00:00 {b95d0c5e-57d4-412b-b571-18a81a16e005} 10.0.22000.2836 wsl::core Wsl/Service/0x80041002'
    expect(redactText(text).value).toBe(text)
  })
})

// docs/knowledge/installed-products.md#the-installed-products-probe
describe('redactSnapshot and the installed programs list', () => {
  const base = snapshotOfScenario(findScenario('vpn-anyconnect-nat')!, { appVersion: '0.1.0', takenAt: new Date('2026-11-21T10:00:00Z') })
  const programs = [
    {
      hive: 'machine32' as const,
      displayName: 'Cisco AnyConnect Secure Mobility Client 4.10.05111',
      publisher: 'Cisco Systems, Inc.',
      displayVersion: '4.10.05111',
    },
    { hive: 'machine' as const, displayName: 'Kaspersky Total Security', publisher: null, displayVersion: '21.3.10.391' },
    { hive: 'user' as const, displayName: 'Private Diary for ewilson', publisher: 'Small Vendor', displayVersion: '2.0' },
    { hive: 'machine' as const, displayName: '7-Zip 21.07 (x64)', publisher: 'Igor Pavlov', displayVersion: '21.07' },
  ]
  const snapshot: MachineSnapshot = {
    ...base,
    facts: {
      ...base.facts,
      'installed-products': { status: 'known', durationMs: 40, data: { keys: [{ hive: 'machine', status: 'read' }], programs, truncated: false } },
    },
  }
  const { value } = redactSnapshot(snapshot)
  const kept = value.facts['installed-products']

  it('keeps only the known products, with their names and versions exact', () => {
    expect(kept?.status === 'known' && kept.data.programs.map((p) => [p.displayName, p.displayVersion])).toEqual([
      ['Cisco AnyConnect Secure Mobility Client 4.10.05111', '4.10.05111'],
      ['Kaspersky Total Security', '21.3.10.391'],
    ])
    expect(JSON.stringify(value)).not.toContain('Private Diary')
    expect(JSON.stringify(value)).not.toContain('7-Zip')
  })

  it('gives the same findings as the whole list', () => {
    expect(diagnose(value).map((f) => [f.id, f.args])).toEqual(diagnose(snapshot).map((f) => [f.id, f.args]))
  })
})
