import { z } from 'zod'

/**
 * Every script a fix can run, by id: one `.ps1` each in `electron/fixes/scripts/<id>.ps1`, and its
 * one entry here — whether it runs elevated, its time limit, the input it accepts and the command
 * shown to the user for that input. The catalog builds steps from it (steps.ts), the main process
 * checks every step's input against it before composing a script (compose-fix-script.ts), and the
 * simulated PC refuses what it refuses (fix-effects.ts).
 *
 * Scripts are specific (no "delete any registry value" script): what an elevated script can change
 * is fixed in its own text, and its input only selects among allowed values (docs/security.md#elevation).
 * `elevated` scripts run inside the one elevated batch of an Apply; the others run as the user.
 *
 * `timeLimitMs`: how long the app waits for the script before it gives up on it — longer than
 * every wait inside the script (its `-TimeoutMs` arguments, checked by fix-script-limits.test.ts),
 * so the app never abandons a script that is still legitimately working (a DISM feature change
 * may take 30 minutes; exporting a large distro, hours).
 *
 * `command`: the equivalent command, for people who want to know exactly what runs (display
 * only; derived from the input so it cannot say something else than the step does).
 */
const MINUTE = 60_000

/** Services whose start type a fix may set (service-start-type.ps1 refuses any other). */
export const FIXABLE_SERVICES = ['WSLService', 'SharedAccess'] as const
/** Optional features a fix may turn on or off (set-feature.ps1 refuses any other). */
export const FIXABLE_FEATURES = ['VirtualMachinePlatform', 'Microsoft-Windows-Subsystem-Linux'] as const
/** Registry values the undo script may put back (undo-registry-value.ps1 maps each to its key). */
export const RESTORABLE_REGISTRY_VALUES = ['ipv6-disabled-components', 'hyperv-firewall-disable', 'port-tracker-enabled-mode'] as const

const NoInput = z.union([z.null(), z.undefined(), z.strictObject({})])
// First character alphanumeric: a name starting with '-' would read as a wsl.exe option (wsl-export.ps1).
const DistroName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/)
const WslVersion = z.union([z.literal(1), z.literal(2)])
/** Start types service-start-type.ps1 sets (sc.exe auto / demand / disabled). */
export const SETTABLE_START_TYPES = ['automatic', 'manual', 'disabled'] as const
const StartType = z.enum(SETTABLE_START_TYPES)
export function isSettableStartType(value: string): value is (typeof SETTABLE_START_TYPES)[number] {
  return (SETTABLE_START_TYPES as readonly string[]).includes(value)
}

/** `sc.exe config <name> start= <word>` spells the start types its own way. */
const SC_START: Readonly<Record<z.infer<typeof StartType>, string>> = { automatic: 'auto', manual: 'demand', disabled: 'disabled' }

interface FixScriptSpec<Input extends z.ZodType> {
  readonly elevated: boolean
  readonly timeLimitMs: number
  readonly input: Input
  readonly command: (input: z.infer<Input>) => string
}

function script<Input extends z.ZodType>(spec: FixScriptSpec<Input>): FixScriptSpec<Input> {
  return spec
}

const registryCommand = (key: string, name: string) => `Remove-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\${key}' -Name ${name}`

