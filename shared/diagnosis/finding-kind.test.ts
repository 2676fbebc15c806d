import { describe, expect, it } from 'vitest'
import { diagnosePaste } from './diagnose-paste'
import { verdictOf } from './finding-kind'

describe('causes before advice', () => {
  it('an old WSL never outranks what WSL said about .wslconfig', () => {
    const findings = diagnosePaste("wsl: Unknown key 'boot.systemd' in C:\\Users\\root\\.wslconfig:2")
    expect(findings[0]?.id).toBe('wslconfig-warnings')
  })

  it('a finding that only names the symptom is "not enough to decide", with the check', () => {
    const findings = diagnosePaste('wsl: Failed to configure network (networkingMode Nat), falling back to networkingMode VirtioProxy.')
    const verdict = verdictOf(findings, true)
    expect(verdict.kind).toBe('undecided')
    if (verdict.kind === 'undecided') expect(verdict.check).not.toBeNull()
  })

  it('advice only, with no failure observed, is no fault found', () => {
    expect(verdictOf([], false).kind).toBe('no-fault')
  })
})

describe('what users paste', () => {
  it("WSL's config message in /etc/wsl.conf for a .wslconfig key, without the file", () => {
    expect(diagnosePaste("wsl: Unknown key 'wsl2.networkingMode' in /etc/wsl.conf:13")[0]?.id).toBe('wslconfig-misnamed')
  })
  it("Windows' WSAEOPNOTSUPP text in Chinese and English, without a scan", () => {
    expect(diagnosePaste('参考的对象类型不支持尝试的操作。')[0]?.id).toBe('winsock-lsp')
    expect(diagnosePaste('The attempted operation is not supported for the type of object referenced')[0]?.id).toBe('winsock-lsp')
  })
  it('0x80070422 inside ConfigureNetworking/HNS is SharedAccess, not the WSL service (#12074)', () => {
    expect(diagnosePaste('Error code: Wsl/Service/CreateVm/ConfigureNetworking/HNS/0x80070422')[0]?.id).toBe('nat-ics-disabled')
  })
  it('a VPN the user names, shown as "you said"', () => {
    const top = diagnosePaste('DNS fails only while Cisco AnyConnect is connected')[0]
    expect(top?.id).toBe('vpn-detected')
    expect(top?.evidence[0]?.key).toBe('ev.youSaidVpn')
  })
})
