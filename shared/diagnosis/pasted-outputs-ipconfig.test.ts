import { describe, expect, it } from 'vitest'
import { isWslAdapter, pastedIpconfig } from './pasted-outputs-ipconfig'
import { pastedOutputFacts, readPastedOutputs } from './pasted-outputs-read'

const lines = (text: string) => text.split(/\r?\n/)

/** microsoft/WSL#6288 ("Bad default route"): `PS C:\Users\charles.thayer> ipconfig /all`, first adapters. */
const EN_6288 = `Windows IP Configuration

   Host Name . . . . . . . . . . . . : SM-001907CT
   Node Type . . . . . . . . . . . . : Hybrid
   IP Routing Enabled. . . . . . . . : No
   WINS Proxy Enabled. . . . . . . . : No

Ethernet adapter Ethernet 3:

   Connection-specific DNS Suffix  . :
   Description . . . . . . . . . . . : PANGP Virtual Ethernet Adapter #2
   Physical Address. . . . . . . . . : 02-50-41-00-00-01
   DHCP Enabled. . . . . . . . . . . : No
   Autoconfiguration Enabled . . . . : Yes
   IPv4 Address. . . . . . . . . . . : 192.168.252.243(Preferred)
   Subnet Mask . . . . . . . . . . . : 255.255.255.255
   Default Gateway . . . . . . . . . :
   DHCPv6 IAID . . . . . . . . . . . : 251809857
   DHCPv6 Client DUID. . . . . . . . : 00-01-00-01-26-83-20-93-80-32-53-06-FC-7F
   DNS Servers . . . . . . . . . . . : 10.121.200.3
                                       10.121.200.4
   NetBIOS over Tcpip. . . . . . . . : Enabled

Ethernet adapter vEthernet (Default Switch):

   Connection-specific DNS Suffix  . :
   Description . . . . . . . . . . . : Hyper-V Virtual Ethernet Adapter
   Physical Address. . . . . . . . . : 00-15-5D-EA-95-09
   DHCP Enabled. . . . . . . . . . . : No
   Autoconfiguration Enabled . . . . : Yes
   Link-local IPv6 Address . . . . . : fe80::2d2c:7a6f:f58a:d3f2%31(Preferred)`

/** microsoft/WSL#5821 (vEthernet adapter shows up as disconnected after 20197). */
const EN_5821 = `Ethernet adapter vEthernet (WSL) 15:

   Media State . . . . . . . . . . . : Media disconnected
   Connection-specific DNS Suffix  . :
   Description . . . . . . . . . . . : Hyper-V Virtual Ethernet Adapter #30
   Physical Address. . . . . . . . . : 00-15-5D-EC-91-78
   DHCP Enabled. . . . . . . . . . . : No
   Autoconfiguration Enabled . . . . : Yes`

/** MetaCubeX/mihomo#1919: `PS C:\> ipconfig.exe /all` on Chinese Windows (the reporter masked addresses as ***). */
const ZH_1919 = `Windows IP 配置

   主机名  . . . . . . . . . . . . . : ***
   主 DNS 后缀 . . . . . . . . . . . :
   节点类型  . . . . . . . . . . . . : 混合
   IP 路由已启用 . . . . . . . . . . : 否
   WINS 代理已启用 . . . . . . . . . : 否

以太网适配器 以太网:

   连接特定的 DNS 后缀 . . . . . . . :
   描述. . . . . . . . . . . . . . . : Realtek Gaming 2.5GbE Family Controller
   物理地址. . . . . . . . . . . . . : ***
   DHCP 已启用 . . . . . . . . . . . : 是
   自动配置已启用. . . . . . . . . . : 是
   IPv6 地址 . . . . . . . . . . . . : ***(首选)
   临时 IPv6 地址. . . . . . . . . . : ***(首选)
   本地链接 IPv6 地址. . . . . . . . : fe80::15b9:117f:d71d:920c%16(首选)
   IPv4 地址 . . . . . . . . . . . . : 192.168.1.50(首选)
   子网掩码  . . . . . . . . . . . . : 255.255.255.0
   默认网关. . . . . . . . . . . . . : fe80::de2c:6eff:fe8a:daa2%16
                                       192.168.1.1
   DHCP 服务器 . . . . . . . . . . . : 192.168.1.1
   DHCPv6 IAID . . . . . . . . . . . : 242505276
   DHCPv6 客户端 DUID  . . . . . . . : ***
   DNS 服务器  . . . . . . . . . . . : 192.168.1.1
                                       240e:1f:1::1
                                       240e:1f:1::33
   TCPIP 上的 NetBIOS  . . . . . . . : 已启用

无线局域网适配器 WLAN:

   媒体状态  . . . . . . . . . . . . : 媒体已断开连接
   连接特定的 DNS 后缀 . . . . . . . :`

