import { describe, expect, it } from 'vitest'
import { findScenario } from '../../shared/scenarios'
import type { Scenario } from '../../shared/scenarios/scenario'
import { simulateWslStart } from './wsl-startup-model'

function scenario(id: string): Scenario {
  const found = findScenario(id)
  if (found === undefined) throw new Error(`missing scenario ${id}`)
  return found
}

function variant(base: Scenario, change: (s: Scenario) => void): Scenario {
  const copy = structuredClone(base)
  change(copy)
  return copy
}

const healthy = scenario('healthy-win11-24h2')
const natPc = variant(healthy, (s) => (s.wslconfig = null))
const PROXY_WARNING = 'wsl: A localhost proxy configuration was detected but not mirrored into WSL. WSL in NAT mode does not support localhost proxies.'
const GSA_WARNING = 'wsl: Due to a current compatibility issue with Global Secure Access Client, DNS Tunneling is disabled.'

describe('simulateWslStart: services and virtualization (docs/knowledge/error-codes.md#hresult-table, docs/knowledge/error-codes.md#triage-bot-rules, docs/knowledge/host-causes.md#virtualization-off)', () => {
  it('fails with 0x80070422 before any VM when WSLService is disabled, in the UI language', () => {
    const disabled = scenario('wslservice-disabled')
    expect(simulateWslStart(disabled)).toEqual({
      lines: [
        'The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.',
        'Error code: Wsl/0x80070422',
      ],
      exitCode: -1,
      mode: null,
    })
    const chinese = variant(disabled, (s) => (s.windows.uiCulture = 'zh-CN'))
    expect(simulateWslStart(chinese).lines).toEqual(['无法启动服务，原因可能是已被禁用或与其相关联的设备没有启动。', '错误代码: Wsl/0x80070422'])
  })

  it('starts normally when WSLService is manual (near miss)', () => {
    const manual = variant(natPc, (s) => (s.services = { WSLService: { startType: 'manual' } }))
    expect(simulateWslStart(manual)).toEqual({ lines: [], exitCode: 0, mode: 'nat' })
  })

  it('asks to enable virtualization when firmware virtualization or the hypervisor launch is off', () => {
    const firmware = simulateWslStart(scenario('virtualization-off-firmware'))
    expect(firmware.exitCode).toBe(-1)
    expect(firmware.lines[0]).toMatch(/^WSL2 is unable to start since virtualization is not enabled/)
    expect(firmware.lines.at(-1)).toBe('Error code: Wsl/Service/CreateInstance/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED')
    const launchOff = variant(natPc, (s) => (s.host.hypervisorLaunchType = 'Off'))
    expect(simulateWslStart(launchOff).lines.at(-1)).toContain('HCS_E_HYPERV_NOT_INSTALLED')
  })

  it('cannot start the hypervisor on Home without VMP', () => {
    expect(simulateWslStart(scenario('home-vmp-missing')).lines.at(-1)).toContain('HCS_E_HYPERV_NOT_INSTALLED')
  })

  it('prints the VMP-missing networking message when the Hyper-V role runs without VMP on 22621+ (#10666)', () => {
    const roleOnly = variant(natPc, (s) => {
      s.windows.features['VirtualMachinePlatform'] = 'Disabled'
      s.windows.features['Microsoft-Hyper-V-All'] = 'Enabled'
    })
    expect(simulateWslStart(roleOnly)).toEqual({
      lines: [
        'wsl: Failed to start virtual networking - please install the optional component Virtual Machine Platform by running: wsl.exe --install --no-distribution',
        'wsl: Failed to configure network (networkingMode Nat), falling back to networkingMode VirtioProxy.',
      ],
      exitCode: 0,
      mode: 'virtioproxy',
    })
  })

  it('fails on a Winsock LSP that breaks Hyper-V sockets, but not on a harmless one (docs/knowledge/host-causes.md#winsock-lsp)', () => {
    const lsp = simulateWslStart(scenario('winsock-lsp-proxifier'))
    expect(lsp.lines[0]).toBe('The attempted operation is not supported for the type of object referenced.')
    expect(lsp.lines[1]).toContain('0x8007273d')
    expect(lsp.exitCode).toBe(-1)
    const harmless = variant(natPc, (s) => (s.network = { lsps: [{ path: 'C:\\Program Files\\NetLimiter\\nllsp.dll' }] }))
    expect(simulateWslStart(harmless).exitCode).toBe(0)
  })
})

