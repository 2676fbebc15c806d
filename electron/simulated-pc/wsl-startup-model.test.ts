import { describe, expect, it } from 'vitest'
import { findScenario } from '../../shared/scenarios'
import type { Scenario } from '../../shared/scenarios/scenario'
import { simulateWslStart } from './wsl-startup-model'

const healthy = findScenario('healthy-win11-24h2')!
const seed = findScenario('seed-22000-mirrored')!
const nat = findScenario('nat-0x80041002')!
const bridged = findScenario('wslconfig-bridged-win10')!

function variant(base: Scenario, change: (s: Scenario) => void): Scenario {
  const copy = structuredClone(base)
  change(copy)
  return copy
}

describe('simulateWslStart (docs/knowledge/wsl-checks.md#mirrored-checks, docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback)', () => {
  it('runs mirrored silently where Windows has the features', () => {
    expect(simulateWslStart(healthy)).toEqual({ lines: [], exitCode: 0, mode: 'mirrored' })
  })

  it('prints the pre-2.2.2 fallback message on the seed PC (22000.2836, WSL 2.1.5; #11414)', () => {
    expect(simulateWslStart(seed)).toEqual({
      lines: ['wsl: Mirrored networking mode is not supported, falling back to NAT networking'],
      exitCode: 0,
      mode: 'nat',
    })
  })

  it('names the Windows version as the reason from WSL 2.2.2 on, in the UI language', () => {
    const modern = variant(seed, (s) => (s.wsl.version = '2.3.26.0'))
    expect(simulateWslStart(modern).lines).toEqual([
      'wsl: Mirrored networking mode is not supported: Windows version 22000.2836 does not have the required features.\nFalling back to NAT networking.',
    ])
    const chinese = variant(modern, (s) => (s.windows.uiCulture = 'zh-CN'))
    expect(simulateWslStart(chinese).lines[0]).toBe('wsl: 不支持镜像网络模式： Windows 版本 22000.2836 没有所需的功能。\n正在回退到 NAT 网络。')
  })

  it('falls back to NAT when IPv6 is disabled by registry, even on a supported build, from WSL 2.7.2 (#40235)', () => {
    const ipv6Off = variant(healthy, (s) => {
      s.host.ipv6DisabledComponents = 0xff
      s.wsl.version = '2.7.2.0'
    })
    const start = simulateWslStart(ipv6Off)
    expect(start.mode).toBe('nat')
    expect(start.lines[0]).toContain('IPv6 is disabled on the host in an unsupported way')
    const chinese = variant(ipv6Off, (s) => (s.windows.uiCulture = 'zh-CN'))
    expect(simulateWslStart(chinese).lines[0]).toMatch(/^wsl: 不支持镜像网络模式/)
  })

  it('version boundaries come from the message registry: 2.2.1 / 2.2.2 for the reason, 2.3.24 / 2.3.25 for the NAT fallback', () => {
    const at = (base: Scenario, version: string) => simulateWslStart(variant(base, (s) => (s.wsl.version = version)))
    expect(at(seed, '2.2.1.0').lines[0]).toBe('wsl: Mirrored networking mode is not supported, falling back to NAT networking')
    expect(at(seed, '2.2.2.0').lines[0]).toMatch(/^wsl: Mirrored networking mode is not supported: Windows version 22000\.2836/)
    expect(at(nat, '2.3.24.0')).toMatchObject({ exitCode: -1, mode: null })
    expect(at(nat, '2.3.25.0')).toMatchObject({
      exitCode: 0,
      mode: 'virtioproxy',
      lines: ['wsl: Failed to configure network (networkingMode Nat), falling back to networkingMode VirtioProxy.'],
    })
  })

  it('before WSL 2.7.2 has no IPv6 check: it starts "mirrored" and says nothing (#11002, issue 15)', () => {
    const old = variant(healthy, (s) => {
      s.host.ipv6DisabledComponents = 0xff
      s.wsl.version = '2.7.1.0'
    })
    expect(simulateWslStart(old)).toEqual({ lines: [], exitCode: 0, mode: 'mirrored' })
    // The next check still runs: an old build is still named.
    const oldBuild = variant(old, (s) => {
      s.windows.currentBuild = '22000'
      s.windows.ubr = 2836
    })
    expect(simulateWslStart(oldBuild).lines[0]).toContain('Windows version 22000.2836')
  })

  it('falls back to None on Server 2025 with 0x803b0015 (#12486)', () => {
    const server = variant(healthy, (s) => {
      s.windows.installationType = 'Server'
      s.windows.editionId = 'ServerStandard'
    })
    const start = simulateWslStart(server)
    expect(start.mode).toBe('none')
    // A warning, not a fatal error: `wsl: ` + MessageErrorCode (WslCoreVm.cpp), so it goes to stderr.
    expect(start.lines).toContain('wsl: The specified request is unsupported.\nError code: CreateInstance/CreateVm/ConfigureNetworking/0x803b0015')
  })

  it('fails hard on NAT creation errors before WSL 2.3.25 (#12019)', () => {
    expect(simulateWslStart(nat)).toEqual({
      lines: [
        'Failed to configure network (networkingMode Nat). To disable networking, set `wsl2.networkingMode=None` in C:\\Users\\mgold\\.wslconfig',
        'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/0x80041002',
      ],
      exitCode: -1,
      mode: null,
    })
  })

  it('falls back to VirtioProxy from 2.3.25 and to Consomme from 2.9.0 (#12645)', () => {
    const v24 = variant(nat, (s) => (s.wsl.version = '2.4.11.0'))
    expect(simulateWslStart(v24)).toEqual({
      lines: ['wsl: Failed to configure network (networkingMode Nat), falling back to networkingMode VirtioProxy.'],
      exitCode: 0,
      mode: 'virtioproxy',
    })
    const v29 = variant(nat, (s) => {
      s.wsl.version = '2.9.4.0'
      s.windows.uiCulture = 'zh-CN'
    })
    expect(simulateWslStart(v29)).toEqual({
      lines: ['wsl: 无法配置网络 (networkingMode Nat)，回退到 networkingMode Consomme。'],
      exitCode: 0,
      mode: 'consomme',
    })
  })

  it('fails hard on bridged mode on Windows 10 before WSL 2.3.25, with what WSL 2.0.7 printed (#10711)', () => {
    expect(simulateWslStart(bridged)).toEqual({
      lines: [
        'Failed to configure network (networkingMode Bridged). To disable networking, set `wsl2.networkingMode=None` in C:\\Users\\jonas\\.wslconfig',
        'Error code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HCS/0x8037010d',
      ],
      exitCode: -1,
      mode: null,
    })
    // WSL checks the Hyper-V firewall only for mirrored and NAT requests: firewall=true adds nothing here.
    const firewall = variant(bridged, (s) => {
      s.wslconfig = { text: '[wsl2]\nnetworkingMode=bridged\nvmSwitch=External\nfirewall=true\n', encoding: 'utf8', lineEnding: 'crlf' }
    })
    expect(simulateWslStart(firewall).lines).toEqual(simulateWslStart(bridged).lines)
  })

  it('from 2.3.25 prints the HCS error as a warning and starts without network, in the UI language', () => {
    const v29 = variant(bridged, (s) => (s.wsl.version = '2.9.4.0'))
    expect(simulateWslStart(v29)).toEqual({
      lines: [
        'wsl: The virtual machine or container JSON document is invalid.\nError code: CreateInstance/CreateVm/ConfigureNetworking/HCS/0x8037010d',
        'wsl: Failed to configure network (networkingMode Bridged), falling back to networkingMode None.',
      ],
      exitCode: 0,
      mode: 'none',
    })
    const zh = variant(v29, (s) => (s.windows.uiCulture = 'zh-CN'))
    // WSL's labels in Chinese; Windows' own text for 0x8037010d has no sourced Chinese form, so it stays English.
    expect(simulateWslStart(zh).lines).toEqual([
      'wsl: The virtual machine or container JSON document is invalid.\n错误代码: CreateInstance/CreateVm/ConfigureNetworking/HCS/0x8037010d',
      'wsl: 无法配置网络 (networkingMode Bridged)，回退到 networkingMode None。',
    ])
  })

  it('runs a bridged request on Windows 11 as NAT: the simulated PC has no Hyper-V switches to bridge', () => {
    const win11 = variant(bridged, (s) => {
      s.windows.currentBuild = '22631'
      s.windows.ubr = 4169
    })
    expect(simulateWslStart(win11)).toEqual({ lines: [], exitCode: 0, mode: 'nat' })
  })

  it('prints .wslconfig warnings first, as WSL reads the file before starting', () => {
    const typo = variant(healthy, (s) => {
      s.wslconfig = { text: '[wsl2]\nnetworkMode=mirrored\n', encoding: 'utf8', lineEnding: 'crlf' }
    })
    expect(simulateWslStart(typo)).toEqual({
      lines: ["wsl: Unknown key 'wsl2.networkMode' in C:\\Users\\alex\\.wslconfig:2"],
      exitCode: 0,
      mode: 'nat',
    })
  })

  it('lets policy override the user setting (AllowNetworkingModeUserSetting=0)', () => {
    const locked = variant(healthy, (s) => (s.policy = { AllowNetworkingModeUserSetting: 0, DefaultNetworkingMode: 1 }))
    const start = simulateWslStart(locked)
    expect(start.mode).toBe('nat')
    expect(start.lines).toEqual(["wsl: The .wslconfig setting 'wsl2.networkingMode' is disabled by the computer policy."])
  })
})
