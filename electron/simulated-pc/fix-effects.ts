import { parseFixScriptInput, type FixScriptId, type FixScriptInput } from '../../shared/repair/fix-scripts'
import type { StepResult, UndoRecord } from '../../shared/repair/step-result'
import type { Scenario } from '../../shared/scenarios/scenario'
import type { NatFailureCure, ScenarioRuntime } from '../../shared/scenarios/scenario-machine'
import { wslLanguageFor } from '../../shared/wsl-messages/messages'
import { servicesOf } from './default-services'
import { serviceStartFailure } from './wsl-start-blockers'
import { wslconfigBytes, wslconfigPath } from './wslconfig-bytes'

/** When the simulated fix runs: names backups and restore points, and moves the boot clock. */
export interface FixContext {
  readonly now: Date
}

/** A step's result on the simulated PC: the new state and its StepResult, or why it refused. */
export type FixOutcome = { readonly ok: true; readonly state: Scenario; readonly result: StepResult } | { readonly ok: false; readonly error: string }

/** A refusal or failure, as the `.ps1` would `throw` it; nothing was changed. */
class FixFailure extends Error {}

/** The WSL package `wsl --update` installs on the simulated PC (a current 2.6 release, docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/wsl-checks.md#wsl-versions-that-changed-networking). */
export const UPDATED_WSL = { version: '2.6.1.0', kernelVersion: '6.6.87.2-1', wslgVersion: '1.0.66' } as const

/** When the simulated PC last started unless the scenario says otherwise (before its last WSL start). */
export const DEFAULT_LAST_BOOT = '2026-11-21T08:40:00.000Z'

/** HNS codes of a stale WSL network that deleting it or a restart clears (docs/knowledge/error-codes.md#hresult-table, docs/knowledge/fixes.md#delete-wsl-hns-network, docs/knowledge/fixes.md#the-fix-ladder step 6). */
const STALE_NETWORK_CODES = ['0x803b0001', '0x803b0017']

type Input<Id extends FixScriptId> = FixScriptInput<Id>
type Effect<Id extends FixScriptId> = (state: Scenario, input: Input<Id>, context: FixContext) => StepResult

/**
 * Applies one fix script to the simulated PC the way Windows would (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#delete-wsl-hns-network,
 * docs/knowledge/fixes.md#restore-points, docs/knowledge/host-causes.md#ics-disabled, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry, docs/knowledge/host-causes.md#winsock-lsp): the input is checked against the script's own allow-list, then the
 * state changes, or the step refuses and nothing changes. Changes that Windows applies only at a
 * restart (features, bcdedit, Winsock reset) wait in `runtime.pending` until `rebootPc`.
 * `runtime.failStep` makes one script fail, for tests of a failing step.
 */
export function applyFix(state: Scenario, script: FixScriptId, input: unknown, context: FixContext): FixOutcome {
  if (state.runtime?.failStep === script) return { ok: false, error: `${script}: simulated failure (runtime.failStep); nothing was changed.` }
  // The script's own allow-list, from the one registry (shared/repair/fix-scripts.ts).
  const parsed = parseFixScriptInput(script, input)
  if (!parsed.ok) return { ok: false, error: parsed.error }
  const draft = structuredClone(state)
  pinNatFailureCure(draft)
  try {
    const result = runEffect(script, draft, parsed.input, context)
    return { ok: true, state: draft, result }
  } catch (error) {
    if (error instanceof FixFailure) return { ok: false, error: error.message }
    throw error
  }
}

function runEffect(script: FixScriptId, draft: Scenario, input: unknown, context: FixContext): StepResult {
  // `input` was parsed with the script's registry entry just before; the table pairs each id with its effect.
  const effect = EFFECTS[script] as Effect<FixScriptId>
  return effect(draft, input as Input<FixScriptId>, context)
}

/**
 * A restart of the simulated PC (docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/fixes.md#the-fix-ladder step 6, docs/knowledge/host-causes.md#winsock-lsp, docs/knowledge/host-causes.md#vmware-leftovers, #10054): boot counter and
 * LastBootUpTime advance; pending feature, hypervisor and Winsock changes apply; every distribution
 * is stopped; the NAT failure clears when its cure is complete: a stale HNS network (`reboot`,
 * `delete-wsl-hns-network`), VMware leftovers already removed (`vmware-cleanup`), or
 * VirtualMachinePlatform back on after a restart with it off (`toggle-vmp`). A Group Policy Preferences
 * registry value (`groupPolicy.registryPreferences`) is written again.
 */
