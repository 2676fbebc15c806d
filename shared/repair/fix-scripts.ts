/**
 * Every script a fix can run, by id: one `.ps1` each in `electron/fixes/scripts/<id>.ps1`.
 * Scripts are specific (no "delete any registry value" script): what an elevated script can change
 * is fixed in its own text, and its input only selects among allowed values (docs/security.md#elevation).
 * `elevated` scripts run inside the one elevated batch of an Apply; the others run as the user.
 */
/**
 * `timeLimitMs`: how long the app waits for the script before it gives up on it — longer than
 * every wait inside the script (its `-TimeoutMs` arguments, checked by fix-script-limits.test.ts),
 * so the app never abandons a script that is still legitimately working (a DISM feature change
 * may take 30 minutes; exporting a large distro, hours).
 */
const MINUTE = 60_000
export const FIX_SCRIPTS = {
  'restore-point': { elevated: true, timeLimitMs: 15 * MINUTE },
  'wslconfig-write': { elevated: false, timeLimitMs: 2 * MINUTE },
  'wsl-shutdown': { elevated: false, timeLimitMs: 5 * MINUTE },
  'wsl-update': { elevated: false, timeLimitMs: 20 * MINUTE },
  'service-start-type': { elevated: true, timeLimitMs: 3 * MINUTE },
  'remove-ipv6-disabled-components': { elevated: true, timeLimitMs: 2 * MINUTE },
  'remove-hyperv-firewall-disable': { elevated: true, timeLimitMs: 2 * MINUTE },
  'remove-port-tracker': { elevated: true, timeLimitMs: 2 * MINUTE },
  'delete-wsl-hns-network': { elevated: true, timeLimitMs: 5 * MINUTE },
  'set-feature': { elevated: true, timeLimitMs: 35 * MINUTE },
  'hypervisor-launch-auto': { elevated: true, timeLimitMs: 3 * MINUTE },
  'vmware-cleanup': { elevated: true, timeLimitMs: 5 * MINUTE },
  'winsock-reset': { elevated: true, timeLimitMs: 5 * MINUTE },
  'wsl-export': { elevated: false, timeLimitMs: 125 * MINUTE },
  'wsl-set-version': { elevated: false, timeLimitMs: 125 * MINUTE },
  'wsl-set-default-version': { elevated: false, timeLimitMs: 3 * MINUTE },
  // Undo: put back what the journal recorded (UndoRecord in step-result.ts).
  'undo-restore-file': { elevated: false, timeLimitMs: 2 * MINUTE },
  'undo-registry-value': { elevated: true, timeLimitMs: 2 * MINUTE },
} as const satisfies Record<string, { readonly elevated: boolean; readonly timeLimitMs: number }>

/** How long a user may take to answer the UAC prompt before the app stops waiting for it. */
export const UAC_ANSWER_LIMIT_MS = 5 * MINUTE

/** The limit of one run of `scripts`: the sum of their own limits (they run one after another). */
export function timeLimitOf(scripts: readonly FixScriptId[]): number {
  return scripts.reduce((total, id) => total + FIX_SCRIPTS[id].timeLimitMs, 0)
}

export type FixScriptId = keyof typeof FIX_SCRIPTS
export const FIX_SCRIPT_IDS = Object.keys(FIX_SCRIPTS) as FixScriptId[]

/** Services whose start type a fix may set (service-start-type.ps1 refuses any other). */
export const FIXABLE_SERVICES = ['WSLService', 'SharedAccess'] as const
/** Optional features a fix may turn on or off (set-feature.ps1 refuses any other). */
export const FIXABLE_FEATURES = ['VirtualMachinePlatform', 'Microsoft-Windows-Subsystem-Linux'] as const
