import { describe, expect, it } from 'vitest'
import { diagnose } from '../diagnose'
import { readPastedFacts } from '../pasted-facts'
import { snapshot } from '../test-support/test-snapshot'

// docs/knowledge/causes.md#dns-server-on-port-53; the text of microsoft/WSL#10889.
const FAILED =
  'Failed to configure network (networkingMode Nat). To disable networking, set `wsl2.networkingMode=None` in C:\\Users\\<user>\\.wslconfig\nError code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0xffffffff\n'
const nothingScanned = snapshot({ 'wsl-startup': { unknown: 'timeout' }, 'wslconfig-file': { unknown: 'timeout' } })

describe('a DNS server on Windows holds port 53', () => {
  it('a paste naming Technitium with the HNS failure: likely, first, with the check that decides', () => {
    const findings = diagnose(nothingScanned, `${FAILED}I have installed technitium dns as windows service.`)
    expect(findings[0]).toMatchObject({ id: 'nat-dns-port-53-in-use', severity: 'error', confidence: 'medium' })
    expect(findings[0]?.evidence.map((e) => e.key)).toEqual(['ev.youSaidDnsServer', 'ev.codeOther'])
    expect(findings[0]?.unknowns.map((u) => u.key)).toEqual(['un.checkPort53'])
    expect(findings[0]?.fixes[0]).toBe('free-port-53')
    expect(findings.map((f) => f.id)).not.toContain('nat-creation-failed')
  })

  it('needs both the named DNS server and a networking failure', () => {
    expect(diagnose(nothingScanned, FAILED).map((f) => f.id)).not.toContain('nat-dns-port-53-in-use')
    expect(diagnose(nothingScanned, 'I use Acrylic DNS Proxy for *.test domains.').map((f) => f.id)).not.toContain('nat-dns-port-53-in-use')
  })

  it('recognises the DNS servers by name, not ordinary words', () => {
    expect(readPastedFacts('After installing valet-windows, WSL2 would not launch').dnsServers).toEqual(['valet-windows (Acrylic DNS Proxy)'])
    expect(readPastedFacts('Acrylic DNS Proxy and AdGuard Home').dnsServers).toEqual(['Acrylic DNS Proxy', 'AdGuard Home'])
    expect(readPastedFacts('the DNS server on my router; AdGuard browser extension').dnsServers).toEqual([])
  })
})

describe('a DNS server on Windows holds port 53, read by the scan (docs/knowledge/host-network-probes.md#port-53)', () => {
  // The socket microsoft/WSL#11597's netstat showed (UDP 0.0.0.0:53, PID 5796), here named as
  // Technitium's service process (TechnitiumSoftware/DnsServer#854: DnsService.exe).
  const held = (processName: string | null, localAddress = '0.0.0.0', scope: 'all' | 'loopback' | 'one' = 'all') =>
    snapshot({
      'wsl-startup': { unknown: 'timeout' },
      'wslconfig-file': { unknown: 'timeout' },
      'host-dns': { port53: { available: true, endpoints: [{ localAddress, scope, owningProcess: 5796, processName }] } },
    })

  it('a named program on every address, with the HNS failure: high, with no check left', () => {
    const findings = diagnose(held('DnsService'), FAILED)
    expect(findings[0]).toMatchObject({ id: 'nat-dns-port-53-in-use', confidence: 'high', args: { products: 'DnsService' } })
    expect(findings[0]?.evidence.map((e) => e.key)).toEqual(['ev.port53Holder', 'ev.codeOther'])
    expect(findings[0]?.unknowns).toEqual([])
  })

  it('a socket whose process could not be named: medium', () => {
    expect(diagnose(held(null), FAILED)[0]).toMatchObject({ id: 'nat-dns-port-53-in-use', confidence: 'medium', args: { products: 'PID 5796' } })
  })

  it('not a holder: Windows itself (svchost), a loopback or a single-address bind', () => {
    for (const snap of [held('svchost'), held('DnsService', '127.0.0.1', 'loopback'), held('DnsService', '192.168.1.2', 'one')]) {
      expect(diagnose(snap, FAILED).map((f) => f.id)).not.toContain('nat-dns-port-53-in-use')
    }
  })

  it('what the user wrote, while the scan saw port 53 free: low, saying so', () => {
    const free = snapshot({
      'wsl-startup': { unknown: 'timeout' },
      'wslconfig-file': { unknown: 'timeout' },
      'host-dns': { port53: { available: true, endpoints: [] } },
    })
    const found = diagnose(free, `${FAILED}I have installed technitium dns as windows service.`).find((f) => f.id === 'nat-dns-port-53-in-use')
    expect(found).toMatchObject({ confidence: 'low', unknowns: [] })
    expect(found?.evidence.map((e) => e.key)).toEqual(['ev.youSaidDnsServer', 'ev.port53NotHeld', 'ev.codeOther'])
  })

  it('needs the networking failure', () => {
    expect(diagnose(held('DnsService')).map((f) => f.id)).not.toContain('nat-dns-port-53-in-use')
  })
})

it('names a program once when it holds 53 on both 0.0.0.0 and ::', () => {
  const both = snapshot({
    'wsl-startup': { unknown: 'timeout' },
    'wslconfig-file': { unknown: 'timeout' },
    'host-dns': {
      port53: {
        available: true,
        endpoints: [
          { localAddress: '0.0.0.0', scope: 'all', owningProcess: 13224, processName: 'DnsService' },
          { localAddress: '::', scope: 'all', owningProcess: 13224, processName: 'DnsService' },
        ],
      },
    },
  })
  const found = diagnose(both, FAILED)[0]
  expect(found?.args).toMatchObject({ products: 'DnsService' })
  expect(found?.evidence.filter((e) => e.key === 'ev.port53Holder')).toHaveLength(2)
})