export function rebootPc(state: Scenario, context: FixContext): Scenario {
  const next = structuredClone(state)
  pinNatFailureCure(next)
  const runtime = runtimeOf(next)
  const pending = runtime.pending ?? {}
  for (const [name, value] of Object.entries(pending.features ?? {})) next.windows.features[name] = value
  if (pending.hypervisorLaunchType !== undefined) next.host.hypervisorLaunchType = pending.hypervisorLaunchType
  if (pending.winsockReset === true && next.network !== undefined) next.network.lsps = []
  delete runtime.pending
  for (const distro of next.wsl.distros) distro.running = false
  // Group Policy Preferences write their registry values again at start-up, undoing a fix of them.
  const preferred = next.groupPolicy?.registryPreferences?.ipv6DisabledComponents
  if (preferred !== undefined) next.host.ipv6DisabledComponents = preferred

  let vmpReinstalled = false
  if (next.windows.features['VirtualMachinePlatform'] === 'Enabled') {
    vmpReinstalled = runtime.vmpOffAtBoot === true
    delete runtime.vmpOffAtBoot
  } else if (next.windows.features['VirtualMachinePlatform'] === 'Disabled') {
    runtime.vmpOffAtBoot = true
  }
  const cure = next.host.natFailureCuredBy
  const cured =
    cure === 'reboot' ||
    cure === 'delete-wsl-hns-network' ||
    (cure === 'toggle-vmp' && vmpReinstalled) ||
    (cure === 'vmware-cleanup' && !hasVmwareLeftovers(next))
  if (next.host.natNetworkFailure !== null && cured) next.host.natNetworkFailure = null

  runtime.bootCount = bootCountOf(state) + 1
  const previous = Date.parse(lastBootUpTimeOf(state))
  runtime.lastBootUpTime = new Date(Math.max(context.now.getTime(), previous + 60_000)).toISOString()
  return next
}

/** Restarts so far (runtime.bootCount, default 1). */
export function bootCountOf(state: Scenario): number {
  return state.runtime?.bootCount ?? 1
}

/** `Win32_OperatingSystem.LastBootUpTime` of the simulated PC (ISO, UTC). */
export function lastBootUpTimeOf(state: Scenario): string {
  return state.runtime?.lastBootUpTime ?? DEFAULT_LAST_BOOT
}

/**
 * Which fix ends the scenario's NAT creation failure (NAT_FAILURE_CURES in scenario-machine.ts), or
 * null when there is none: the scenario's `natFailureCuredBy`, else by code (docs/knowledge/error-codes.md#hresult-table, docs/knowledge/fixes.md#delete-wsl-hns-network, docs/knowledge/host-causes.md#vmware-leftovers).
 */
export function natFailureCure(state: Scenario): NatFailureCure | null {
  const code = state.host.natNetworkFailure?.toLowerCase()
  if (code === undefined) return null
  if (state.host.natFailureCuredBy !== undefined) return state.host.natFailureCuredBy
  if (STALE_NETWORK_CODES.includes(code)) return 'delete-wsl-hns-network'
  if (code === '0x80041002') return hasVmwareLeftovers(state) ? 'vmware-cleanup' : 'toggle-vmp'
  return 'reboot'
}

/**
 * Fixes the cure at the first change: a default that depends on the state (VMware leftovers)
 * must not move when a fix changes that state.
 */
function pinNatFailureCure(state: Scenario): void {
  const cure = natFailureCure(state)
  if (cure !== null) state.host.natFailureCuredBy = cure
}

function hasVmwareLeftovers(state: Scenario): boolean {
  return state.network?.vmwareClsidPresent === true || state.network?.vmwareBridgeBound === true
}

function runtimeOf(state: Scenario): ScenarioRuntime {
  state.runtime ??= {}
  return state.runtime
}

