import { describe, expect, it } from 'vitest'
import { diagnose } from '../diagnose'
import { failed, snapshot, text, withService } from '../test-support/test-snapshot'

const hardFailure = (code: string) =>
  failed(
    `Failed to configure network (networkingMode Nat). To disable networking, set \`wsl2.networkingMode=None\` in C:\\Users\\mgold\\.wslconfig\nError code: Wsl/Service/CreateInstance/CreateVm/ConfigureNetworking/HNS/${code}\n`,
  )
const ids = (s: ReturnType<typeof snapshot>, pasted?: string) => diagnose(s, pasted).map((f) => f.id)

describe('NAT creation failures (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/error-codes.md#hresult-table)', () => {
  it('names 0x80041002 with WSL 2.2.4 failing hard (#12019), fixes along the ladder', () => {
    const findings = diagnose(
      snapshot({ 'wsl-install': { msiVersion: '2.2.4.0' }, 'wsl-startup': { startOutput: hardFailure('0x80041002'), networkingModeOutput: null } }),
    )
    expect(findings[0]).toMatchObject({ id: 'nat-vmswitch-not-found', severity: 'error', confidence: 'medium' })
    expect(findings[0]?.evidence.map((e) => e.key)).toEqual(['ev.code0x80041002', 'ev.wslFailsHard'])
    expect(findings[0]?.fixes.indexOf('delete-wsl-hns-network')).toBeLessThan(findings[0]?.fixes.indexOf('network-reset') ?? -1)
    expect(findings[0]?.fixes).not.toContain('vmware-cleanup')
  })

  it('names VMware leftovers as the cause when they are present', () => {
    const s = snapshot({
      'wsl-startup': { startOutput: hardFailure('0x80041002'), networkingModeOutput: null },
      'network-adapters': { vmwareClsidPresent: true, bindings: [{ adapter: 'Ethernet', componentId: 'vmware_bridge', enabled: true }] },
    })
    expect(ids(s)).toEqual(['nat-vmware-leftovers'])
    expect(diagnose(s)[0]?.fixes).toContain('vmware-cleanup')
  })

  it('finds 0x80041002 in the event logs when WSL only printed its fallback (≥ 2.3.25)', () => {
    const s = snapshot({
      'wsl-startup': {
        startOutput: failed('wsl: Failed to configure network (networkingMode Nat), falling back to networkingMode VirtioProxy.', 0),
        networkingModeOutput: text('virtioproxy\n'),
      },
      events: {
        sinceDays: 7,
        logs: [
          {
            log: 'Microsoft-Windows-Hyper-V-VmSwitch-Operational',
            available: true,
            error: null,
            events: [
              {
                provider: 'Microsoft-Windows-Hyper-V-VmSwitch',
                id: 1,
                level: 2,
                timeCreated: '2026-11-20T10:00:00Z',
                message: 'Failed to create switch: Not found (0x80041002).',
              },
            ],
          },
        ],
      },
    })
    expect(ids(s)).toEqual(['nat-vmswitch-not-found'])
  })

  it('reports the silent fallback itself when no cause is visible (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback)', () => {
    const s = snapshot({
      'wsl-startup': {
        startOutput: failed('wsl: Failed to configure network (networkingMode Nat), falling back to networkingMode VirtioProxy.', 0),
        networkingModeOutput: text('virtioproxy\n'),
      },
    })
    const findings = diagnose(s)
    expect(findings[0]).toMatchObject({ id: 'nat-fell-back', severity: 'warning' })
    expect(findings[0]?.unknowns.map((u) => u.key)).toContain('un.natCauseHidden')
  })

  it('names stale HNS networks (0x803b0001, #11802)', () => {
    expect(ids(snapshot({ 'wsl-startup': { startOutput: hardFailure('0x803b0001'), networkingModeOutput: null } }))).toEqual(['nat-hns-network-stale'])
  })

  it('names a disabled SharedAccess, and not when it is merely stopped (trigger start)', () => {
    expect(ids(snapshot({ services: withService('SharedAccess', { startType: 'disabled', status: 'Stopped' }) }))).toEqual(['nat-ics-disabled'])
    expect(ids(snapshot({ services: withService('SharedAccess', { startType: 'manual', status: 'Stopped' }) }))).toEqual([])
  })

  it('gives unrecognised HNS codes a low-confidence generic finding', () => {
    const findings = diagnose(snapshot({ 'wsl-startup': { startOutput: hardFailure('0xffffffff'), networkingModeOutput: null } }))
    expect(findings[0]).toMatchObject({ id: 'nat-creation-failed', confidence: 'low', args: { code: '0xffffffff' } })
  })
})

describe('platform (docs/knowledge/error-codes.md#hresult-table, docs/knowledge/host-causes.md#virtualization-off)', () => {
  it('names a disabled WSL service (0x80070422)', () => {
    expect(ids(snapshot({ services: withService('WSLService', { startType: 'disabled', status: 'Stopped' }) }))[0]).toBe('wsl-service-disabled')
  })

  it('names a missing Virtual Machine Platform from the feature state or missing services', () => {
    expect(ids(snapshot({ virtualization: { features: { VirtualMachinePlatform: 'Disabled' }, hypervisorPresent: false } }))[0]).toBe('vmp-missing')
    expect(ids(snapshot({ services: withService('hns', { exists: false, startType: null, status: null }) }))[0]).toBe('vmp-missing')
  })

  it('names virtualization off when VMP is on but no hypervisor runs', () => {
    const findings = diagnose(snapshot({ virtualization: { hypervisorPresent: false, firmwareVirtualization: false } }))
    expect(findings[0]).toMatchObject({ id: 'virtualization-disabled' })
    expect(findings[0]?.evidence.map((e) => e.key)).toContain('ev.firmwareVirtualizationOff')
  })

  it('does not read "firmware virtualization false" as a problem while the hypervisor runs (docs/knowledge/probes.md#virtualization)', () => {
    expect(ids(snapshot({ virtualization: { hypervisorPresent: true, firmwareVirtualization: false } }))).toEqual([])
  })
})
