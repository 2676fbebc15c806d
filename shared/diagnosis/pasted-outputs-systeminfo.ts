/**
 * `systeminfo` in English and Simplified Chinese (its labels are localized: `OS Name` / `OS 名称`,
 * `OS Version` / `OS 版本`, `Hotfix(s)` / `修补程序`, `Hyper-V Requirements` / `Hyper-V 要求`; real
 * outputs quoted in pasted-outputs-systeminfo.test.ts with their sources). Read: the OS name and
 * build, the hotfix KB list, and the Hyper-V requirements lines (a hypervisor already running, or
 * each requirement's Yes/No).
 */
export interface PastedSystemInfo {
  /** `Microsoft Windows 11 Pro`, `Microsoft Windows 11 专业版`. */
  readonly osName: string | null
  /** `22631` from `10.0.22631 N/A Build 22631` / `10.0.22631 暂缺 Build 22631`. */
  readonly build: string | null
  readonly hotfixes: readonly string[]
  readonly hyperV: PastedHyperVRequirements | null
}

/**
 * `A hypervisor has been detected. Features required for Hyper-V will not be displayed.` /
 * `已检测到虚拟机监控程序。将不显示 Hyper-V 所需的功能。`, or the four requirement lines.
 */
export type PastedHyperVRequirements =
  | { readonly kind: 'hypervisor-detected' }
  | { readonly kind: 'requirements'; readonly firmwareVirtualization: boolean | null; readonly slat: boolean | null; readonly vmMonitorMode: boolean | null }

const FIELD = /^([^:：\s][^:：]{0,40}?):\s+(\S.*?)\s*$/u
const OS_NAME = /^(OS Name|OS 名称)$/u
const OS_VERSION = /^(OS Version|OS 版本)$/u
const HOTFIXES = /^(Hotfix\(s\)|修补程序)$/u
const HYPERV = /^(Hyper-V Requirements|Hyper-V 要求)$/u
const BUILD = /^10\.0\.(\d{5})\b/u
const KB = /^\s+\[\d{2,3}\]: (KB\d{6,7})\s*$/u
const DETECTED = /A hypervisor has been detected|已检测到虚拟机监控程序/u
/** Requirement lines come after the Hyper-V label (the first is on its line), indented. */
const REQUIREMENTS: readonly (readonly [keyof Omit<Extract<PastedHyperVRequirements, { kind: 'requirements' }>, 'kind'>, RegExp])[] = [
  // English labels only: no published Chinese output of these lines was found, so none is guessed.
  ['vmMonitorMode', /VM Monitor Mode Extensions/u],
  ['firmwareVirtualization', /Virtualization Enabled In Firmware/u],
  ['slat', /Second Level Address Translation/u],
]
const YES_NO = /:\s*(Yes|No)\s*$/u

/** Null when no line carries systeminfo's own OS Version or Hyper-V label. */
export function pastedSystemInfo(lines: readonly string[]): PastedSystemInfo | null {
  let osName: string | null = null
  let build: string | null = null
  let hyperV: PastedHyperVRequirements | null = null
  const hotfixes: string[] = []
  let inHotfixes = false
  let inHyperV = false
  const requirements: { firmwareVirtualization: boolean | null; slat: boolean | null; vmMonitorMode: boolean | null } = {
    firmwareVirtualization: null,
    slat: null,
    vmMonitorMode: null,
  }
  const requirement = (text: string): boolean => {
    const answer = YES_NO.exec(text)?.[1]
    const which = REQUIREMENTS.find(([, re]) => re.test(text))
    if (which === undefined || answer === undefined) return false
    requirements[which[0]] = answer === 'Yes'
    return true
  }
  for (const line of lines) {
    if (line.length > 400) continue
    const kb = inHotfixes ? KB.exec(line) : null
    if (kb?.[1] !== undefined) {
      if (!hotfixes.includes(kb[1])) hotfixes.push(kb[1])
      continue
    }
    if (inHyperV && /^\s/u.test(line) && requirement(line)) continue
    const field = FIELD.exec(line)
    inHotfixes = false
    inHyperV = false
    if (field?.[1] === undefined || field[2] === undefined) continue
    const label = field[1].trim()
    const value = field[2]
    if (OS_NAME.test(label)) osName ??= value
    else if (OS_VERSION.test(label)) build ??= BUILD.exec(value)?.[1] ?? null
    else if (HOTFIXES.test(label)) inHotfixes = true
    else if (HYPERV.test(label)) {
      inHyperV = true
      if (DETECTED.test(value)) hyperV = { kind: 'hypervisor-detected' }
      else requirement(value)
    }
  }
  if (hyperV === null && Object.values(requirements).some((v) => v !== null)) hyperV = { kind: 'requirements', ...requirements }
  if (build === null && hyperV === null) return null
  return { osName, build, hotfixes, hyperV }
}

/**
 * `Core` (the EditionID of Home, which has no Hyper-V role: docs/knowledge/probes.md#virtualization)
 * when the OS name says Home (`家庭版`, `家庭中文版` = CoreCountrySpecific); null otherwise. Other
 * names are not mapped: "Pro" alone does not tell Professional from ProfessionalWorkstation.
 */
export function homeEditionFromOsName(osName: string | null): 'Core' | null {
  return osName !== null && /\bHome\b|家庭(?:中文)?版/u.test(osName) && !/\bServer\b/u.test(osName) ? 'Core' : null
}
