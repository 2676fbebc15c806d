import { describe, expect, it } from 'vitest'
import { pastedScAndReg } from './pasted-outputs-sc-reg'

const lines = (text: string) => text.split(/\r?\n/)

/** microsoft/WSL#9672: `sc.exe qc wslservice` on a German Windows (labels and numbers are the same everywhere). */
const SC_QC_9672 = `C:\\WINDOWS\\system32>sc.exe qc wslservice
[SC] QueryServiceConfig SUCCESS

SERVICE_NAME: wslservice
        TYPE               : 210  WIN32_PACKAGED_PROCESS
        START_TYPE         : 2   AUTO_START
        ERROR_CONTROL      : 0   IGNORE
        BINARY_PATH_NAME   : C:\\Program Files\\WindowsApps\\MicrosoftCorporationII.WindowsSubsystemForLinux_1.1.3.0_x64__8wekyb3d8bbwe\\wslservice.exe
        LOAD_ORDER_GROUP   :
        TAG                : 0
        DISPLAY_NAME       : ms-resource:AppName`

/** microsoft/WSL#4360: `sc queryex LxssManager` while the service hangs in STOP_PENDING. */
const SC_QUERYEX_4360 = `C:\\WINDOWS\\system32>sc queryex LxssManager

SERVICE_NAME: LxssManager
        TYPE               : 30  WIN32
        STATE              : 3  STOP_PENDING
                                (NOT_STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)
        WIN32_EXIT_CODE    : 0  (0x0)
        SERVICE_EXIT_CODE  : 0  (0x0)
        CHECKPOINT         : 0x2
        WAIT_HINT          : 0xea60
        PID                : 14872
        FLAGS              :`

describe('sc query / sc qc / reg query pasted (issue 11 #3)', () => {
  it('sc qc gives the start type, sc queryex the state, by number (#9672, #4360)', () => {
    expect(pastedScAndReg(lines(SC_QC_9672)).services).toEqual([{ name: 'WSLService', status: null, startType: 'automatic', source: 'sc' }])
    expect(pastedScAndReg(lines(SC_QUERYEX_4360)).services).toEqual([{ name: 'LxssManager', status: 'StopPending', startType: null, source: 'sc' }])
    expect(pastedScAndReg(lines(`${SC_QC_9672}\n\n${SC_QUERYEX_4360}`)).services.map((s) => s.name)).toEqual(['WSLService', 'LxssManager'])
  })

  it('reg query rows under their key: a service Start and DisabledComponents', () => {
    // The row shape `reg query` prints (`    Start    REG_DWORD    0x4` under the key line), as quoted in
    // public tools' tests and notes (code search), for the services and the IPv6 key the rules read.
    const reg = pastedScAndReg(
      lines(
        'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\WSLService\n    Start    REG_DWORD    0x4\n\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters\n    DisabledComponents    REG_DWORD    0xff\n',
      ),
    )
    expect(reg.services).toEqual([{ name: 'WSLService', status: null, startType: 'disabled', source: 'reg' }])
    expect(reg.registry).toEqual([
      { key: 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\WSLService', name: 'Start', value: 4 },
      { key: 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters', name: 'DisabledComponents', value: 0xff },
    ])
  })

  it('services the product does not probe, values without their key, and prose are ignored', () => {
    expect(pastedScAndReg(lines('SERVICE_NAME: Spooler\n        STATE              : 4  RUNNING')).services).toEqual([])
    expect(pastedScAndReg(lines('    Start    REG_DWORD    0x4')).registry).toEqual([])
    expect(pastedScAndReg(lines('I set STATE : 4 for WSLService')).services).toEqual([])
  })
})
