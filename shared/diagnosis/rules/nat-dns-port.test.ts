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
