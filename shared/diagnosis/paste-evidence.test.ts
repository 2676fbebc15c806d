import { describe, expect, it } from 'vitest'
import { decidingCheck } from './deciding-check'
import { diagnose } from './diagnose'
import { diagnoseEvidence, diagnosePaste, withPaste } from './diagnose-paste'
import { snapshotFromEvidence } from './evidence'
import { verdictOf } from './finding-kind'
import { snapshot, wslconfig } from './test-support/test-snapshot'

const MIRRORED = wslconfig('[wsl2]\nnetworkingMode=mirrored\n')
const ipv6Off = { ipv6DisabledComponents: 0xff }
const wsl = (version: string) => ({ msiVersion: version, appxVersion: version })
const keys = (f: { evidence: readonly { key: string }[] } | undefined) => f?.evidence.map((e) => e.key) ?? []

describe('WSL messages by version (issue 15 #4)', () => {
  it('IPv6 disabled + mirrored on WSL older than 2.7.2: the cause from the registry, and "this WSL does not warn"', () => {
    const findings = diagnose(
      snapshot({
        'wslconfig-file': MIRRORED,
        'mirrored-readiness': ipv6Off,
        'wsl-install': wsl('2.7.1.0'),
        'wsl-startup': { networkingModeOutput: { exitCode: 0, timedOut: false, stdoutBase64: btoa('mirrored\n'), stderrBase64: '' } },
      }),
    )
    expect(findings[0]?.id).toBe('mirrored-ipv6-disabled')
    expect(findings[0]?.confidence).toBe('high')
    expect(findings[0]?.evidence.find((e) => e.key === 'ev.wslTooOldToWarnIpv6')?.args).toEqual({ version: '2.7.1.0', since: '2.7.2' })
  })

  it('from WSL 2.7.2 the missing warning is not excused', () => {
    const findings = diagnose(snapshot({ 'wslconfig-file': MIRRORED, 'mirrored-readiness': ipv6Off, 'wsl-install': wsl('2.7.2.0') }))
    expect(findings[0]?.id).toBe('mirrored-ipv6-disabled')
    expect(keys(findings[0])).not.toContain('ev.wslTooOldToWarnIpv6')
  })

  it('a pasted report: old WSL, the user says DisabledComponents is 0xFF and mirrored is set', () => {
    const findings = diagnoseEvidence(
      { wslVersionText: '2.4.11.0', notes: 'networkingMode=mirrored, ip addr shows only lo. DisabledComponents = 0xFF' },
      new Date(0),
      'test',
    )
    expect(findings[0]?.id).toBe('mirrored-ipv6-disabled')
    expect(keys(findings[0])).toEqual(expect.arrayContaining(['ev.youSaidIpv6Disabled', 'ev.wslTooOldToWarnIpv6']))
  })

  it('WSL before 2.2.2 says only that mirrored fell back: "not enough to decide", ask for the Windows version', () => {
    const findings = diagnosePaste('wsl: Mirrored networking mode is not supported, falling back to NAT networking')
    expect(findings[0]?.id).toBe('mirrored-fell-back-unknown-cause')
    expect(keys(findings[0])).toContain('ev.wslBefore222')
    const verdict = verdictOf(findings, true)
    expect(decidingCheck(verdict, 'paste')).toMatchObject({ kind: 'ask', probe: 'windows-version', ask: 'ask.windows-version' })
    expect(decidingCheck(verdict, 'scan')).toMatchObject({ kind: 'run', probe: 'windows-version' })
  })
})

