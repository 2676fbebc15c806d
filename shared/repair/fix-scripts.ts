/**
 * Every script a fix can run, by id: one `.ps1` each in `electron/fixes/scripts/<id>.ps1`.
 * Scripts are specific (no "delete any registry value" script): what an elevated script can change
 * is fixed in its own text, and its input only selects among allowed values (engineering.md §4).
 * `elevated` scripts run inside the one elevated batch of an Apply; the others run as the user.
 */
export const FIX_SCRIPTS = {
  'restore-point': { elevated: true },
  'wslconfig-write': { elevated: false },
  'wsl-shutdown': { elevated: false },
  'wsl-update': { elevated: false },
  'service-start-type': { elevated: true },
  'remove-ipv6-disabled-components': { elevated: true },
  'remove-hyperv-firewall-disable': { elevated: true },
  'remove-port-tracker': { elevated: true },
  'delete-wsl-hns-network': { elevated: true },
  'set-feature': { elevated: true },
  'hypervisor-launch-auto': { elevated: true },
  'vmware-cleanup': { elevated: true },
  'winsock-reset': { elevated: true },
  'wsl-export': { elevated: false },
  'wsl-set-version': { elevated: false },
  'wsl-set-default-version': { elevated: false },
  // Undo: put back what the journal recorded (UndoRecord in step-result.ts).
  'undo-restore-file': { elevated: false },
  'undo-registry-value': { elevated: true },
} as const satisfies Record<string, { readonly elevated: boolean }>

export type FixScriptId = keyof typeof FIX_SCRIPTS
export const FIX_SCRIPT_IDS = Object.keys(FIX_SCRIPTS) as FixScriptId[]

/** Services whose start type a fix may set (service-start-type.ps1 refuses any other). */
export const FIXABLE_SERVICES = ['WSLService', 'SharedAccess'] as const
/** Optional features a fix may turn on or off (set-feature.ps1 refuses any other). */
export const FIXABLE_FEATURES = ['VirtualMachinePlatform', 'Microsoft-Windows-Subsystem-Linux'] as const
