import { diagnose } from '../../shared/diagnosis/diagnose'
import type { MachineSnapshot } from '../../shared/machine/snapshot'
import { decodeNativeOutput, WSL_EXE_REQUESTED, wslUtf8For, type NativeProducer } from '../../shared/probes/decode-native-output'
import { wslPrintedText } from '../../shared/probes/wsl-printed'
import type { FactOf } from '../../shared/probes/facts'
import { SERVICE_NAMES } from '../../shared/probes/facts/services'
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import { Scenario } from '../../shared/scenarios/scenario'
import { decodeBase64 } from '../../shared/util/base64'
import { findErrorCodes } from '../../shared/wsl-output/error-codes'
import { parseNetworkingMode } from '../../shared/wsl-output/parse-networking-mode'
import { parseWslList } from '../../shared/wsl-output/parse-wsl-list'
import { parseWslVersionOutput } from '../../shared/wsl-output/parse-wsl-version'
import { decodeWslConfig } from '../../shared/wslconfig/decode'
import { servicesOf } from './default-services'
import { STOCK_HOSTS_FILE_BYTES } from './host-networking-model'
import { natFailureOf } from './nat-failure-model'
import { hypervisorRuns } from './windows-capabilities'

type Localized = Scenario['title']

export interface SnapshotToScenarioOptions {
  /** The new scenario's id (`[a-z0-9][a-z0-9-]*`). */
  readonly id: string
  /** Title in both languages, or one text used for both; default: the Windows version and the date. */
  readonly title?: string | Localized
}

/**
 * What a generic Windows 11 24H2 client looks like, for every part of the state a snapshot does not
 * show (probe not run, or unknown). Stated once so the scenario's summary can name what was assumed.
 */
const GENERIC_WINDOWS: Scenario['windows'] = {
  currentBuild: '26100',
  ubr: 6584,
  displayVersion: '24H2',
  editionId: 'Professional',
  installationType: 'Client',
  productName: 'Windows 10 Pro',
  uiCulture: 'en-US',
  features: {
    VirtualMachinePlatform: 'Enabled',
    'Microsoft-Windows-Subsystem-Linux': 'Disabled',
    'Microsoft-Hyper-V-All': 'Disabled',
    HypervisorPlatform: 'Disabled',
  },
}
const GENERIC_WSL: Scenario['wsl'] = {
  kind: 'store',
  version: '2.6.1.0',
  kernelVersion: '6.6.87.2-1',
  wslgVersion: '1.0.66',
  defaultVersion: 2,
  distros: [{ name: 'Ubuntu', version: 2, running: false, default: true }],
}
const GENERIC_USER_PROFILE = 'C:\\Users\\user'

const PACKAGE_VERSION = /^\d+\.\d+\.\d+(\.\d+)?$/

/**
 * Snapshot → scenario, so a snapshot saved on a real PC becomes a simulated PC and a regression test.
 *
 * Every fact of the snapshot is kept as `recordedFacts`, which the simulated host answers verbatim
 * (a recorded timeout hangs, a recorded access denial is denied again…). Around it, the machine state
 * is derived from what the facts show, so fixes and the probes the snapshot lacks have a model to work
 * on: Windows identity (windows-version), WSL kind, version and distros (wsl-install), `.wslconfig`
 * bytes, lookalike files and policy (wslconfig-file), service differences (services), host registry
 * values (mirrored-readiness, host-networking, virtualization), optional features (virtualization)
 * and an HNS NAT failure code (wsl-startup, events). What no fact shows is taken from a generic Windows 11
 * 24H2 client — never guessed from other facts — and the summary lists it.
 *
 * `expectedTopFinding` is the top finding `diagnose` gives for the snapshot now (null when none is an
 * error or warning), `expectedFindings` every other finding it gives, so the scenario pins them.
 * Probe latencies, hangs and garbage are also written to `probeBehaviour`, so `snapshotOfScenario`
 * of the result gives back the snapshot's known, timed-out and bad-output facts exactly.
 */