describe('evidence has a time and a source (issue 11 #2)', () => {
  const oldMessage =
    'wsl: Mirrored networking mode is not supported: Windows version 19045.4717 does not have the required features.\nFalling back to NAT networking.'

  it('a pasted old-build message on a PC the scan reads as 26100: the scan wins, the paste came from another state', () => {
    const findings = diagnose(snapshot({ 'wslconfig-file': MIRRORED }), oldMessage)
    expect(findings.map((f) => f.id)).not.toContain('mirrored-unsupported-windows')
    const top = findings[0]
    expect(top?.id).toBe('mirrored-fell-back-unknown-cause')
    expect(top?.evidence.find((e) => e.key === 'ev.pastedOtherStateBuild')).toMatchObject({
      source: 'windows-version',
      args: { pasted: '19045.4717', now: '10.0.26100.6584' },
    })
    // The one check that decides: start WSL now and see what it says today.
    expect(decidingCheck(verdictOf(findings, true), 'scan')).toMatchObject({ kind: 'run', probe: 'wsl-startup' })
  })

  it('a pasted `wsl --version` fills only what the scan did not read; the scan wins where it read (one mapping for wizard and CLI)', () => {
    const paste = 'WSL version: 2.4.11.0\nKernel version: 5.15.167.4-1\nWindows version: 10.0.26100.4061\nDNS fails, ip addr shows only lo'
    const base = { 'wslconfig-file': MIRRORED, 'mirrored-readiness': ipv6Off }
    const noWsl = withPaste(snapshot({ ...base, 'wsl-install': null }), paste)
    expect(diagnose(noWsl.snapshot, noWsl.pastedOutput)[0]?.evidence.find((e) => e.key === 'ev.wslTooOldToWarnIpv6')?.args['version']).toBe('2.4.11.0')
    const scanned = withPaste(snapshot({ ...base, 'wsl-install': wsl('2.7.2.0') }), paste)
    expect(diagnose(scanned.snapshot, scanned.pastedOutput).flatMap(keys)).not.toContain('ev.wslTooOldToWarnIpv6')
    // Still running: the paste does not stand in for a pending probe.
    expect(withPaste(snapshot({ ...base, 'wsl-install': null }), paste, new Set(['wsl-install'])).snapshot.facts['wsl-install']).toBeUndefined()
    // The same paste alone (Welcome box, --evidence) reads the version too.
    expect(
      diagnoseEvidence({ wslOutputText: paste, notes: 'networkingMode=mirrored, DisabledComponents = 0xFF' }, new Date(0), 'test').flatMap(keys),
    ).toContain('ev.wslTooOldToWarnIpv6')
  })

  it('the same paste with no scan behind it still names the old build', () => {
    expect(diagnosePaste(oldMessage)[0]?.id).toBe('mirrored-unsupported-windows')
  })

  it('a scan that agrees with the paste (a real 19045) confirms it, with no "other state" note', () => {
    const findings = diagnose(
      snapshot({ 'wslconfig-file': MIRRORED, 'windows-version': { currentBuild: '19045', ubr: 4717, displayVersion: '22H2' } }),
      oldMessage,
    )
    expect(findings[0]?.id).toBe('mirrored-unsupported-windows')
    expect(findings.flatMap(keys)).not.toContain('ev.pastedOtherStateBuild')
  })
})

describe("Windows' texts without the code (issue 11 #3)", () => {
  it('the English text of ERROR_SERVICE_DISABLED alone names the disabled WSL service (#7746, #13766)', () => {
    const top = diagnosePaste('The service cannot be started, either because it is disabled or because it has no enabled devices associated with it.')[0]
    expect(top?.id).toBe('wsl-service-disabled')
    expect(top?.evidence[0]).toMatchObject({ key: 'ev.code0x80070422', source: 'pasted' })
    expect(diagnosePaste('The service cannot be started because it is disabled or has no enabled devices associated with it.')[0]?.id).toBe(
      'wsl-service-disabled',
    )
  })

  it('the Chinese text of HCN_E_REQUEST_UNSUPPORTED with the mirrored fallback names a Server SKU (#12442)', () => {
    const top = diagnosePaste('wsl: 指定的请求不受支持。\nwsl: 无法配置网络 (networkingMode Mirrored)，回退到 networkingMode None。')[0]
    expect(top?.id).toBe('mirrored-unsupported-server')
  })
})

describe('not enough to decide (issue 11 #4)', () => {
  it('a paste with nothing recognised but a failure: ask for what WSL prints', () => {
    const verdict = verdictOf([], true)
    expect(decidingCheck(verdict, 'paste')).toMatchObject({ kind: 'ask', probe: 'wsl-startup', ask: 'ask.wsl-startup' })
  })

  it('a decided verdict needs no check', () => {
    expect(decidingCheck(verdictOf(diagnosePaste('Error code: Wsl/Service/CreateVm/ConfigureNetworking/HNS/0x80070422'), true), 'paste')).toBeNull()
  })
})

describe('pasted command output read into facts (issue 11 #3)', () => {
  it('a zh-CN `wsl --version` inside a whole issue body gives the WSL and Windows versions (#12486)', () => {
    const body =
      '### Other Software\n\nWSL 版本： 2.3.26.0\n内核版本： 5.15.167.4-1\nWSLg 版本： 1.0.65\nMSRDC 版本： 1.2.5620\nDirect3D 版本： 1.611.1-81528511\nDXCore 版本： 10.0.26100.1-240331-1435.ge-release\nWindows 版本： 10.0.26100.1742\n\n### Repro Steps\n[wsl2]\nnetworkingMode=mirrored'
    const { snapshot: s } = snapshotFromEvidence({ wslOutputText: body }, new Date(0), 'test')
    expect(s.facts['wsl-install']).toMatchObject({ status: 'known', data: { msiVersion: '2.3.26.0' } })
    expect(s.facts['windows-version']).toMatchObject({ status: 'known', data: { currentBuild: '26100', ubr: 1742 } })
  })

  it('a version-shaped number in prose is not a `wsl --version` output', () => {
    const { snapshot: s } = snapshotFromEvidence({ notes: 'I updated to 2.3.14 yesterday. Build: 10.0.19045.4717' }, new Date(0), 'test')
    expect(s.facts['wsl-install']).toBeUndefined()
    expect(s.facts['windows-version']).toBeUndefined()
  })

  it('fields the user filled in win over what the paste contains', () => {
    const { snapshot: s } = snapshotFromEvidence({ wslVersionText: '2.7.2.0', wslOutputText: 'WSL version: 2.4.11.0' }, new Date(0), 'test')
    expect(s.facts['wsl-install']).toMatchObject({ data: { msiVersion: '2.7.2.0' } })
  })
})
