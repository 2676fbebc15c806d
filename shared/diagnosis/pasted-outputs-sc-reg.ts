import { SERVICE_NAMES, startTypeFromRegistry, type ServiceName, type StartType } from '../probes/facts/services'

/**
 * `sc query` / `sc queryex` / `sc qc <svc>` and `reg query …` as users paste them. Read only their
 * numbers and names, which no Windows language translates: `SERVICE_NAME: wslservice`,
 * `STATE : 1 STOPPED` (the number is the SERVICE_STATUS dwCurrentState), `START_TYPE : 4 DISABLED`
 * (the registry Start value), and `reg query` rows `    Start    REG_DWORD    0x4` under their key
 * line `HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\WSLService`.
 */
export interface PastedServiceRow {
  readonly name: ServiceName
  /** `Running`, `Stopped`… (Get-Service's names for the same states), null when not printed. */
  readonly status: string | null
  readonly startType: StartType | null
  readonly source: 'sc' | 'reg'
}

/** A registry value the rules read, as `reg query` printed it. */
export interface PastedRegistryValue {
  readonly key: string
  readonly name: 'DisabledComponents' | 'Start'
  readonly value: number
}

const SERVICE_NAME = /^\s*SERVICE_NAME\s*:\s*(\S+)\s*$/u
const STATE = /^\s*STATE\s*:\s*([1-7])\b/u
const START_TYPE = /^\s*START_TYPE\s*:\s*([0-4])\b/u
const REG_KEY = /^\s*(HKEY_LOCAL_MACHINE|HKLM)\\(\S.{0,300}?)\s*$/iu
const REG_VALUE = /^\s+(DisabledComponents|Start)\s+REG_DWORD\s+0x([0-9a-f]{1,8})\s*$/iu
const SERVICES_KEY = /^SYSTEM\\(?:CurrentControlSet|ControlSet\d{3})\\Services\\([^\\]+)$/iu
const TCPIP6_KEY = /^SYSTEM\\(?:CurrentControlSet|ControlSet\d{3})\\Services\\Tcpip6\\Parameters$/iu

/** SERVICE_STATUS dwCurrentState 1…7, named as Get-Service (ServiceControllerStatus) names them. */
const STATES: Readonly<Record<string, string>> = {
  1: 'Stopped',
  2: 'StartPending',
  3: 'StopPending',
  4: 'Running',
  5: 'ContinuePending',
  6: 'PausePending',
  7: 'Paused',
}

function serviceName(name: string): ServiceName | undefined {
  return SERVICE_NAMES.find((n) => n.toLowerCase() === name.toLowerCase())
}

export function pastedScAndReg(lines: readonly string[]): { services: PastedServiceRow[]; registry: PastedRegistryValue[] } {
  const rows = new Map<ServiceName, { name: ServiceName; status: string | null; startType: StartType | null; source: 'sc' | 'reg' }>()
  const registry: PastedRegistryValue[] = []
  let scService: ServiceName | undefined
  let scOpen = false
  let regKey: string | null = null
  for (const line of lines) {
    if (line.length > 400) continue
    const name = SERVICE_NAME.exec(line)?.[1]
    if (name !== undefined) {
      scService = serviceName(name)
      scOpen = true
      continue
    }
    const state = scOpen ? STATE.exec(line)?.[1] : undefined
    const start = scOpen ? START_TYPE.exec(line)?.[1] : undefined
    if (scService !== undefined && (state !== undefined || start !== undefined)) {
      const row = rows.get(scService) ?? { name: scService, status: null, startType: null, source: 'sc' as const }
      if (state !== undefined) row.status ??= STATES[state] ?? null
      if (start !== undefined) row.startType ??= startTypeFromRegistry(Number.parseInt(start, 10))
      rows.set(scService, row)
      continue
    }
    const key = REG_KEY.exec(line)?.[2]
    if (key !== undefined) {
      regKey = key
      scOpen = false
      continue
    }
    const value = regKey === null ? null : REG_VALUE.exec(line)
    if (value?.[1] !== undefined && value[2] !== undefined && regKey !== null) {
      const number = Number.parseInt(value[2], 16)
      const valueName = value[1].toLowerCase() === 'start' ? 'Start' : 'DisabledComponents'
      const service = SERVICES_KEY.exec(regKey)?.[1]
      if (valueName === 'Start' && service !== undefined) {
        const canonical = serviceName(service)
        registry.push({ key: `HKLM\\${regKey}`, name: 'Start', value: number })
        if (canonical !== undefined) {
          const row = rows.get(canonical) ?? { name: canonical, status: null, startType: null, source: 'reg' as const }
          row.startType ??= startTypeFromRegistry(number)
          rows.set(canonical, row)
        }
      } else if (valueName === 'DisabledComponents' && TCPIP6_KEY.test(regKey)) {
        registry.push({ key: `HKLM\\${regKey}`, name: 'DisabledComponents', value: number })
      }
      continue
    }
    // sc's block ends at a blank line or a prompt; a registry key's values follow it directly.
    if (line.trim() === '') scOpen = false
    else if (!/^\s/u.test(line)) {
      scOpen = false
      regKey = null
    }
  }
  return { services: [...rows.values()], registry }
}