export function snapshotToScenario(snapshot: MachineSnapshot, options: SnapshotToScenarioOptions): Scenario {
  const facts = snapshot.facts
  // Every probe without a known fact: the model's stock answer stands in for it.
  const assumed: string[] = PROBE_IDS.filter((id) => facts[id]?.status !== 'known')
  const known = <P extends ProbeId>(id: P): FactOf<P> | null => {
    const entry = facts[id]
    return entry?.status === 'known' ? (entry.data as FactOf<P>) : null
  }

  const windowsFact = known('windows-version')
  const virtualization = known('virtualization')
  const install = known('wsl-install')
  const file = known('wslconfig-file')
  const services = known('services')
  const mirrored = known('mirrored-readiness')
  const hostNetworking = known('host-networking')
  const startup = known('wsl-startup')

  const windows = windowsOf(windowsFact, virtualization, assumed)
  const config = wslconfigOf(file, assumed)
  const draft: Scenario = {
    schemaVersion: 1,
    id: options.id,
    title: { en: 'draft', 'zh-CN': 'draft' },
    summary: { en: 'draft', 'zh-CN': 'draft' },
    basedOn: [`snapshot ${snapshot.takenAt} (app ${snapshot.appVersion})`],
    windows,
    userProfile: config.userProfile,
    wsl: install === null ? structuredClone(GENERIC_WSL) : wslOf(install),
    wslconfig: config.wslconfig,
    lookalikeFiles: config.lookalikeFiles,
    policy: config.policy,
    host: hostOf(mirrored, hostNetworking, virtualization),
    expectedTopFinding: null,
    services: {},
    probeBehaviour: probeBehaviourOf(snapshot),
  }
  if (services !== null) {
    // The policy first: the start types it applies are then defaults, not overrides.
    const groupPolicy = groupPolicyOf(services)
    if (groupPolicy !== undefined) draft.groupPolicy = groupPolicy
    draft.services = serviceOverridesOf(draft, services)
  }
  // A program on UDP 53 is a cause the NAT model derives (nat-failure-model.ts): it must be in the draft first.
  const port53 = known('host-dns')?.port53
  if (port53?.available === true && port53.endpoints.length > 0) {
    draft.network = {
      hostDns: {
        port53Listeners: port53.endpoints.map((e) => ({ localAddress: e.localAddress, processId: e.owningProcess ?? 0, processName: e.processName })),
      },
    }
  }
  // Both read the services, so they come after them.
  draft.host.natNetworkFailure = natNetworkFailureOf(draft, startup, known('events'))
  if (virtualization?.hypervisorPresent === false && draft.host.firmwareVirtualization !== false && hypervisorRuns(draft)) {
    // The features would launch the hypervisor and firmware allows it, yet none runs: bcdedit says Off.
    draft.host.hypervisorLaunchType = 'Off'
  }

  const findings = diagnose(snapshot)
  const serious = findings.filter((f) => f.severity !== 'info')
  const top = serious.length === 0 ? null : (findings[0]?.id ?? null)
  // Info findings too: they are part of what the diagnosis says about this PC today.
  const others = findings.map((f) => f.id).filter((id) => id !== top)
  return Scenario.parse({
    ...draft,
    title: titleOf(options.title, snapshot, windowsFact),
    summary: summaryOf(snapshot, assumed),
    expectedTopFinding: top,
    ...(others.length > 0 ? { expectedFindings: others } : {}),
    recordedFacts: facts,
  })
}

function windowsOf(fact: FactOf<'windows-version'> | null, virtualization: FactOf<'virtualization'> | null, assumed: string[]): Scenario['windows'] {
  const features = virtualization === null ? { ...GENERIC_WINDOWS.features } : featuresOf(virtualization)
  if (fact === null) return { ...GENERIC_WINDOWS, features }
  if (!/^\d{5}$/.test(fact.currentBuild)) {
    assumed.push(`windows-version (build ${fact.currentBuild} cannot be simulated)`)
    return { ...GENERIC_WINDOWS, features }
  }
  const installationType = fact.installationType === 'Server' || fact.installationType === 'Server Core' ? fact.installationType : 'Client'
  return {
    currentBuild: fact.currentBuild,
    ubr: fact.ubr ?? 0,
    displayVersion: fact.displayVersion,
    editionId: fact.editionId ?? GENERIC_WINDOWS.editionId,
    installationType,
    productName: fact.productName ?? GENERIC_WINDOWS.productName,
    uiCulture: fact.uiCulture ?? GENERIC_WINDOWS.uiCulture,
    features,
  }
}

/** Features the probe could read; `Unknown` ones are left to the build's defaults. */
function featuresOf(fact: FactOf<'virtualization'>): Scenario['windows']['features'] {
  const features: Scenario['windows']['features'] = {}
  for (const [name, state] of Object.entries(fact.features)) if (state !== 'Unknown') features[name] = state
  return features
}

