import { describe, expect, it } from 'vitest'
import { diagnosePaste } from './diagnose-paste'
import { pastedServices, pastedVerVersion } from './pasted-outputs'

describe('pasted command outputs (issue 11 #3)', () => {
  it('cmd /c ver, in English and Chinese Windows (#11414, #12486)', () => {
    expect(pastedVerVersion('Microsoft Windows [Version 10.0.22000.2836]')).toBe('10.0.22000.2836')
    expect(pastedVerVersion('Microsoft Windows [版本 10.0.26100.1742]')).toBe('10.0.26100.1742')
    expect(pastedVerVersion('I run Windows 10.0.19045')).toBeNull()
  })

  it('Get-Service as a table and as a list; StartType and Status are enum names in every language', () => {
    const table =
      'Name         Status StartType\n----         ------ ---------\nhns          Running Manual\nSharedAccess Stopped Disabled\nWSLService   Stopped Disabled\n'
    expect(pastedServices(table).map((s) => [s.name, s.status, s.startType])).toEqual([
      ['hns', 'Running', 'manual'],
      ['SharedAccess', 'Stopped', 'disabled'],
      ['WSLService', 'Stopped', 'disabled'],
    ])
    const list = 'Name      : WSLService\nStatus    : Stopped\nStartType : Disabled\n\nName      : vmcompute\nStatus    : Running\nStartType : Manual\n'
    expect(pastedServices(list).map((s) => s.name)).toEqual(['WSLService', 'vmcompute'])
    expect(pastedServices('the WSLService is Stopped Disabled, I think')).toEqual([])
  })

  it('what the deciding check asked for decides: a disabled WSLService from Get-Service', () => {
    const top = diagnosePaste('Name       Status  StartType\n----       ------  ---------\nWSLService Stopped Disabled')[0]
    expect(top).toMatchObject({ id: 'wsl-service-disabled', confidence: 'high' })
    expect(top?.evidence[0]).toMatchObject({ key: 'ev.serviceDisabled', source: 'services' })
  })

  it('a pasted ver on an old build names the mirrored cause without a Windows field', () => {
    expect(
      diagnosePaste('Microsoft Windows [Version 10.0.22000.2836]\nwsl: Mirrored networking mode is not supported, falling back to NAT networking')[0]?.id,
    ).toBe('mirrored-unsupported-windows')
  })
})