export const FIX_SCRIPTS = {
  'restore-point': script({
    elevated: true,
    timeLimitMs: 15 * MINUTE,
    input: z.object({
      description: z
        .string()
        .min(1)
        .max(120)
        .regex(/^[\x20-\x7e]+$/),
    }),
    command: ({ description }) => `Checkpoint-Computer -Description "${description}" -RestorePointType MODIFY_SETTINGS`,
  }),
  'wslconfig-write': script({
    elevated: false,
    timeLimitMs: 2 * MINUTE,
    input: z.object({ expectedBase64: z.string().nullable(), contentBase64: z.string() }),
    command: () => '[IO.File]::WriteAllBytes("$env:USERPROFILE\\.wslconfig", …)  # after a backup copy',
  }),
  'wsl-shutdown': script({ elevated: false, timeLimitMs: 5 * MINUTE, input: NoInput, command: () => 'wsl.exe --shutdown' }),
  'wsl-update': script({
    elevated: false,
    timeLimitMs: 20 * MINUTE,
    input: z.object({ preRelease: z.boolean() }),
    command: ({ preRelease }) => (preRelease ? 'wsl.exe --update --web-download --pre-release' : 'wsl.exe --update --web-download'),
  }),
  'service-start-type': script({
    elevated: true,
    timeLimitMs: 3 * MINUTE,
    input: z.object({ name: z.enum(FIXABLE_SERVICES), startType: StartType }),
    command: ({ name, startType }) => `sc.exe config ${name} start= ${SC_START[startType]}`,
  }),
  'remove-ipv6-disabled-components': script({
    elevated: true,
    timeLimitMs: 2 * MINUTE,
    input: NoInput,
    command: () => registryCommand('Tcpip6\\Parameters', 'DisabledComponents'),
  }),
  'remove-hyperv-firewall-disable': script({
    elevated: true,
    timeLimitMs: 2 * MINUTE,
    input: NoInput,
    command: () => registryCommand('MpsSvc\\Parameters', 'HyperVFirewallDisable'),
  }),
  'remove-port-tracker': script({
    elevated: true,
    timeLimitMs: 2 * MINUTE,
    input: NoInput,
    command: () => registryCommand('Tcpip\\Parameters', 'PortTrackerEnabledMode'),
  }),
  'delete-wsl-hns-network': script({
    elevated: true,
    timeLimitMs: 5 * MINUTE,
    input: NoInput,
    command: () => "Get-HnsNetwork | Where-Object Name -in 'WSL','WSL (Hyper-V firewall)' | Remove-HnsNetwork",
  }),
  'set-feature': script({
    elevated: true,
    timeLimitMs: 35 * MINUTE,
    input: z.object({ feature: z.enum(FIXABLE_FEATURES), enable: z.boolean() }),
    command: ({ feature, enable }) =>
      enable
        ? `dism.exe /online /enable-feature /featurename:${feature} /all /norestart`
        : `dism.exe /online /disable-feature /featurename:${feature} /norestart`,
  }),
  'hypervisor-launch-auto': script({ elevated: true, timeLimitMs: 3 * MINUTE, input: NoInput, command: () => 'bcdedit.exe /set hypervisorlaunchtype auto' }),
  'vmware-cleanup': script({
    elevated: true,
    timeLimitMs: 5 * MINUTE,
    input: NoInput,
    command: () =>
      'reg.exe export HKLM\\SOFTWARE\\Classes\\CLSID\\{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b} <backup>; Remove-Item …; Disable-NetAdapterBinding -ComponentID vmware_bridge',
  }),
  'winsock-reset': script({ elevated: true, timeLimitMs: 5 * MINUTE, input: NoInput, command: () => 'netsh.exe winsock reset' }),
  'wsl-export': script({
    elevated: false,
    timeLimitMs: 125 * MINUTE,
    input: z.object({ distro: DistroName }),
    command: ({ distro }) => `wsl.exe --export ${distro} <backup>.tar`,
  }),
  'wsl-set-version': script({
    elevated: false,
    timeLimitMs: 125 * MINUTE,
    input: z.object({ distro: DistroName, version: WslVersion }),
    command: ({ distro, version }) => `wsl.exe --set-version ${distro} ${version}`,
  }),
  'wsl-set-default-version': script({
    elevated: false,
    timeLimitMs: 3 * MINUTE,
    input: z.object({ version: WslVersion }),
    command: ({ version }) => `wsl.exe --set-default-version ${version}`,
  }),
  // Undo: put back what the journal recorded (UndoRecord in step-result.ts); `kind` and
  // `backupPath` of the record may be left out.
  'undo-restore-file': script({
    elevated: false,
    timeLimitMs: 2 * MINUTE,
    input: z.object({
      kind: z.literal('restore-file').optional(),
      path: z.string(),
      previousBase64: z.string().nullable(),
      backupPath: z.string().nullable().optional(),
      writtenBase64: z.string().nullable().optional(),
    }),
    command: ({ path }) => `restore ${path} from the journal`,
  }),
  'undo-registry-value': script({
    elevated: true,
    timeLimitMs: 2 * MINUTE,
    input: z.object({
      kind: z.literal('restore-registry-value').optional(),
      value: z.enum(RESTORABLE_REGISTRY_VALUES),
      previous: z.number().int().min(0).max(0xffffffff),
    }),
    command: ({ value, previous }) => `restore ${value} = ${previous}`,
  }),
} as const

export type FixScriptId = keyof typeof FIX_SCRIPTS
export const FIX_SCRIPT_IDS = Object.keys(FIX_SCRIPTS) as FixScriptId[]

/** What a script accepts (as its `.ps1` checks it). */
export type FixScriptInput<Id extends FixScriptId> = z.infer<(typeof FIX_SCRIPTS)[Id]['input']>

/** Checks a step's input against its script's entry; the error names the first problem. */
export function parseFixScriptInput(script: FixScriptId, input: unknown): { ok: true; input: unknown } | { ok: false; error: string } {
  const parsed = FIX_SCRIPTS[script].input.safeParse(input)
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, error: `${script}: input refused: ${parsed.error.issues[0]?.message ?? 'invalid'}` }
}

/** The command shown for a step (display only). */
export function fixScriptCommand<Id extends FixScriptId>(script: Id, input: FixScriptInput<Id>): string {
  return (FIX_SCRIPTS[script].command as (input: FixScriptInput<Id>) => string)(input)
}

/**
 * Script ids as the PowerShell host sees them: the one elevated batch of a phase, and each
 * unelevated fix or helper script (`fix:wslconfig-write`, `fix:boot-time`).
 */
export const FIX_BATCH_SCRIPT_ID = 'fix-batch'
export const FIX_SCRIPT_PREFIX = 'fix:'
export function fixScriptRunId(id: string): string {
  return `${FIX_SCRIPT_PREFIX}${id}`
}

/** How long a user may take to answer the UAC prompt before the app stops waiting for it. */
export const UAC_ANSWER_LIMIT_MS = 5 * MINUTE

/** The limit of one run of `scripts`: the sum of their own limits (they run one after another). */
export function timeLimitOf(scripts: readonly FixScriptId[]): number {
  return scripts.reduce((total, id) => total + FIX_SCRIPTS[id].timeLimitMs, 0)
}