function decoded(output: { readonly stdoutBase64: string } | null, producer: NativeProducer): string | null {
  return output === null ? null : decodeNativeOutput(output.stdoutBase64, producer)
}

/**
 * WSL as installed: `absent` without wsl.exe; `store` when the MSI/Appx version exists or
 * `wsl --version` answers; otherwise `inbox`. Distros come from the registry (the full list, in its
 * order), running state from `wsl --list --verbose`; the list alone when the registry shows none.
 */
function wslOf(fact: FactOf<'wsl-install'>): Scenario['wsl'] {
  const wslExe: NativeProducer = { kind: 'wsl-exe', wslUtf8: wslUtf8For(fact) }
  const versionText = decoded(fact.versionOutput, wslExe)
  const parsed = versionText === null ? null : parseWslVersionOutput(versionText)
  const store = fact.msiVersion !== null || fact.appxVersion !== null || parsed !== null
  const kind = !fact.wslExePresent ? 'absent' : store ? 'store' : 'inbox'
  const version = [fact.msiVersion, fact.appxVersion, parsed?.wslVersion].find((v): v is string => typeof v === 'string' && PACKAGE_VERSION.test(v)) ?? null
  const listText = decoded(fact.listOutput, wslExe)
  const rows = (listText === null ? null : parseWslList(listText))?.distros ?? []
  const distros: Scenario['wsl']['distros'] =
    fact.registryDistros.length > 0
      ? fact.registryDistros.map((d) => {
          const row = rows.find((r) => r.name === d.name)
          const wsl1 = d.version === 1 || (d.version === null && d.flags !== null && (d.flags & 0x8) === 0)
          return {
            name: d.name,
            version: wsl1 ? 1 : 2,
            running: row?.running ?? false,
            default: fact.defaultDistributionId !== null ? d.id === fact.defaultDistributionId : (row?.isDefault ?? false),
          }
        })
      : rows.map((r) => ({ name: r.name, version: r.version === 1 ? 1 : 2, running: r.running, default: r.isDefault }))
  return {
    kind,
    version: kind === 'store' ? version : null,
    kernelVersion: kind === 'store' ? (parsed?.kernelVersion ?? null) : null,
    wslgVersion: kind === 'store' ? (parsed?.wslgVersion ?? null) : null,
    defaultVersion: fact.defaultVersion === 1 || fact.defaultVersion === 2 ? fact.defaultVersion : null,
    distros: kind === 'absent' ? [] : distros,
  }
}

/** `.wslconfig` text, encoding and line ends from its bytes (read as WSL reads them), plus the profile folder. */
function wslconfigOf(fact: FactOf<'wslconfig-file'> | null, assumed: string[]): Pick<Scenario, 'userProfile' | 'wslconfig' | 'lookalikeFiles' | 'policy'> {
  if (fact === null) return { userProfile: GENERIC_USER_PROFILE, wslconfig: null, lookalikeFiles: [], policy: null }
  const folder = fact.path.slice(0, Math.max(0, fact.path.lastIndexOf('\\')))
  const profile = /^[a-z]:$/i.test(folder) ? `${folder}\\` : folder
  const userProfile = /^[a-z]:\\/i.test(profile) ? `${profile[0]!.toUpperCase()}${profile.slice(1)}` : GENERIC_USER_PROFILE
  if (userProfile === GENERIC_USER_PROFILE && profile !== GENERIC_USER_PROFILE) assumed.push(`user profile (path ${fact.path})`)
  let wslconfig: Scenario['wslconfig'] = null
  if (fact.exists) {
    const bytes = fact.contentBase64 === null ? null : decodeBase64(fact.contentBase64)
    if (bytes === null) assumed.push('.wslconfig content (not in the snapshot; simulated as no file)')
    else {
      const file = decodeWslConfig(bytes)
      wslconfig = { text: file.text, encoding: file.encoding, lineEnding: file.crlf ? 'crlf' : 'lf' }
    }
  }
  return { userProfile, wslconfig, lookalikeFiles: [...fact.lookalikeFiles], policy: fact.policy === null ? null : { ...fact.policy } }
}

