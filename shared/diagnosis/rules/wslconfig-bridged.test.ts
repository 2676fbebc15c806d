import { describe, expect, it } from 'vitest'
import { diagnose } from '../diagnose'
import { failed, snapshot, wslconfig } from '../test-support/test-snapshot'

// docs/knowledge/causes.md#bridged-on-windows-10: the error MicrosoftDocs/WSL#1801 and microsoft/WSL#9218 show.
const INVALID_JSON =
  'The virtual machine or container JSON document is invalid.\nError code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/0x8037010d\n'
const bridged = wslconfig('[wsl2]\nnetworkingMode=bridged\nvmSwitch=WSL_external\n')
const windows10 = { currentBuild: '19045', ubr: 2311, displayVersion: '22H2' }
const finding = (s: ReturnType<typeof snapshot>, pasted?: string) => diagnose(s, pasted).find((f) => f.id === 'wslconfig-bridged-unsupported')

describe('networkingMode=bridged on Windows 10', () => {
  it('Windows 10 and the invalid-JSON error: confirmed, first, with the NAT switch offered', () => {
    const s = snapshot({
      'windows-version': windows10,
      'wslconfig-file': bridged,
      'wsl-startup': { startOutput: failed(INVALID_JSON), networkingModeOutput: null },
    })
    const findings = diagnose(s)
    expect(findings[0]).toMatchObject({ id: 'wslconfig-bridged-unsupported', severity: 'error', confidence: 'high' })
    expect(findings[0]?.evidence.map((e) => e.key)).toEqual(['ev.bridgedRequested', 'ev.bridgedOnWindows10', 'ev.bridgedInvalidJson'])
    expect(findings[0]?.fixes[0]).toBe('wslconfig-set-nat')
    expect(findings.map((f) => f.id)).not.toContain('nat-creation-failed')
  })

  it('the Windows 10 build alone is enough (before WSL has been started); the error alone is "likely"', () => {
    expect(finding(snapshot({ 'windows-version': windows10, 'wslconfig-file': bridged }))?.confidence).toBe('high')
    const errorOnly = finding(snapshot({ 'windows-version': { unknown: 'timeout' }, 'wslconfig-file': bridged }), INVALID_JSON)
    expect(errorOnly?.confidence).toBe('medium')
    expect(errorOnly?.evidence.map((e) => e.key)).toEqual(['ev.bridgedRequested', 'ev.bridgedInvalidJson'])
  })

  it('says nothing on Windows 11, without bridged, or with neither the build nor the error known', () => {
    expect(finding(snapshot({ 'wslconfig-file': bridged }))).toBeUndefined() // the test PC is 26100
    expect(finding(snapshot({ 'windows-version': windows10, 'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=nat\n') }))).toBeUndefined()
    expect(finding(snapshot({ 'windows-version': { unknown: 'timeout' }, 'wslconfig-file': bridged }))).toBeUndefined()
  })
})
