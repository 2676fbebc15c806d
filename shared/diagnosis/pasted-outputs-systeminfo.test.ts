import { describe, expect, it } from 'vitest'
import { homeEditionFromOsName, pastedSystemInfo } from './pasted-outputs-systeminfo'

const lines = (text: string) => text.split(/\r?\n/)

/** potato-security/PotatoTool kbCheck.java: a Chinese Windows 10 `systeminfo`, used as its test input. */
const ZH = `主机名:           DESKTOP-EMGF5BE
OS 名称:          Microsoft Windows 10 专业版
OS 版本:          10.0.18363 暂缺 Build 18363
OS 制造商:        Microsoft Corporation
系统类型:         x64-based PC
修补程序:         安装了 6 个修补程序。
                  [01]: KB4601556
                  [02]: KB4513661
                  [03]: KB4516115
                  [04]: KB4517245
                  [05]: KB4521863
                  [06]: KB4517389
网卡:             安装了 2 个 NIC。
                  [01]: Intel(R) 82574L Gigabit Network Connection
                      连接名:      Ethernet0
                  [02]: Bluetooth Device (Personal Area Network)
Hyper-V 要求:     已检测到虚拟机监控程序。将不显示 Hyper-V 所需的功能。`

/** A VirtualBox guest's `systeminfo`, as printed in the veewee project's docs (code search). */
const EN_REQUIREMENTS = `                                 [02]: fe80::6d8d:97e0:dae3:e495
Hyper-V Requirements:      VM Monitor Mode Extensions: No
                           Virtualization Enabled In Firmware: No
                           Second Level Address Translation: No
                           Data Execution Prevention Available: Yes`

describe('systeminfo pasted (issue 11 #3)', () => {
  it('Chinese: OS name and build (暂缺 Build), the hotfix list, a running hypervisor', () => {
    expect(pastedSystemInfo(lines(ZH))).toEqual({
      osName: 'Microsoft Windows 10 专业版',
      build: '18363',
      hotfixes: ['KB4601556', 'KB4513661', 'KB4516115', 'KB4517245', 'KB4521863', 'KB4517389'],
      hyperV: { kind: 'hypervisor-detected' },
    })
  })

  it('English: the Hyper-V line on a host (MicrosoftDocs/windowsserverdocs#4847) and the requirement lines', () => {
    const host =
      'OS Name:                   Microsoft Windows 11 Enterprise\nOS Version:                10.0.22631 N/A Build 22631\nHyper-V Requirements:      A hypervisor has been detected. Features required for Hyper-V will not be displayed.'
    expect(pastedSystemInfo(lines(host))).toEqual({
      osName: 'Microsoft Windows 11 Enterprise',
      build: '22631',
      hotfixes: [],
      hyperV: { kind: 'hypervisor-detected' },
    })
    expect(pastedSystemInfo(lines(EN_REQUIREMENTS))?.hyperV).toEqual({ kind: 'requirements', vmMonitorMode: false, firmwareVirtualization: false, slat: false })
  })

  it('Home is the only edition named from the OS name', () => {
    expect(homeEditionFromOsName('Microsoft Windows 11 家庭中文版')).toBe('Core')
    expect(homeEditionFromOsName('Microsoft Windows 10 Home')).toBe('Core')
    expect(homeEditionFromOsName('Microsoft Windows 11 专业版')).toBeNull()
    expect(homeEditionFromOsName(null)).toBeNull()
  })

  it('prose and garbage give nothing', () => {
    expect(pastedSystemInfo(lines('My OS version is 10.0.19045, Hyper-V requirements are met'))).toBeNull()
    expect(pastedSystemInfo(lines('OS Version: banana'))).toBeNull()
    expect(() => pastedSystemInfo(lines(':'.repeat(100_000)))).not.toThrow()
  })
})