/** Host registry values and hardware facts; absent facts keep the stock defaults. */
function hostOf(
  mirrored: FactOf<'mirrored-readiness'> | null,
  hostNetworking: FactOf<'host-networking'> | null,
  virtualization: FactOf<'virtualization'> | null,
): Scenario['host'] {
  const host: Scenario['host'] = {
    ipv6DisabledComponents: mirrored?.ipv6DisabledComponents ?? null,
    hyperVFirewallDisabled: mirrored?.hyperVFirewallDisable === 1,
    natNetworkFailure: null,
  }
  if (mirrored?.hyperVFirewall.vmCreatorClassExists === true && mirrored.hyperVFirewall.profileCount === 0) host.hyperVFirewallBroken = true
  if (hostNetworking !== null) {
    if (hostNetworking.hostsFileBytes !== null && hostNetworking.hostsFileBytes !== STOCK_HOSTS_FILE_BYTES) host.hostsFileBytes = hostNetworking.hostsFileBytes
    if (hostNetworking.portTrackerEnabledMode !== null) host.portTrackerEnabledMode = hostNetworking.portTrackerEnabledMode
    if (hostNetworking.fseServiceExists) host.fseServiceExists = true
  }
  if (virtualization !== null) {
    // Firmware virtualization reads False under a running hypervisor, so only trust it without one.
    if (virtualization.hypervisorPresent === false && virtualization.firmwareVirtualization === false) host.firmwareVirtualization = false
    if (virtualization.hypervisorLaunchType !== null && /^off$/i.test(virtualization.hypervisorLaunchType)) host.hypervisorLaunchType = 'Off'
    if (virtualization.model !== null && /virtual machine|vmware|virtualbox|kvm|qemu/i.test(virtualization.model)) host.isVirtualMachine = true
    if (virtualization.domain?.partOfDomain === true && virtualization.domain.name !== null) host.domain = virtualization.domain.name
  }
  return host
}

/**
 * RSoP's System Services record as the scenario's `groupPolicy` (the GPO id is not kept: the
 * simulated PC names one GPO; the recording keeps the real one). Absent when read and empty, or
 * when the snapshot predates the read.
 */
function groupPolicyOf(fact: FactOf<'services'>): Scenario['groupPolicy'] {
  const policy = fact.startPolicy
  if (policy === undefined) return undefined
  if (policy.status === 'unreadable') return { rsopReadable: false, serviceStartTypes: {} }
  const serviceStartTypes: NonNullable<Scenario['groupPolicy']>['serviceStartTypes'] = {}
  for (const setting of policy.settings) {
    const name = SERVICE_NAMES.find((n) => n.toLowerCase() === setting.service.toLowerCase())
    if (name !== undefined) serviceStartTypes[name] = setting.startType
  }
  return Object.keys(serviceStartTypes).length === 0 ? undefined : { rsopReadable: true, serviceStartTypes }
}

/**
 * The per-service differences from this build's defaults that reproduce the recorded start types
 * and states (trigger and delayed start follow the defaults; the recording keeps the real values).
 */
function serviceOverridesOf(draft: Scenario, fact: FactOf<'services'>): Scenario['services'] {
  const defaults = servicesOf({ ...draft, services: {} })
  const overrides: Scenario['services'] = {}
  for (const name of SERVICE_NAMES) {
    const recorded = fact.services.find((s) => s.name === name)
    const base = defaults.find((s) => s.name === name)
    if (recorded === undefined || base === undefined) continue
    if (!recorded.exists) {
      if (base.exists) overrides[name] = { exists: false }
      continue
    }
    const override: Scenario['services'][string] = {}
    if (!base.exists) override.exists = true
    if (recorded.startType !== null && recorded.startType !== (base.startType ?? 'manual')) override.startType = recorded.startType
    if (recorded.status !== null && recorded.status !== (base.status ?? 'Stopped')) override.status = recorded.status
    if (Object.keys(override).length > 0) overrides[name] = override
  }
  return overrides
}

/**
 * The HNS code behind a failed NAT network: the one WSL printed (`…/ConfigureNetworking/HNS/0x…`),
 * or, when WSL fell back to VirtioProxy/Consomme without printing it (2.3.25+) or its start was not
 * recorded, the result code of HNS's own `HNS-Network-Create` error event (1013). Null when the rest of
 * the state already explains the failure (ICS disabled, VMP networking missing) or nothing shows one.
 */
