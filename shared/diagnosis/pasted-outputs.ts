import { SERVICE_NAMES, type ServiceState, type StartType } from '../probes/facts/services'

/**
 * Command outputs the product asks a user to paste (deciding-check.ts `ask.*`), read back into the
 * facts a probe would have read (issue 11 #3). Only outputs whose shape does not depend on the
 * Windows language are read: `cmd /c ver` (the bracketed version; the word before it is localized,
 * "Version" / "版本") and `Get-Service` tables (Status and StartType are .NET enum names, never
 * translated). Anything else stays unread, so rules treat it as unknown.
 */

/** `Microsoft Windows [Version 10.0.22000.2836]`, `Microsoft Windows [版本 10.0.19045.4717]`. */
const VER = /Microsoft Windows \[[^\]\d]*(10\.0\.\d{5}(?:\.\d+)?)\]/u

/** The Windows version `cmd /c ver` printed (also in issue templates), or null. */
export function pastedVerVersion(text: string): string | null {
  return VER.exec(text)?.[1] ?? null
}

const STATUS = ['Running', 'Stopped', 'StartPending', 'StopPending', 'ContinuePending', 'PausePending', 'Paused'] as const
const START_TYPES: Readonly<Record<string, StartType>> = { automatic: 'automatic', manual: 'manual', disabled: 'disabled', boot: 'boot', system: 'system' }
const ROW = new RegExp(`^\\s*(${SERVICE_NAMES.join('|')})\\s+(${STATUS.join('|')})\\s+(Automatic|Manual|Disabled|Boot|System)\\s*$`, 'gimu')
/** `Format-List` form: `Name : WSLService` … `Status : Stopped` … `StartType : Disabled`, in any order within one block. */
const LIST_FIELD = /^\s*(Name|Status|StartType)\s*:\s*(\S+)\s*$/imu

/**
 * Rows of `Get-Service … | Format-Table Name, Status, StartType` (or `Format-List`) for the services
 * the product probes, each once (first occurrence). Empty when there are none.
 */
export function pastedServices(text: string): ServiceState[] {
  const found = new Map<string, ServiceState>()
  const add = (name: string, status: string, startType: string): void => {
    const canonical = SERVICE_NAMES.find((n) => n.toLowerCase() === name.toLowerCase())
    const start = START_TYPES[startType.toLowerCase()]
    const state = STATUS.find((s) => s.toLowerCase() === status.toLowerCase())
    if (canonical === undefined || start === undefined || state === undefined || found.has(canonical)) return
    found.set(canonical, { name: canonical, exists: true, startType: start, delayedAutoStart: false, triggerStart: false, status: state })
  }
  for (const match of text.matchAll(ROW)) add(match[1] ?? '', match[2] ?? '', match[3] ?? '')
  for (const block of text.split(/\r?\n\s*\r?\n/u)) {
    const fields = new Map<string, string>()
    for (const line of block.split(/\r?\n/u)) {
      const field = LIST_FIELD.exec(line)
      if (field?.[1] && field[2] && !fields.has(field[1].toLowerCase())) fields.set(field[1].toLowerCase(), field[2])
    }
    const name = fields.get('name')
    const status = fields.get('status')
    const startType = fields.get('starttype')
    if (name && status && startType) add(name, status, startType)
  }
  return [...found.values()]
}