/** A Chinese network-course report on GitHub (code search): the WSL switch on newer WSL, `ipconfig /all`. */
const ZH_WSL = `以太网适配器 vEthernet (WSL (Hyper-V firewall)):

   连接特定的 DNS 后缀 . . . . . . . :
   描述. . . . . . . . . . . . . . . : Hyper-V Virtual Ethernet Adapter
   物理地址. . . . . . . . . . . . . : 00-15-5D-3B-C9-82
   DHCP 已启用 . . . . . . . . . . . : 否
   自动配置已启用. . . . . . . . . . : 是
   本地链接 IPv6 地址. . . . . . . . : fe80::d3d4:c5f8:53fa:49e7%56(首选)
   IPv4 地址 . . . . . . . . . . . . : 172.20.192.1(首选)`

describe('ipconfig /all pasted (issue 11 #3)', () => {
  it('English: adapters, descriptions, multi-line DNS servers, IPv6 (#6288)', () => {
    const adapters = pastedIpconfig(lines(EN_6288))
    expect(adapters.map((a) => a.name)).toEqual(['Ethernet 3', 'vEthernet (Default Switch)'])
    expect(adapters[0]).toEqual({
      name: 'Ethernet 3',
      description: 'PANGP Virtual Ethernet Adapter #2',
      mediaDisconnected: false,
      dnsServers: ['10.121.200.3', '10.121.200.4'],
      hasIpv6: false,
    })
    expect(adapters[1]).toMatchObject({ description: 'Hyper-V Virtual Ethernet Adapter', hasIpv6: true })
  })

  it('the WSL switch adapter, also when disconnected (#5821) and on newer WSL', () => {
    const [wsl] = pastedIpconfig(lines(EN_5821))
    expect(wsl).toMatchObject({ name: 'vEthernet (WSL) 15', mediaDisconnected: true })
    expect(wsl && isWslAdapter(wsl)).toBe(true)
    const [zh] = pastedIpconfig(lines(ZH_WSL))
    expect(zh).toMatchObject({ name: 'vEthernet (WSL (Hyper-V firewall))', description: 'Hyper-V Virtual Ethernet Adapter', hasIpv6: true })
    expect(zh && isWslAdapter(zh)).toBe(true)
  })

  it('Chinese labels: 描述, DNS 服务器 with IPv6 servers on continuation lines, 媒体已断开连接 (mihomo#1919)', () => {
    const adapters = pastedIpconfig(lines(ZH_1919))
    expect(adapters).toEqual([
      {
        name: '以太网',
        description: 'Realtek Gaming 2.5GbE Family Controller',
        mediaDisconnected: false,
        dnsServers: ['192.168.1.1', '240e:1f:1::1', '240e:1f:1::33'],
        hasIpv6: true,
      },
      { name: 'WLAN', description: null, mediaDisconnected: true, dnsServers: [], hasIpv6: false },
    ])
  })

  it('prose and garbage give no adapter, never a throw', () => {
    expect(pastedIpconfig(lines('my ethernet adapter is broken: help'))).toEqual([])
    expect(pastedIpconfig(lines(`Ethernet adapter ${'A'.repeat(10_000)}:\n   Description . . : x`))).toEqual([])
    expect(() => pastedIpconfig(lines('\u0000'.repeat(1000) + ':\n   : :\n ::::'))).not.toThrow()
  })
})

describe('a pasted VPN adapter', () => {
  it("is named by the VPN registry's adapter signatures (#6288: GlobalProtect's PANGP adapter)", () => {
    const facts = pastedOutputFacts(readPastedOutputs(EN_6288))
    expect(facts.find((f) => f.kind === 'vpnAdapter')).toMatchObject({ name: 'Ethernet 3', products: 'Palo Alto GlobalProtect' })
  })
})
