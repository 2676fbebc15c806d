import { describe, expect, it } from 'vitest'
import type { FactOf } from '../../probes/facts'
import { REQUIRED_EXPORTS } from '../../probes/facts/mirrored-readiness'
import { diagnose } from '../diagnose'
import { snapshot, wslconfig, withService } from '../test-support/test-snapshot'

type Fact = FactOf<'host-dns'>
type NrptRule = Extract<Fact['nrpt'], { available: true }>['rules'][number]

/** Microsoft's NRPT examples (docs/knowledge/host-network-probes.md#host-dns): a VPN's split DNS and DirectAccess. */
const SPLIT_DNS: NrptRule = { namespaces: ['.corp.contoso.com'], nameServers: ['10.0.0.1'], directAccessEnabled: null, directAccessDnsServers: [] }
const DIRECT_ACCESS: NrptRule = {
  namespaces: ['.corp.contoso.com'],
  nameServers: [],
  directAccessEnabled: true,
  directAccessDnsServers: ['2001:db8:1::2', '2001:db8:2::20', '2001:db8:6::6'],
}
/** An exemption: a namespace with no server (Add-DAClientDnsConfiguration), e.g. the DirectAccess NLS name. */
const EXEMPTION: NrptRule = { namespaces: ['nls.corp.contoso.com'], nameServers: [], directAccessEnabled: true, directAccessDnsServers: [] }

const OFF = wslconfig('[wsl2]\ndnsTunneling=false\n')
const withNrpt = (rules: NrptRule[], extra: Partial<Fact> = {}): Partial<Fact> => ({ nrpt: { available: true, rules }, ...extra })
const found = (s: ReturnType<typeof snapshot>) => diagnose(s).find((f) => f.id === 'nrpt-not-applied-in-wsl')
const missingDnsapi = {
  exports: {
    computeNetwork: Object.fromEntries(REQUIRED_EXPORTS.computeNetwork.map((n) => [n, true])),
    dnsapi: Object.fromEntries(REQUIRED_EXPORTS.dnsapi.map((n) => [n, false])),
    winhttp: Object.fromEntries(REQUIRED_EXPORTS.winhttp.map((n) => [n, true])),
  },
}

describe('NRPT rules WSL does not apply (docs/knowledge/host-network-probes.md#host-dns)', () => {
  it('names the namespaces and what the finding rests on when .wslconfig turns DNS tunneling off', () => {
    const f = found(snapshot({ 'host-dns': withNrpt([SPLIT_DNS]), 'wslconfig-file': OFF }))
    expect(f).toMatchObject({
      severity: 'warning',
      confidence: 'high',
      fixes: ['wslconfig-enable-dns-tunneling'],
      args: { namespaces: '.corp.contoso.com', count: 1 },
    })
    expect(f?.evidence).toEqual([
      { key: 'ev.nrptRules', source: 'host-dns', args: { count: 1, namespaces: '.corp.contoso.com', servers: '10.0.0.1' } },
      { key: 'ev.nrptServersOnlyThere', source: 'host-dns', args: {} },
      { key: 'ev.dnsTunnelingSetOff', source: 'wslconfig-file', args: {} },
    ])
  })

  it('is less sure when the NRPT servers are also an interface’s DNS servers (a full-tunnel VPN)', () => {
    const dnsServers: Fact['dnsServers'] = {
      available: true,
      interfaces: [{ interfaceAlias: 'Ethernet 2', interfaceIndex: 17, addressFamily: 'IPv4', serverAddresses: ['10.0.0.1'] }],
    }
    const f = found(snapshot({ 'host-dns': withNrpt([SPLIT_DNS], { dnsServers }), 'wslconfig-file': OFF }))
    expect(f?.confidence).toBe('medium')
    expect(f?.evidence[1]).toEqual({ key: 'ev.nrptServersAlsoOnInterface', source: 'host-dns', args: { interfaces: 'Ethernet 2' } })
  })

  it('counts DirectAccess DNS servers, not exemptions', () => {
    expect(found(snapshot({ 'host-dns': withNrpt([EXEMPTION, DIRECT_ACCESS]), 'wslconfig-file': OFF }))?.evidence[0]?.args).toMatchObject({
      count: 1,
      servers: '2001:db8:1::2, 2001:db8:2::20, 2001:db8:6::6',
    })
    expect(found(snapshot({ 'host-dns': withNrpt([EXEMPTION]), 'wslconfig-file': OFF }))).toBeUndefined()
  })

  it('says why tunneling is off: no dnsapi support, WSL older than 2.2.1, a build without it', () => {
    expect(found(snapshot({ 'host-dns': withNrpt([SPLIT_DNS]), 'mirrored-readiness': missingDnsapi }))?.evidence.at(-1)?.key).toBe('ev.dnsTunnelingUnsupported')
    const old = found(snapshot({ 'host-dns': withNrpt([SPLIT_DNS]), 'wsl-install': { msiVersion: '2.1.5.0', appxVersion: '2.1.5.0' } }))
    expect(old?.evidence.at(-1)).toMatchObject({ key: 'ev.dnsTunnelingOffByDefault', source: 'wsl-install', args: { since: '2.2.1' } })
  })

  it("stays silent when it can't tell, or when nothing is missed", () => {
    // WSL 2.6.1 on Windows 11 24H2 with nothing turning it off: DNS tunneling is on by default, the NRPT applies.
    expect(found(snapshot({ 'host-dns': withNrpt([SPLIT_DNS]) }))).toBeUndefined()
    expect(found(snapshot({ 'host-dns': withNrpt([SPLIT_DNS]), 'wslconfig-file': wslconfig('[wsl2]\ndnsTunneling=true\n') }))).toBeUndefined()
    // Whether Windows has the DNS functions is unknown, and so is tunneling.
    expect(found(snapshot({ 'host-dns': withNrpt([SPLIT_DNS]), 'mirrored-readiness': { unknown: 'timeout' } }))).toBeUndefined()
    expect(found(snapshot({ 'host-dns': withNrpt([]), 'wslconfig-file': OFF }))).toBeUndefined()
    expect(found(snapshot({ 'host-dns': { unknown: 'timeout' }, 'wslconfig-file': OFF }))).toBeUndefined()
    expect(found(snapshot({ 'host-dns': { nrpt: { available: false, reason: 'no-cmdlet', detail: 'x' } }, 'wslconfig-file': OFF }))).toBeUndefined()
    expect(
      found(snapshot({ 'host-dns': withNrpt([SPLIT_DNS]), 'wslconfig-file': wslconfig('[wsl2]\ndnsTunneling=false\nnetworkingMode=none\n') })),
    ).toBeUndefined()
  })

  it('leaves the Global Secure Access case to its own finding (Microsoft advises dnsTunneling=false there)', () => {
    const ids = diagnose(
      snapshot({
        'host-dns': withNrpt([SPLIT_DNS]),
        services: withService('GlobalSecureAccessTunnelingService', { status: 'Running' }),
        'wslconfig-file': OFF,
      }),
    ).map((f) => f.id)
    expect(ids).toContain('dns-tunneling-disabled-by-gsa')
    expect(ids).not.toContain('nrpt-not-applied-in-wsl')
  })
})