describe('simulateWslStart: NAT creation (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/error-codes.md#hresult-table, docs/knowledge/host-causes.md#ics-disabled)', () => {
  it('treats a disabled SharedAccess as a NAT failure with 0x80070422, fatal on WSL 2.2.4', () => {
    const ics = simulateWslStart(scenario('ics-disabled'))
    expect(ics.exitCode).toBe(-1)
    expect(ics.lines[1]).toBe('Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80070422')
  })

  it('falls back to VirtioProxy when SharedAccess is disabled on WSL 2.4', () => {
    const modern = variant(scenario('ics-disabled'), (s) => (s.wsl.version = '2.4.11.0'))
    expect(simulateWslStart(modern).mode).toBe('virtioproxy')
  })

  it('keeps NAT when SharedAccess is merely stopped (near miss)', () => {
    const stopped = variant(natPc, (s) => (s.services = { SharedAccess: { status: 'Stopped' } }))
    expect(simulateWslStart(stopped).mode).toBe('nat')
  })
})

describe('simulateWslStart: feature warnings (docs/knowledge/wsl-checks.md#dns-tunneling, docs/knowledge/wsl-checks.md#hyper-v-firewall, docs/knowledge/wsl-checks.md#autoproxy, docs/knowledge/host-causes.md#localhost-proxy)', () => {
  it('warns in Chinese about a localhost proxy in NAT mode', () => {
    expect(simulateWslStart(scenario('zh-cn-localhost-proxy')).lines).toEqual([
      'wsl: 检测到 localhost 代理配置，但未镜像到 WSL。NAT 模式下的 WSL 不支持 localhost 代理。',
    ])
  })

  it('does not warn about the localhost proxy in mirrored mode, with autoProxy=false, or without the APIs', () => {
    const proxy = { enable: 1 as const, server: '127.0.0.1:7890', autoConfigUrl: null }
    const mirrored = variant(healthy, (s) => (s.network = { winInetProxy: proxy }))
    expect(simulateWslStart(mirrored)).toEqual({ lines: [], exitCode: 0, mode: 'mirrored' })
    const off = variant(natPc, (s) => {
      s.network = { winInetProxy: proxy }
      s.wslconfig = { text: '[wsl2]\nautoProxy=false\n', encoding: 'utf8', lineEnding: 'crlf' }
    })
    expect(simulateWslStart(off).lines).toEqual([])
    const win10 = variant(scenario('inbox-wsl-win10'), (s) => (s.network = { winInetProxy: proxy }))
    expect(simulateWslStart(win10).lines).toEqual([])
  })

  it('warns for every loopback spelling, and not for a LAN proxy or a disabled one', () => {
    const withProxy = (server: string, enable: 0 | 1 = 1) =>
      simulateWslStart(variant(natPc, (s) => (s.network = { winInetProxy: { enable, server, autoConfigUrl: null } }))).lines
    expect(withProxy('http=localhost:8080;https=localhost:8080')).toEqual([PROXY_WARNING])
    expect(withProxy('[::1]:1080')[0]).toContain('localhost IPv6 proxy')
    expect(withProxy('192.168.1.10:7890')).toEqual([])
    expect(withProxy('127.0.0.1:7890', 0)).toEqual([])
  })

  it('says GSA disabled DNS tunneling only when dnsTunneling=true is set', () => {
    const gsa = scenario('gsa-dns-tunneling')
    expect(simulateWslStart(gsa).lines).toEqual([GSA_WARNING])
    const implicit = variant(gsa, (s) => (s.wslconfig = null))
    expect(simulateWslStart(implicit).lines).toEqual([])
    const stopped = variant(gsa, (s) => (s.services = { GlobalSecureAccessTunnelingService: { exists: true, status: 'Stopped' } }))
    expect(simulateWslStart(stopped).lines).toEqual([])
  })

  it('says DNS tunneling and the Hyper-V firewall are unsupported only when asked for explicitly (Windows 10)', () => {
    const win10 = scenario('hns-stale-0x803b0001')
    const asked = variant(win10, (s) => {
      s.host.natNetworkFailure = null
      s.wslconfig = { text: '[wsl2]\ndnsTunneling=true\nfirewall=true\n', encoding: 'utf8', lineEnding: 'crlf' }
    })
    expect(simulateWslStart(asked).lines).toEqual(['wsl: Hyper-V firewall is not supported', 'wsl: DNS Tunneling is not supported'])
    const notAsked = variant(asked, (s) => (s.wslconfig = { text: '[wsl2]\ndnsTunneling=false\n', encoding: 'utf8', lineEnding: 'crlf' }))
    expect(simulateWslStart(notAsked).lines).toEqual([])
  })

  it('runs a WSL1 default distro without a VM', () => {
    const wsl1 = variant(natPc, (s) => (s.wsl.distros = [{ name: 'Ubuntu', version: 1, running: false, default: true }]))
    expect(simulateWslStart(wsl1)).toEqual({ lines: [], exitCode: 0, mode: 'wsl1' })
  })
})
