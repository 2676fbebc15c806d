import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { markdownAnchors } from '../../electron/dev/docs-citations'
import { KNOWN_PRODUCTS, isVpnAdapter, productOfAdapter, productOfProgram, vpnOfAdapter, vpnsMentioned } from './known-products'

// docs/knowledge/installed-products.md#known-products
describe('the known products list', () => {
  it('cites a section of installed-products.md that exists, for every product', () => {
    const anchors = markdownAnchors(readFileSync('docs/knowledge/installed-products.md', 'utf8'))
    for (const p of KNOWN_PRODUCTS) expect(anchors.has(p.source.split('#')[1] ?? ''), p.id).toBe(true)
    expect(new Set(KNOWN_PRODUCTS.map((p) => p.id)).size).toBe(KNOWN_PRODUCTS.length)
  })

  it.each([
    ['Cisco AnyConnect Secure Mobility Client 4.10.05111', 'cisco-secure-client'],
    ['Cisco Secure Client - AnyConnect VPN', 'cisco-secure-client'],
    ['Zscaler Client Connector', 'zscaler'],
    ['GlobalProtect', 'globalprotect'],
    ['FortiClient VPN', 'forticlient'],
    ['Check Point Endpoint Security', 'check-point'],
    ['Pulse Secure 9.1', 'pulse-ivanti'],
    ['Ivanti Secure Access Client', 'pulse-ivanti'],
    ['EasyConnect', 'easyconnect'],
    ['Kaspersky Total Security', 'kaspersky'],
    ['ESET Security', 'eset'],
    ['Bitdefender Total Security', 'bitdefender'],
    ['McAfee LiveSafe', 'mcafee'],
    ['Symantec Endpoint Protection', 'symantec-endpoint'],
    ['Proxifier', 'proxifier'],
    ['Clash Verge', 'clash'],
    ['Clash for Windows 0.20.39', 'clash'],
  ])('reads %s as %s', (name, id) => {
    expect(productOfProgram(name)?.id).toBe(id)
  })

  it.each(['Microsoft Edge', 'Clash of Clans', 'Reset Utility', 'Cisco Webex Meetings', 'Global Secure Access Client', '火绒安全软件', 'Pulseway'])(
    'does not read %s as a known product',
    (name) => {
      expect(productOfProgram(name)).toBeNull()
    },
  )

  it('names the product behind a VPN adapter, as the network-adapters probe reports it', () => {
    expect(productOfAdapter('PANGP Virtual Ethernet Adapter')?.name).toBe('Palo Alto GlobalProtect')
    expect(productOfAdapter('Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64')?.id).toBe('cisco-secure-client')
    expect(productOfAdapter('Fortinet SSL VPN Virtual Ethernet Adapter')?.id).toBe('forticlient')
    expect(productOfAdapter('Zscaler Network Adapter 1.0.2.0')?.id).toBe('zscaler')
    expect(productOfAdapter('Intel(R) Wi-Fi 6E AX211 160MHz')).toBeNull()
  })
})

// The one VPN registry: the scan's adapters, pasted adapters, the user's words and the simulated PC read it.
describe('the VPN registry', () => {
  it('knows a VPN adapter by its product, or by a tunnel driver that has no product section', () => {
    expect(vpnOfAdapter('PANGP Virtual Ethernet Adapter #2')).toBe('Palo Alto GlobalProtect')
    expect(vpnOfAdapter('TAP-Windows Adapter V9')).toBe('OpenVPN')
    expect(vpnOfAdapter('WireGuard Tunnel')).toBe('WireGuard')
    expect(vpnOfAdapter('Tailscale Tunnel')).toBe('Tailscale')
    expect(vpnOfAdapter('Cisco Systems VPN Adapter for 64-bit Windows')).toBe('Cisco')
    expect(vpnOfAdapter('TAP-NordVPN Windows Adapter V9')).toBe('NordVPN')
    expect(vpnOfAdapter('NordLynx Tunnel')).toBe('NordVPN')
    for (const plain of ['Intel(R) Wi-Fi 6E AX211 160MHz', 'Hyper-V Virtual Ethernet Adapter', 'WAN Miniport (IKEv2)', 'Realtek PCIe GbE Family Controller'])
      expect(isVpnAdapter(plain), plain).toBe(false)
  })

  it('reads VPNs the user names, and not ordinary words that resemble them', () => {
    expect(vpnsMentioned('I am on AnyConnect and sometimes GlobalProtect')).toEqual(['Cisco AnyConnect / Secure Client', 'Palo Alto GlobalProtect'])
    expect(vpnsMentioned('company uses Check Point, I also tried WireGuard')).toEqual(['Check Point', 'WireGuard'])
    // A Hyper-V checkpoint is not Check Point's VPN.
    expect(vpnsMentioned('I restored a Hyper-V checkpoint and networking broke')).toEqual([])
    expect(vpnsMentioned('we use the CheckPoint VPN client')).toEqual(['Check Point'])
    // Wi-Fi Easy Connect is a Windows feature, not Sangfor's VPN.
    expect(vpnsMentioned('I set up the printer with Wi-Fi Easy Connect')).toEqual([])
    expect(vpnsMentioned('Sangfor EasyConnect is running')).toEqual(['Sangfor EasyConnect'])
    expect(vpnsMentioned('the connection is reset')).toEqual([])
  })
})
