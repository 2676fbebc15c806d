import { describe, expect, it } from 'vitest'
import { diagnose } from '../diagnose'
import { snapshot } from '../test-support/test-snapshot'

const virtualizationFinding = (s: ReturnType<typeof snapshot>) => diagnose(s).find((f) => f.id === 'virtualization-disabled')

describe('hypervisor turned off at boot, seen unelevated (docs/knowledge/host-network-probes.md#hypervisor-off-at-boot)', () => {
  it('features on, firmware allows it, no hypervisor, boot setting unread: says so, and that the boot setting is unknown', () => {
    const f = virtualizationFinding(snapshot({ virtualization: { hypervisorPresent: false, firmwareVirtualization: true, hypervisorLaunchType: null } }))
    expect(f?.evidence.map((e) => e.key)).toEqual(['ev.noHypervisor', 'ev.hypervisorOffAtBoot'])
    expect(f?.unknowns).toEqual([{ key: 'un.hypervisorLaunchTypeUnread', args: {} }])
  })

  it('an elevated scan that read "Off" states it, with no unknown left', () => {
    const f = virtualizationFinding(snapshot({ virtualization: { hypervisorPresent: false, firmwareVirtualization: true, hypervisorLaunchType: 'Off' } }))
    expect(f?.evidence.map((e) => e.key)).toEqual(['ev.noHypervisor', 'ev.hypervisorLaunchOff', 'ev.hypervisorOffAtBoot'])
    expect(f?.unknowns).toEqual([])
  })

  it('near misses: firmware virtualization off is the firmware, not the boot setting; a running hypervisor is fine', () => {
    const firmware = virtualizationFinding(
      snapshot({ virtualization: { hypervisorPresent: false, firmwareVirtualization: false, hypervisorLaunchType: null } }),
    )
    expect(firmware?.evidence.map((e) => e.key)).toEqual(['ev.noHypervisor', 'ev.firmwareVirtualizationOff'])
    expect(firmware?.unknowns).toEqual([])
    expect(virtualizationFinding(snapshot({ virtualization: { hypervisorPresent: true, firmwareVirtualization: false } }))).toBeUndefined()
    // HypervisorPresent unreadable: no claim either way.
    expect(virtualizationFinding(snapshot({ virtualization: { hypervisorPresent: null, firmwareVirtualization: true } }))).toBeUndefined()
  })
})