function stampOf(context: FixContext): string {
  const iso = context.now.toISOString()
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`
}

/** A backup name not taken yet: `<path>.wnd-backup-<stamp>`, then `-1`, `-2`… as the scripts do. */
function backupPath(state: Scenario, path: string, context: FixContext): string {
  const taken = new Set((runtimeOf(state).files ?? []).map((f) => f.path.toLowerCase()))
  const base = `${path}.wnd-backup-${stampOf(context)}`
  let candidate = base
  for (let suffix = 1; taken.has(candidate.toLowerCase()); suffix++) candidate = `${base}-${suffix}`
  return candidate
}

/** Records a file a fix created; refuses an existing path, as the scripts never overwrite. */
function createFile(state: Scenario, path: string, base64: string | null): void {
  const files = (runtimeOf(state).files ??= [])
  if (files.some((f) => f.path.toLowerCase() === path.toLowerCase())) throw new FixFailure(`${path} already exists; refused to overwrite it.`)
  files.push({ path, base64 })
}

function result(changed: boolean, rebootRequired: boolean, undo: UndoRecord | null, detail: string): StepResult {
  return { changed, rebootRequired, undo, detail }
}

/** The `.wslconfig` as the scenario stores it, from the bytes a fix wrote (docs/knowledge/wslconfig.md encodings). */
function wslconfigFromBytes(bytes: Buffer): NonNullable<Scenario['wslconfig']> {
  let encoding: NonNullable<Scenario['wslconfig']>['encoding'] = 'utf8'
  let text: string
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf8-bom'
    text = bytes.subarray(3).toString('utf8')
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf16le-bom'
    text = bytes.subarray(2).toString('utf16le')
  } else if (looksUtf16le(bytes)) {
    // WSL reads a BOM-less UTF-16LE .wslconfig too (docs/knowledge/wslconfig.md); the scripts write such bytes unchanged.
    encoding = 'utf16le'
    text = bytes.toString('utf16le')
  } else {
    text = bytes.toString('utf8')
  }
  return { text: text.replace(/\r\n/g, '\n'), encoding, lineEnding: text.includes('\r\n') ? 'crlf' : 'lf' }
}

/** BOM-less UTF-16LE: even length and a zero high byte in most pairs (ASCII-heavy INI text). */
function looksUtf16le(bytes: Buffer): boolean {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return false
  let zeros = 0
  for (let i = 1; i < bytes.length; i += 2) if (bytes[i] === 0) zeros++
  return zeros * 2 >= bytes.length / 2
}

function currentWslconfigBase64(state: Scenario): string | null {
  return state.wslconfig === null ? null : Buffer.from(wslconfigBytes(state.wslconfig)).toString('base64')
}

function canonicalBase64(text: string): string {
  return Buffer.from(text, 'base64').toString('base64')
}

function requireWsl(state: Scenario): void {
  if (state.wsl.kind === 'absent') throw new FixFailure('C:\\Windows\\System32\\wsl.exe not found.')
}

/**
 * wsl.exe commands that talk to WSLService (SvcComm in WslClient.cpp: --list, --export,
 * --set-version, --shutdown) fail while the service is disabled, as `wsl --status` does (#9600):
 * the script reports wsl.exe's message. `--set-default-version` only writes HKCU and still works.
 */
function requireService(state: Scenario, command: string): void {
  const blocked = serviceStartFailure(state, wslLanguageFor(state.windows.uiCulture))
  if (blocked !== null) throw new FixFailure(`wsl.exe ${command} failed with exit code -1: ${blocked.join(' ')}`)
}

function requireDistro(state: Scenario, distro: string): Scenario['wsl']['distros'][number] {
  const found = state.wsl.distros.find((d) => d.name === distro)
  if (found === undefined) throw new FixFailure(`No distribution named '${distro}' is installed.`)
  return found
}

/** Where each value the remove-* scripts delete lives (fixed in each script, docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry, docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode, docs/knowledge/wsl-checks.md#mirrored-checks). */
const REGISTRY_VALUES = {
  'ipv6-disabled-components': { key: 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters', name: 'DisabledComponents' },
  'hyperv-firewall-disable': { key: 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\MpsSvc\\Parameters', name: 'HyperVFirewallDisable' },
  'port-tracker-enabled-mode': { key: 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters', name: 'PortTrackerEnabledMode' },
} as const

/** A registry value the remove-* scripts delete: read it, remove it, return the undo record (details as the scripts word them). */
function removeValue(
  state: Scenario,
  read: (s: Scenario) => number | null,
  clear: (s: Scenario) => void,
  undoValue: Extract<UndoRecord, { kind: 'restore-registry-value' }>['value'],
  rebootRequired: boolean,
): StepResult {
  const { key, name } = REGISTRY_VALUES[undoValue]
  const previous = read(state)
  if (previous === null) return result(false, false, null, `${name} is not set under ${key}.`)
  clear(state)
  return result(true, rebootRequired, { kind: 'restore-registry-value', value: undoValue, previous }, `Removed ${name} (was ${previous}) from ${key}.`)
}

const START_TYPES_SC: Readonly<Record<string, string>> = { automatic: 'auto', manual: 'demand', disabled: 'disabled' }

const EFFECTS: { readonly [Id in FixScriptId]: Effect<Id> } = {
  /** docs/knowledge/fixes.md#restore-points: a verified restore point, or a failure when System Protection is off. */
  'restore-point': (state, input, context) => {
    const runtime = runtimeOf(state)
    if (state.windows.installationType !== 'Client') throw new FixFailure('Restore points exist only on client editions of Windows.')
    if (runtime.systemProtection === false)
      throw new FixFailure('WndSystemProtectionOff: System Protection is off for C:; turn it on to create restore points.')
    const points = (runtime.restorePoints ??= [])
    const sequenceNumber = Math.max(0, ...points.map((p) => p.sequenceNumber)) + 1
    points.push({ sequenceNumber, description: input.description, creationTime: context.now.toISOString() })
    return result(true, false, null, `Restore point ${sequenceNumber} created: ${input.description}.`)
  },

  /** docs/knowledge/wslconfig.md: refuse a file changed since the scan; back up; replace the bytes; undo restores them. */
  'wslconfig-write': (state, input, context) => {
    const path = wslconfigPath(state)
    const current = currentWslconfigBase64(state)
    if (input.expectedBase64 === null && current !== null) throw new FixFailure(`${path} was created since the scan; scan again before changing it.`)
    if (input.expectedBase64 !== null) {
      if (current === null) throw new FixFailure(`${path} was deleted since the scan; scan again before changing it.`)
      if (current !== canonicalBase64(input.expectedBase64)) throw new FixFailure(`${path} changed since the scan; scan again before changing it.`)
    }
    const bytes = Buffer.from(input.contentBase64, 'base64')
    if (bytes.length > 1048576) throw new FixFailure('The new .wslconfig is larger than 1 MiB; refused.')
    if (current !== null && current === bytes.toString('base64')) return result(false, false, null, `${path} already has the wanted content.`)
    let backup: string | null = null
    if (current !== null) {
      backup = backupPath(state, path, context)
      createFile(state, backup, current)
    }
    state.wslconfig = wslconfigFromBytes(bytes)
    return result(
      true,
      false,
      { kind: 'restore-file', path, previousBase64: current, backupPath: backup, writtenBase64: bytes.toString('base64') },
      `Wrote ${bytes.length} bytes to ${path}.${backup === null ? '' : ` Backup: ${backup}.`}`,
    )
  },

  /** docs/knowledge/fixes.md#commands-privileges-and-side-effects: every distribution and the VM stop. */
  'wsl-shutdown': (state) => {
    requireWsl(state)
    requireService(state, '--shutdown')
    for (const distro of state.wsl.distros) distro.running = false
    return result(true, false, null, 'wsl.exe --shutdown: exit code 0.')
  },

  /** docs/knowledge/fixes.md#commands-privileges-and-side-effects: the current package replaces the old one (or the inbox WSL); running distros stop. */
  'wsl-update': (state, input) => {
    requireWsl(state)
    const before = state.wsl.version
    for (const distro of state.wsl.distros) distro.running = false
    const changed = state.wsl.kind !== 'store' || before !== UPDATED_WSL.version
    state.wsl.kind = 'store'
    state.wsl.version = UPDATED_WSL.version
    state.wsl.kernelVersion = UPDATED_WSL.kernelVersion
    state.wsl.wslgVersion = UPDATED_WSL.wslgVersion
    if (state.host.natNetworkFailure !== null && state.host.natFailureCuredBy === 'wsl-update') state.host.natNetworkFailure = null
    // --web-download: the script never goes through the Microsoft Store (wsl-update.ps1).
    const args = input.preRelease ? '--update --web-download --pre-release' : '--update --web-download'
    return result(changed, false, null, `wsl.exe ${args}: exit code 0; version ${before ?? 'none'} -> ${UPDATED_WSL.version}.`)
  },

  /** docs/knowledge/host-causes.md#ics-disabled, docs/knowledge/error-codes.md#triage-bot-rules: `sc.exe config <name> start= demand`; the service stays as it is until WSL starts it. */
  'service-start-type': (state, input) => {
    const service = servicesOf(state).find((s) => s.name === input.name)
    if (service === undefined || !service.exists || service.startType === null) throw new FixFailure(`Service ${input.name} is not installed (no start type).`)
    if (service.startType === input.startType) return result(false, false, null, `${input.name} already starts as ${input.startType}.`)
    const override = state.services[input.name] ?? {}
    // SharedAccess is trigger-started with the VM: without a status override it follows the VM.
    const { status, ...rest } = override
    state.services[input.name] =
      input.name === 'SharedAccess'
        ? { ...rest, startType: input.startType }
        : { ...override, startType: input.startType, status: status ?? service.status ?? 'Stopped' }
    return result(
      true,
      false,
      { kind: 'restore-service-start', name: input.name, startType: service.startType },
      `sc.exe config ${input.name} start= ${START_TYPES_SC[input.startType] ?? input.startType}: exit code 0 (was ${service.startType}).`,
    )
  },

  /** docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry: takes effect after a restart. */
  'remove-ipv6-disabled-components': (state) =>
    removeValue(
      state,
      (s) => s.host.ipv6DisabledComponents,
      (s) => (s.host.ipv6DisabledComponents = null),
      'ipv6-disabled-components',
      true,
    ),

  /** docs/knowledge/wsl-checks.md#mirrored-checks: WSL reads it at its next start. */
  'remove-hyperv-firewall-disable': (state) =>
    removeValue(
      state,
      (s) => (s.host.hyperVFirewallDisabled ? 1 : null),
      (s) => (s.host.hyperVFirewallDisabled = false),
      'hyperv-firewall-disable',
      false,
    ),

  /** docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode: only without a running FSE (the simulated FSE runs whenever it exists); restart needed. */
  'remove-port-tracker': (state) => {
    if (state.host.fseServiceExists === true) throw new FixFailure('The FSE service is running; PortTrackerEnabledMode is left alone.')
    return removeValue(
      state,
      (s) => s.host.portTrackerEnabledMode ?? null,
      (s) => (s.host.portTrackerEnabledMode = null),
      'port-tracker-enabled-mode',
      true,
    )
  },

  /**
   * docs/knowledge/fixes.md#delete-wsl-hns-network: refuses while the VM runs; deletes WSL's network if HNS has one (a working one, or a stale
   * one behind 0x803b0001/0x803b0017). The failure clears only when this is its cure: 0x80041002
   * comes back at the next start, since its network was never created.
   */
  'delete-wsl-hns-network': (state) => {
    if (state.wsl.distros.some((d) => d.running && d.version === 2)) throw new FixFailure('The WSL VM is still running; run wsl --shutdown first.')
    const code = state.host.natNetworkFailure?.toLowerCase() ?? null
    const hasWsl2 = state.wsl.kind !== 'absent' && state.wsl.distros.some((d) => d.version === 2)
    const exists = hasWsl2 && (code === null || STALE_NETWORK_CODES.includes(code))
    if (code !== null && state.host.natFailureCuredBy === 'delete-wsl-hns-network') state.host.natNetworkFailure = null
    return result(
      exists,
      false,
      null,
      exists ? "Remove-HnsNetwork: deleted WSL. HNS recreates the network at WSL's next start." : 'No WSL HNS network existed; nothing deleted.',
    )
  },

  /** docs/knowledge/fixes.md#commands-privileges-and-side-effects: DISM exit 3010 — the change waits for a restart; probes show the old state until then. */
  'set-feature': (state, input) => {
    const current = state.windows.features[input.feature] ?? 'Disabled'
    if (current === 'Absent') throw new FixFailure(`Feature ${input.feature} is not available on this Windows.`)
    const wanted = input.enable ? 'Enabled' : 'Disabled'
    const runtime = runtimeOf(state)
    const pending = runtime.pending?.features?.[input.feature]
    if ((pending ?? current) === wanted) {
      const word = input.enable ? 'enabled' : 'disabled'
      return result(
        false,
        pending !== undefined,
        null,
        pending !== undefined ? `${input.feature} will be ${word} at the next restart.` : `${input.feature} already is ${word}.`,
      )
    }
    const features = { ...(runtime.pending?.features ?? {}) }
    if (wanted === current) delete features[input.feature]
    else features[input.feature] = wanted
    runtime.pending = { ...runtime.pending, features }
    const command = input.enable
      ? `/online /enable-feature /featurename:${input.feature} /all /norestart`
      : `/online /disable-feature /featurename:${input.feature} /norestart`
    return result(true, true, null, `dism.exe ${command}: exit code 3010.`)
  },

  /** docs/knowledge/fixes.md#commands-privileges-and-side-effects, docs/knowledge/host-causes.md#virtualization-off: takes effect after a restart. */
  'hypervisor-launch-auto': (state) => {
    const runtime = runtimeOf(state)
    const current = runtime.pending?.hypervisorLaunchType ?? state.host.hypervisorLaunchType ?? 'Auto'
    if (current === 'Auto') return result(false, runtime.pending?.hypervisorLaunchType !== undefined, null, 'hypervisorlaunchtype already is Auto.')
    runtime.pending = { ...runtime.pending, hypervisorLaunchType: 'Auto' }
    return result(true, true, null, `bcdedit.exe /set hypervisorlaunchtype auto: exit code 0 (was ${current}).`)
  },

  /** docs/knowledge/host-causes.md#vmware-leftovers: CLSID exported then deleted, bridge binding disabled; the vSwitch works after a restart. */
  'vmware-cleanup': (state, _input, context) => {
    const done: string[] = []
    const network = (state.network ??= {})
    if (network.vmwareClsidPresent === true) {
      const backup = `C:\\ProgramData\\WslNetworkDoctor\\backups\\vmware-clsid-${stampOf(context)}.reg`
      createFile(state, backup, null)
      network.vmwareClsidPresent = false
      done.push(`deleted HKLM\\SOFTWARE\\Classes\\CLSID\\{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b} (backup: ${backup})`)
    }
    if (network.vmwareBridgeBound === true) {
      network.vmwareBridgeBound = false
      done.push("disabled vmware_bridge on 'Wi-Fi', 'Ethernet'")
    }
    const changed = done.length > 0
    return result(changed, changed, null, changed ? `${done.join('; ')}. Restart Windows to finish.` : 'No VMware leftovers found; nothing changed.')
  },

  /** docs/knowledge/host-causes.md#winsock-lsp: every LSP is gone after the restart. */
  'winsock-reset': (state) => {
    const runtime = runtimeOf(state)
    runtime.pending = { ...runtime.pending, winsockReset: true }
    return result(true, true, null, 'netsh.exe winsock reset: exit code 0.')
  },

  /** docs/knowledge/fixes.md#commands-privileges-and-side-effects: a backup tar in the user's profile, never overwritten. */
  'wsl-export': (state, input, context) => {
    requireWsl(state)
    requireService(state, '--list --quiet')
    requireDistro(state, input.distro)
    const target = `${state.userProfile.replace(/\\$/, '')}\\WslNetworkDoctor\\backups\\${input.distro}-${stampOf(context)}.tar`
    createFile(state, target, null)
    return result(true, false, null, `Exported ${input.distro} to ${target}.`)
  },

  /** docs/knowledge/fixes.md#commands-privileges-and-side-effects: converts the distribution (it is stopped); WSL 1 needs the WSL optional component. */
  'wsl-set-version': (state, input) => {
    requireWsl(state)
    requireService(state, '--list --verbose')
    const distro = requireDistro(state, input.distro)
    if (distro.version === input.version) return result(false, false, null, `${input.distro} already uses WSL ${input.version}.`)
    if (input.version === 1 && state.windows.features['Microsoft-Windows-Subsystem-Linux'] !== 'Enabled') {
      throw new FixFailure(`wsl.exe --set-version ${input.distro} 1 failed: WSL 1 needs the Microsoft-Windows-Subsystem-Linux optional component.`)
    }
    const previous = distro.version
    distro.version = input.version
    distro.running = false
    return result(true, false, null, `Converted ${input.distro} from WSL ${previous} to WSL ${input.version}.`)
  },

  /** docs/knowledge/fixes.md#commands-privileges-and-side-effects: only distributions installed afterwards. */
  'wsl-set-default-version': (state, input) => {
    requireWsl(state)
    if (state.wsl.defaultVersion === input.version) return result(false, false, null, `The default version already is ${input.version}.`)
    const previous = state.wsl.defaultVersion
    state.wsl.defaultVersion = input.version
    return result(true, false, null, `wsl.exe --set-default-version ${input.version}: exit code 0 (was ${previous ?? 'unset'}).`)
  },

  /** docs/knowledge/wslconfig.md: only this user's `.wslconfig`; "did not exist" renames the file aside, never deletes it. */
  'undo-restore-file': (state, input, context) => {
    const path = wslconfigPath(state)
    if (input.path.toLowerCase() !== path.toLowerCase()) throw new FixFailure(`Only ${path} can be restored; refused ${input.path}.`)
    const current = currentWslconfigBase64(state)
    // As the script: with writtenBase64, the file must still hold our bytes (or the previous ones).
    if (input.writtenBase64 != null && current !== null) {
      const previousCanonical = input.previousBase64 === null ? null : canonicalBase64(input.previousBase64)
      if (current !== canonicalBase64(input.writtenBase64) && current !== previousCanonical)
        throw new FixFailure(`${path} changed since our change; refused to overwrite it.`)
    }
    if (input.previousBase64 === null) {
      if (current === null) return result(false, false, null, `${path} does not exist, as before the change.`)
      const aside = `${path}.wnd-undone-${stampOf(context)}`
      createFile(state, aside, current)
      state.wslconfig = null
      return result(true, false, null, `${path} did not exist before the change; it was renamed to ${aside}.`)
    }
    const previous = canonicalBase64(input.previousBase64)
    if (current === previous) return result(false, false, null, `${path} already has its previous content.`)
    let backup: string | null = null
    if (current !== null) {
      backup = backupPath(state, path, context)
      createFile(state, backup, current)
    }
    state.wslconfig = wslconfigFromBytes(Buffer.from(previous, 'base64'))
    return result(
      true,
      false,
      null,
      `Restored ${Buffer.from(previous, 'base64').length} bytes to ${path}.${backup === null ? '' : ` The replaced content was kept in ${backup}.`}`,
    )
  },

  /** docs/knowledge/host-causes.md#ipv6-disabled-in-the-registry, docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode, docs/knowledge/wsl-checks.md#mirrored-checks: one of the three values back, nothing else. */
  'undo-registry-value': (state, input) => {
    switch (input.value) {
      case 'ipv6-disabled-components': {
        if (state.host.ipv6DisabledComponents === input.previous) return result(false, false, null, `DisabledComponents already is ${input.previous}.`)
        state.host.ipv6DisabledComponents = input.previous
        return result(true, true, null, `Set DisabledComponents under ${REGISTRY_VALUES['ipv6-disabled-components'].key} back to ${input.previous}.`)
      }
      case 'hyperv-firewall-disable': {
        const disabled = input.previous === 1
        if (state.host.hyperVFirewallDisabled === disabled) return result(false, false, null, `HyperVFirewallDisable already is ${input.previous}.`)
        state.host.hyperVFirewallDisabled = disabled
        return result(true, false, null, `Set HyperVFirewallDisable under ${REGISTRY_VALUES['hyperv-firewall-disable'].key} back to ${input.previous}.`)
      }
      case 'port-tracker-enabled-mode': {
        if (state.host.portTrackerEnabledMode === input.previous) return result(false, false, null, `PortTrackerEnabledMode already is ${input.previous}.`)
        state.host.portTrackerEnabledMode = input.previous
        return result(true, true, null, `Set PortTrackerEnabledMode under ${REGISTRY_VALUES['port-tracker-enabled-mode'].key} back to ${input.previous}.`)
      }
    }
  },
}
