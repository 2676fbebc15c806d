import { describe, expect, it } from 'vitest'
import { HEALTHY_MIRRORED, HEALTHY_NAT, NO_NETWORK, networkCheckFact } from '../../probes/network-check/network-check-text'
import { diagnose } from '../diagnose'
import { failed, snapshot, text, wslconfig } from '../test-support/test-snapshot'

const mirrored = wslconfig('[wsl2]\nnetworkingMode=mirrored\n')
/** WSL really running mirrored, as `wslinfo` reports it where everything is fine. */
const runsMirrored = { networkingModeOutput: text('mirrored\n') }
const ids = (s: ReturnType<typeof snapshot>, pasted?: string) => diagnose(s, pasted).map((f) => f.id)

describe('mirrored fallback, by cause (docs/knowledge/wsl-checks.md#mirrored-checks)', () => {
  it('names Windows 11 21H2 (the seed PC) with the build as evidence', () => {
    const findings = diagnose(snapshot({ 'windows-version': { currentBuild: '22000', ubr: 2836, displayVersion: '21H2' }, 'wslconfig-file': mirrored }))
    expect(findings[0]).toMatchObject({ id: 'mirrored-unsupported-windows', severity: 'warning', confidence: 'high', args: { version: '10.0.22000.2836' } })
    expect(findings[0]?.evidence[0]).toMatchObject({ key: 'ev.buildTooOldForMirrored', args: { version: '10.0.22000.2836' } })
    expect(findings[0]?.fixes).toEqual(['wslconfig-set-nat', 'windows-feature-update'])
  })

  it('names Windows 10 and 22621 before the feature (22621.2358) but not 22621.2361 or 22631', () => {
    expect(ids(snapshot({ 'windows-version': { currentBuild: '19045', ubr: 5247 }, 'wslconfig-file': mirrored }))).toContain('mirrored-unsupported-windows')
    expect(ids(snapshot({ 'windows-version': { currentBuild: '22621', ubr: 2358 }, 'wslconfig-file': mirrored }))).toContain('mirrored-unsupported-windows')
    expect(ids(snapshot({ 'windows-version': { currentBuild: '22621', ubr: 2361 }, 'wslconfig-file': mirrored, 'wsl-startup': runsMirrored }))).toEqual([])
    expect(ids(snapshot({ 'windows-version': { currentBuild: '22631', ubr: 4169 }, 'wslconfig-file': mirrored, 'wsl-startup': runsMirrored }))).toEqual([])
  })

  it('says nothing about mirrored support to someone who did not ask for mirrored', () => {
    expect(ids(snapshot({ 'windows-version': { currentBuild: '22000', ubr: 2836 } }))).toEqual([])
  })

  it('names Windows Server even on build 26100', () => {
    const findings = diagnose(snapshot({ 'windows-version': { installationType: 'Server', editionId: 'ServerStandard' }, 'wslconfig-file': mirrored }))
    expect(findings[0]).toMatchObject({ id: 'mirrored-unsupported-server', severity: 'error' })
  })

  it('names DisabledComponents=0xFF on a supported build, and not 0x20 (prefer IPv4)', () => {
    expect(ids(snapshot({ 'mirrored-readiness': { ipv6DisabledComponents: 0xff }, 'wslconfig-file': mirrored }))[0]).toBe('mirrored-ipv6-disabled')
    expect(ids(snapshot({ 'mirrored-readiness': { ipv6DisabledComponents: 0x20 }, 'wslconfig-file': mirrored, 'wsl-startup': runsMirrored }))).toEqual([])
  })

  it('with only lo in Linux (a WSL older than its IPv6 check, #11002): an error, the interfaces as evidence, the symptoms folded in', () => {
    const onlyLo = networkCheckFact({ ...HEALTHY_MIRRORED, ...NO_NETWORK })
    const old = { 'wsl-install': { msiVersion: '2.0.14.0', appxVersion: '2.0.14.0' } }
    const findings = diagnose(
      snapshot({ ...old, 'mirrored-readiness': { ipv6DisabledComponents: 0xff }, 'wslconfig-file': mirrored, 'wsl-network-check': onlyLo }),
    )
    expect(findings[0]).toMatchObject({ id: 'mirrored-ipv6-disabled', severity: 'error' })
    expect(findings[0]?.evidence.find((e) => e.key === 'ev.insideInterfaces')?.args).toEqual({ interfaces: 'lo unknown 127.0.0.1/8' })
    expect(findings.map((f) => f.id)).not.toContain('inside-no-network-interface')
    expect(findings.map((f) => f.id)).not.toContain('inside-localhost-broken')
    // Linux with its network (WSL 2.7.2+ fell back to NAT): still the cause, as a warning.
    const fellBack = diagnose(
      snapshot({ 'mirrored-readiness': { ipv6DisabledComponents: 0xff }, 'wslconfig-file': mirrored, 'wsl-network-check': networkCheckFact(HEALTHY_NAT) }),
    )
    expect(fellBack.find((f) => f.id === 'mirrored-ipv6-disabled')?.severity).toBe('warning')
    // As a warning it explains no inside symptom: a broken localhost stays listed on its own.
    const localhostBroken = networkCheckFact({ ...HEALTHY_NAT, localhostIn: false })
    const warned = diagnose(
      snapshot({ 'mirrored-readiness': { ipv6DisabledComponents: 0xff }, 'wslconfig-file': mirrored, 'wsl-network-check': localhostBroken }),
    )
    expect(warned.map((f) => f.id)).toContain('inside-localhost-broken')
    // An eth0 that is there but down is not "only lo": not this cause's error.
    const ethDown = networkCheckFact({
      ...HEALTHY_MIRRORED,
      ...NO_NETWORK,
      interfaces: [...NO_NETWORK.interfaces, { name: 'eth0', state: 'down', mtu: 1500, inet: [] }],
    })
    const down = diagnose(
      snapshot({ ...old, 'mirrored-readiness': { ipv6DisabledComponents: 0xff }, 'wslconfig-file': mirrored, 'wsl-network-check': ethDown }),
    )
    expect(down.find((f) => f.id === 'mirrored-ipv6-disabled')?.severity).toBe('warning')
  })

  it('names HyperVFirewallDisable=1 (High) and missing firewall classes (Medium)', () => {
    const disabled = diagnose(snapshot({ 'mirrored-readiness': { hyperVFirewallDisable: 1 }, 'wslconfig-file': mirrored }))[0]
    expect(disabled).toMatchObject({ id: 'mirrored-hyperv-firewall-unavailable', confidence: 'high' })
    const broken = diagnose(
      snapshot({
        'mirrored-readiness': { hyperVFirewall: { vmCreatorClassExists: false, profileCount: null, error: 'Invalid class' } },
        'wslconfig-file': mirrored,
      }),
    )[0]
    expect(broken).toMatchObject({ id: 'mirrored-hyperv-firewall-unavailable', confidence: 'medium' })
  })

  it('lets policy explain the mode before any OS cause', () => {
    const locked = snapshot({
      'windows-version': { currentBuild: '22000', ubr: 2836 },
      'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\n', { AllowNetworkingModeUserSetting: 0, DefaultNetworkingMode: 1 }),
    })
    expect(ids(locked)).toEqual(['networking-mode-set-by-policy'])
    const allowed = snapshot({
      'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\n', { AllowNetworkingModeUserSetting: 1 }),
      'wsl-startup': runsMirrored,
    })
    expect(ids(allowed)).toEqual([])
  })

  it('notices mirrored was asked for but NAT runs, even without a message (VM already running)', () => {
    expect(ids(snapshot({ 'wslconfig-file': mirrored }))).toEqual(['mirrored-fell-back-unknown-cause'])
  })

  it('falls back to "cause unknown" when WSL fell back but nothing else explains it, listing what to check', () => {
    const findings = diagnose(
      snapshot({
        'mirrored-readiness': { unknown: 'access-denied' },
        'wslconfig-file': mirrored,
        'wsl-startup': {
          startOutput: failed(
            'wsl: Mirrored networking mode is not supported: Windows version 22631.4037 does not have the required features.\nFalling back to NAT networking.',
            0,
          ),
          networkingModeOutput: text('nat\n'),
        },
      }),
    )
    expect(findings[0]).toMatchObject({ id: 'mirrored-fell-back-unknown-cause', confidence: 'low' })
    expect(findings[0]?.unknowns.map((u) => u.key)).toContain('un.checkMirroredReadiness')
  })

  it('recognises the Chinese fallback message in pasted text (zh-CN Windows)', () => {
    const pasted = 'wsl: 不支持镜像网络模式： Windows 版本 22000.2836 没有所需的功能。\n正在回退到 NAT 网络。'
    const findings = diagnose(snapshot({ 'windows-version': null, 'wslconfig-file': null }), pasted)
    expect(findings[0]).toMatchObject({ id: 'mirrored-unsupported-windows' })
    expect(findings[0]?.wslSaid.join('\n')).toContain('不支持镜像网络模式')
  })
})
