import { describe, expect, it } from 'vitest'
import type { FactOf } from '../../probes/facts'
import { diagnose } from '../diagnose'
import { formatDiagnosis } from '../messages/format'
import { snapshotOfScenario } from '../../../electron/simulated-pc/scenario-snapshot'
import { findScenario } from '../../scenarios'
import { snapshot } from '../test-support/test-snapshot'

type Program = FactOf<'installed-products'>['programs'][number]
const program = (displayName: string, displayVersion: string | null = null, hive: Program['hive'] = 'machine'): Program => ({
  hive,
  displayName,
  publisher: null,
  displayVersion,
})
const installed = (...programs: Program[]) => ({ 'installed-products': { programs } })
const anyConnectAdapter = {
  name: 'Ethernet 3',
  interfaceDescription: 'Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64',
  status: 'Up',
  hidden: false,
}

// docs/knowledge/installed-products.md#what-a-finding-may-claim
describe('installed VPN, security and proxy products', () => {
  it('names each known product found in the programs list, once, with the entries it rests on', () => {
    const findings = diagnose(
      snapshot(
        installed(
          program('Zscaler Client Connector', '3.4.0.124', 'machine32'),
          program('Kaspersky Total Security', '21.3.10.391'),
          program('Kaspersky Total Security', '21.3.10.391', 'machine32'),
          program('7-Zip 21.07 (x64)', '21.07'),
        ),
      ),
    )
    expect(findings.map((f) => f.id)).toEqual(['network-software-installed'])
    const [f] = findings
    expect(f).toMatchObject({ severity: 'info', args: { products: 'Zscaler, Kaspersky', count: 2 } })
    expect(f?.evidence).toEqual([
      { key: 'ev.installedProduct', source: 'installed-products', args: { product: 'Zscaler', entries: 'Zscaler Client Connector 3.4.0.124' } },
      { key: 'ev.installedProduct', source: 'installed-products', args: { product: 'Kaspersky', entries: 'Kaspersky Total Security 21.3.10.391' } },
    ])
  })

  it('says "Zscaler is installed", in both languages, and what it rests on', () => {
    const [f] = diagnose(snapshot(installed(program('Zscaler Client Connector', '3.4.0.124'))))
    expect(formatDiagnosis('en', 'finding.network-software-installed.summary', f?.args ?? {})).toMatch(
      /^Zscaler is installed \(found in the installed programs list\)/,
    )
    expect(formatDiagnosis('zh-CN', 'finding.network-software-installed.summary', f?.args ?? {})).toContain(
      '在已安装程序列表中找到 1 个已知会影响 WSL 网络的软件：Zscaler',
    )
    expect(formatDiagnosis('en', 'ev.installedProduct', f?.evidence[0]?.args ?? {})).toBe(
      'Zscaler is installed: found in the installed programs list as Zscaler Client Connector 3.4.0.124.',
    )
  })

  it('ignores programs that only resemble a product name', () => {
    expect(
      diagnose(snapshot(installed(program('Reset Tool'), program('Clash of Clans'), program('Cisco Webex Meetings'), program('Checkpoint Reader')))),
    ).toEqual([])
  })

  it('names an installed VPN in vpn-detected while its adapter is connected, not twice', () => {
    const findings = diagnose(
      snapshot({
        'network-adapters': { adapters: [anyConnectAdapter] },
        ...installed(program('Cisco AnyConnect Secure Mobility Client 4.10.05111', '4.10.05111', 'machine32'), program('ESET Security', '16.0.22.0')),
      }),
    )
    expect(findings.map((f) => f.id)).toEqual(['vpn-detected', 'network-software-installed'])
    expect(findings[0]?.evidence.map((e) => [e.key, e.args['product'] ?? null])).toEqual([
      ['ev.vpnAdapter', null],
      ['ev.vpnAdapterProduct', 'Cisco AnyConnect / Secure Client'],
      ['ev.installedProduct', 'Cisco AnyConnect / Secure Client'],
    ])
    expect(findings[0]?.evidence[2]?.args['entries']).toBe('Cisco AnyConnect Secure Mobility Client 4.10.05111')
    expect(findings[1]?.args).toEqual({ products: 'ESET', count: 1 })
    expect(findings[1]?.evidence[0]?.args['entries']).toBe('ESET Security 16.0.22.0')
  })

  // The adapter description: docs/knowledge/installed-products.md#check-point.
  it('counts a known product’s own adapter as a VPN adapter (Check Point is not in the generic pattern)', () => {
    const checkPoint = { ...anyConnectAdapter, interfaceDescription: 'Check Point Virtual Network Adapter For Endpoint VPN Client' }
    const [f] = diagnose(snapshot({ 'network-adapters': { adapters: [checkPoint] }, ...installed(program('Check Point Endpoint Security', '86.10')) }))
    expect(f?.id).toBe('vpn-detected')
    expect(f?.evidence.map((e) => e.key)).toEqual(['ev.vpnAdapter', 'ev.vpnAdapterProduct', 'ev.installedProduct'])
  })

  it('keeps an installed VPN in its own finding when no VPN adapter is connected', () => {
    const findings = diagnose(
      snapshot({
        'network-adapters': { adapters: [{ ...anyConnectAdapter, status: 'Disconnected' }] },
        ...installed(program('Cisco AnyConnect Secure Mobility Client 4.10.05111', '4.10.05111')),
      }),
    )
    expect(findings.map((f) => [f.id, f.args['products'] ?? null])).toEqual([['network-software-installed', 'Cisco AnyConnect / Secure Client']])
  })

  it('says nothing when the programs list could not be read', () => {
    expect(diagnose(snapshot({ 'installed-products': { unknown: 'access-denied' } }))).toEqual([])
  })

  it('names AnyConnect (connected) and Zscaler (installed) on the shipped AnyConnect scenario, and Proxifier beside the Winsock finding', () => {
    const scanned = (id: string) => diagnose(snapshotOfScenario(findScenario(id)!, { appVersion: '0.1.0', takenAt: new Date('2026-11-21T10:00:00Z') }))
    const vpn = scanned('vpn-anyconnect-nat')
    expect(vpn[0]?.id).toBe('vpn-detected')
    // AnyConnect's adapter is up: vpn-detected names it. Zscaler's is not: it is only installed.
    expect(vpn[0]?.evidence.filter((e) => e.key === 'ev.installedProduct').map((e) => e.args['product'])).toEqual(['Cisco AnyConnect / Secure Client'])
    expect(vpn.find((f) => f.id === 'network-software-installed')?.args).toEqual({ products: 'Zscaler', count: 1 })
    const lsp = scanned('winsock-lsp-proxifier')
    expect(lsp[0]?.id).toBe('winsock-lsp')
    expect(lsp.find((f) => f.id === 'network-software-installed')?.args).toEqual({ products: 'Proxifier', count: 1 })
  })
})