function natNetworkFailureOf(draft: Scenario, startup: FactOf<'wsl-startup'> | null, events: FactOf<'events'> | null): string | null {
  const code = startup === null ? null : printedHnsCode(startup)
  const modeOutput = startup?.networkingModeOutput ?? null
  const mode = modeOutput === null ? null : parseNetworkingMode(decoded(modeOutput, { kind: 'linux-command' }) ?? '')
  const fellBack = mode === 'virtioproxy' || mode === 'consomme'
  const found = code ?? (startup === null || fellBack ? hnsEventCode(events) : null)
  if (found === null) return null
  const derived = natFailureOf({ ...draft, host: { ...draft.host, natNetworkFailure: null } })
  return derived?.code === found ? null : found
}

function printedHnsCode(startup: FactOf<'wsl-startup'>): string | null {
  const text = wslPrintedText(startup.startOutput, WSL_EXE_REQUESTED)
  return findErrorCodes(text).find((r) => r.hns && r.networking && NAT_CODE.test(r.code))?.code ?? null
}

function hnsEventCode(events: FactOf<'events'> | null): string | null {
  const log = events?.logs.find((l) => l.log === 'Microsoft-Windows-Host-Network-Service-Admin')
  for (const event of log?.events ?? []) {
    if (event.id !== 1013 || event.level !== 2) continue
    const code = /0x[0-9a-fA-F]{8}/.exec(event.message)?.[0]?.toLowerCase()
    if (code !== undefined && code !== '0x00000000') return code
  }
  return null
}

const NAT_CODE = /^(0x[0-9a-f]{8}|[A-Z_]+)$/

/**
 * Recorded latencies, hangs and bad output, for `snapshotOfScenario` (which reads `probeBehaviour`,
 * not the recording, for those) and for a simulated host that takes as long as the real PC did.
 */
function probeBehaviourOf(snapshot: MachineSnapshot): Scenario['probeBehaviour'] {
  const behaviour: Scenario['probeBehaviour'] = {}
  for (const id of PROBE_IDS) {
    const entry = snapshot.facts[id]
    if (entry === undefined) continue
    if (entry.status === 'unknown' && entry.reason === 'timeout') behaviour[id] = { hang: true }
    else if (entry.status === 'unknown' && entry.reason === 'bad-output') behaviour[id] = { garbage: `${entry.detail ?? 'not a result envelope'}\r\n` }
    else if (entry.status === 'known' || (entry.reason !== 'cancelled' && entry.reason !== 'no-consent')) {
      const latencyMs = Math.round(entry.durationMs)
      if (latencyMs > 0) behaviour[id] = { latencyMs }
    }
  }
  return behaviour
}

function titleOf(title: SnapshotToScenarioOptions['title'], snapshot: MachineSnapshot, windows: FactOf<'windows-version'> | null): Localized {
  if (typeof title === 'string') return { en: title, 'zh-CN': title }
  if (title !== undefined) return title
  const date = snapshot.takenAt.slice(0, 10)
  if (windows === null) return { en: `Snapshot of a Windows PC (${date})`, 'zh-CN': `Windows 电脑的快照（${date}）` }
  const version = `10.0.${windows.currentBuild}${windows.ubr === null ? '' : `.${windows.ubr}`}`
  const edition = windows.editionId === null ? '' : ` ${windows.editionId}`
  return { en: `Snapshot of Windows ${version}${edition} (${date})`, 'zh-CN': `Windows ${version}${edition} 的快照（${date}）` }
}

function summaryOf(snapshot: MachineSnapshot, assumed: readonly string[]): Localized {
  const origin = `${snapshot.source.kind} snapshot taken ${snapshot.takenAt} (app ${snapshot.appVersion})`
  const list = assumed.join(', ')
  const en =
    `Made from a ${origin}. Probes with a recorded fact answer exactly as recorded; the state is derived from those facts.` +
    (assumed.length === 0
      ? ' Every probe was recorded.'
      : ` Not shown by the snapshot (probe not run or unknown), so taken from a generic Windows 11 24H2 client: ${list}.`)
  const zh =
    `由 ${snapshot.takenAt} 拍摄的快照（来源 ${snapshot.source.kind}，应用版本 ${snapshot.appVersion}）生成。有记录的探测按记录原样回答；状态由这些事实推导。` +
    (assumed.length === 0 ? '所有探测均有记录。' : `快照未显示以下信息（探测未运行或结果未知），按一般的 Windows 11 24H2 客户端假定：${list}。`)
  return { en, 'zh-CN': zh }
}
