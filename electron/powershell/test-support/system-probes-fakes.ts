/**
 * TEST SUPPORT for the system probes (windows-version, wsl-install, wsl-startup, wslconfig-file,
 * services, virtualization, events): loads the recorded Windows answers in
 * electron/probes/scripts/__recorded__/ and translates a shipped scenario into the Windows the real
 * script reads, so the script's fact can be compared with what the simulated PC answers.
 *
 * The translators state the scenario's PC the way Windows exposes it (registry DWORDs, CIM
 * properties, Get-WinEvent records), not as the fact: the script's own mapping is what is tested.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FACT_SCHEMAS, type FactOf } from '../../../shared/probes/facts'
import type { NativeOutput } from '../../../shared/probes/facts/native-output'
import type { Scenario } from '../../../shared/scenarios/scenario'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { nativeResult, type FakeCommand, type FakeRule, type FakeWindows, type RecordedNative, type ScriptRun } from './pwsh-harness'

const RECORDED_DIR = join(__dirname, '..', '..', 'probes', 'scripts', '__recorded__')

/** `{"$native": RecordedNative}` in a fixture becomes the bytes Invoke-WndNative returns. */
function materialize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(materialize)
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  if (keys.length === 1 && keys[0] === '$native') return nativeResult(record.$native as RecordedNative)
  return Object.fromEntries(keys.map((key) => [key, materialize(record[key])]))
}

/** A recorded case: the fake Windows plus what the probe must return (`expected`, partial). */
export interface RecordedCase extends FakeWindows {
  readonly expected?: Record<string, unknown>
}

export function loadRecorded(probe: string, name: string): RecordedCase {
  const raw: unknown = JSON.parse(readFileSync(join(RECORDED_DIR, probe, `${name}.json`), 'utf8'))
  return materialize(raw) as RecordedCase
}

/** A FakeWindows with more commands (later ones win), for per-test variations of a recorded case. */
export function withCommands(base: FakeWindows, commands: Record<string, FakeCommand>, env?: Record<string, string>): FakeWindows {
  return { source: base.source, env: { ...(base.env ?? {}), ...(env ?? {}) }, commands: { ...base.commands, ...commands } }
}

const SCENARIO_SOURCE = 'shared/scenarios/*.json through electron/simulated-pc (the simulated PC), stated as Windows exposes it'
const CURRENT_VERSION = 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'

/** Registry value absent: what Get-ItemProperty -Name raises (PSArgumentException). */
export function missingValue(match: Record<string, string>): FakeRule {
  return {
    match,
    throw: {
      errorId: 'System.Management.Automation.PSArgumentException',
      message: `Property ${match.Name ?? ''} does not exist at path ${match.Path ?? match.LiteralPath ?? ''}.`,
      category: 'InvalidArgument',
    },
  }
}

export function windowsVersionFake(scenario: Scenario): FakeWindows {
  const w = scenario.windows
  return {
    source: SCENARIO_SOURCE,
    commands: {
      'Get-ItemProperty': {
        rules: [
          {
            match: { Path: CURRENT_VERSION },
            result: {
              CurrentBuild: w.currentBuild,
              CurrentBuildNumber: w.currentBuild,
              UBR: { $int32: w.ubr },
              ...(w.displayVersion === null ? {} : { DisplayVersion: w.displayVersion }),
              EditionID: w.editionId,
              InstallationType: w.installationType,
              ProductName: w.productName,
              PSPath: `Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion`,
            },
          },
        ],
      },
      'Get-UICulture': { rules: [{ result: { Name: w.uiCulture, LCID: { $int32: w.uiCulture === 'zh-CN' ? 2052 : 1033 } } }] },
    },
  }
}

/** Invoke-WndNative's answer for bytes the simulated PC produced. */
function nativeRule(args: string, output: NativeOutput): FakeRule {
  return { match: { FilePath: '*\\wsl.exe', _args: args }, result: { ...output } }
}

const LXSS_HKCU = 'HKCU:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss'

/**
 * wsl-install: wsl.exe's bytes are the simulated PC's (wsl-cli-model.ts, another area: the script
 * passes them through untouched, which is what is compared); the registry and Appx package are
 * stated as WSL writes them (DistributionRegistration.h: DistributionName REG_SZ, Version/Flags/State
 * REG_DWORD; msipackage/package.wix.in: Lxss\MSI Version REG_SZ).
 */
export function wslInstallFake(scenario: Scenario): FakeWindows {
  const fact = probeResponse('wsl-install', scenario) as FactOf<'wsl-install'>
  const getItemProperty: FakeRule[] = []
  if (fact.msiVersion !== null) {
    getItemProperty.push({
      match: { Path: 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss\\MSI', Name: 'Version' },
      result: { Version: fact.msiVersion },
    })
  }
  if (fact.defaultDistributionId !== null) {
    getItemProperty.push({ match: { Path: LXSS_HKCU, Name: 'DefaultDistribution' }, result: { DefaultDistribution: fact.defaultDistributionId } })
  }
  if (fact.defaultVersion !== null) {
    getItemProperty.push({ match: { Path: LXSS_HKCU, Name: 'DefaultVersion' }, result: { DefaultVersion: { $int32: fact.defaultVersion } } })
  }
  const children = fact.registryDistros.map((d) => ({
    PSChildName: d.id,
    PSPath: `Microsoft.PowerShell.Core\\Registry::HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss\\${d.id}`,
  }))
  for (const [index, d] of fact.registryDistros.entries()) {
    getItemProperty.push({
      match: { LiteralPath: children[index]?.PSPath ?? '' },
      result: {
        DistributionName: d.name,
        ...(d.version === null ? {} : { Version: { $int32: d.version } }),
        ...(d.flags === null ? {} : { Flags: { $int32: d.flags } }),
        ...(d.state === null ? {} : { State: { $int32: d.state } }),
        BasePath: `C:\\Users\\user\\AppData\\Local\\Packages\\${d.name}`,
      },
    })
  }
  getItemProperty.push(missingValue({ Name: '*' }))
  const invoke: FakeRule[] = []
  if (fact.versionOutput !== null) invoke.push(nativeRule('--version', fact.versionOutput))
  if (fact.listOutput !== null) invoke.push(nativeRule('--list --verbose', fact.listOutput))
  return {
    source: SCENARIO_SOURCE,
    env: { SystemRoot: 'C:\\Windows' },
    commands: {
      'Test-Path': {
        rules: [
          { match: { LiteralPath: 'C:\\Windows\\System32\\wsl.exe' }, result: fact.wslExePresent },
          { match: { LiteralPath: LXSS_HKCU }, result: fact.registryDistros.length > 0 || fact.defaultVersion !== null },
        ],
      },
      'Get-AppxPackage': {
        rules: [
          {
            match: { Name: 'MicrosoftCorporationII.WindowsSubsystemForLinux' },
            result: fact.appxVersion === null ? [] : { Name: 'MicrosoftCorporationII.WindowsSubsystemForLinux', Version: fact.appxVersion },
          },
        ],
      },
      'Get-ChildItem': { rules: [{ match: { LiteralPath: LXSS_HKCU }, result: children }] },
      'Get-ItemProperty': { rules: getItemProperty },
      'Invoke-WndNative': { rules: invoke },
    },
  }
}

/** wsl-startup: the three wsl.exe runs, bytes from the simulated PC (see wslInstallFake). */
export function wslStartupFake(scenario: Scenario): FakeWindows {
  const fact = probeResponse('wsl-startup', scenario) as FactOf<'wsl-startup'>
  const rules = [nativeRule('--list --verbose', fact.listBeforeStart), nativeRule('--exec true', fact.startOutput)]
  if (fact.networkingModeOutput !== null) rules.push(nativeRule('--exec wslinfo --networking-mode', fact.networkingModeOutput))
  return { source: SCENARIO_SOURCE, env: { SystemRoot: 'C:\\Windows' }, commands: { 'Invoke-WndNative': { rules } } }
}

const START_DWORD = { boot: 0, system: 1, automatic: 2, manual: 3, disabled: 4 } as const
/** Kernel drivers among the probed names: Get-Service does not list them, Win32_SystemDriver does. */
const DRIVERS = new Set(['vfpext', 'vmsmp'])

/** services: each service as its registry key, TriggerInfo subkey and Get-Service / driver state. */
export function servicesFake(scenario: Scenario): FakeWindows {
  const fact = probeResponse('services', scenario) as FactOf<'services'>
  const testPath: FakeRule[] = []
  const props: FakeRule[] = []
  const getService: FakeRule[] = []
  const drivers: FakeRule[] = []
  for (const s of fact.services) {
    const key = `HKLM:\\SYSTEM\\CurrentControlSet\\Services\\${s.name}`
    testPath.push({ match: { LiteralPath: key }, result: s.exists })
    if (!s.exists) continue
    testPath.push({ match: { LiteralPath: `${key}\\TriggerInfo` }, result: s.triggerStart })
    props.push({
      match: { LiteralPath: key },
      result: {
        ...(s.startType === null ? {} : { Start: { $int32: START_DWORD[s.startType] } }),
        ...(s.delayedAutoStart ? { DelayedAutostart: { $int32: 1 } } : {}),
        Type: { $int32: DRIVERS.has(s.name) ? 1 : 32 },
      },
    })
    if (DRIVERS.has(s.name)) {
      drivers.push({ match: { ClassName: 'Win32_SystemDriver', Filter: `Name='${s.name}'` }, result: { Name: s.name, State: s.status, StartMode: 'Manual' } })
    } else {
      getService.push({ match: { Name: s.name }, result: { Name: s.name, ServiceName: s.name, Status: s.status, DisplayName: s.name } })
    }
  }
  getService.push({
    match: { Name: '*' },
    throw: {
      errorId: 'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand',
      message: 'Cannot find any service with service name.',
      category: 'ObjectNotFound',
    },
  })
  drivers.push(rsopRule(fact.startPolicy))
  return {
    source: SCENARIO_SOURCE,
    commands: {
      'Test-Path': { rules: testPath },
      'Get-ItemProperty': { rules: props },
      'Get-Service': { rules: getService },
      'Get-CimInstance': { rules: drivers },
    },
  }
}

const POLICY_START_MODE = { automatic: 2, manual: 3, disabled: 4 } as const

/**
 * RSoP's System Services record as WMI returns it (RSOP_SystemService: StartupMode uint32, winning
 * precedence 1, GPOID; the name in capitals as GPO editors write it), or WMI's refusal
 * (WBEM_E_ACCESS_DENIED, as electron/probes/scripts/__recorded__/services/disabled-delayed.json).
 */
function rsopRule(policy: FactOf<'services'>['startPolicy']): FakeRule {
  const match = { Namespace: 'root/rsop/computer', ClassName: 'RSOP_SystemService' }
  if (policy === undefined || policy.status === 'unreadable') {
    return {
      match,
      throw: {
        errorId: 'HRESULT 0x80041003,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand',
        message: 'Access denied ',
        category: 'PermissionDenied',
      },
    }
  }
  return {
    match,
    result: policy.settings.map((s) => ({
      Service: s.service.toUpperCase(),
      StartupMode: { $uint32: POLICY_START_MODE[s.startType] },
      precedence: { $uint32: 1 },
      GPOID: s.gpoId ?? '',
    })),
  }
}

const INSTALL_STATE = { Enabled: 1, Disabled: 2, Absent: 3, Unknown: 4 } as const

/**
 * virtualization: Win32_OptionalFeature (one instance per feature the query returns; an Absent
 * feature is left out, as DISM does for a name this edition lacks), Win32_ComputerSystem,
 * Win32_Processor, bcdedit unelevated (access denied: scans run unelevated) and the modules.
 */
export function virtualizationFake(scenario: Scenario): FakeWindows {
  const fact = probeResponse('virtualization', scenario) as FactOf<'virtualization'>
  const features = Object.entries(fact.features)
    .filter(([, state]) => state !== 'Absent')
    .map(([name, state]) => ({ Name: name, InstallState: { $uint32: INSTALL_STATE[state] }, Caption: name }))
  return {
    source: [SCENARIO_SOURCE, 'bcdedit unelevated: hakuna-m/wubiuefi#261 (exit 1, "The boot configuration data store could not be opened.")'],
    env: { SystemRoot: 'C:\\Windows' },
    commands: {
      'Get-CimInstance': {
        rules: [
          { match: { ClassName: 'Win32_OptionalFeature' }, result: features },
          {
            match: { ClassName: 'Win32_ComputerSystem' },
            // A workgroup PC's Domain is the workgroup's name (Win32_ComputerSystem docs).
            result: {
              HypervisorPresent: fact.hypervisorPresent,
              Model: fact.model,
              Manufacturer: fact.manufacturer,
              PartOfDomain: fact.domain?.partOfDomain ?? false,
              Domain: fact.domain?.name ?? 'WORKGROUP',
            },
          },
          {
            match: { ClassName: 'Win32_Processor' },
            result: { VirtualizationFirmwareEnabled: fact.firmwareVirtualization, SecondLevelAddressTranslationExtensions: fact.slat },
          },
        ],
      },
      'Test-Path': { rules: [{ match: { LiteralPath: 'C:\\Windows\\System32\\bcdedit.exe' }, result: true }] },
      'Invoke-WndNative': {
        rules: [
          {
            match: { FilePath: '*\\bcdedit.exe' },
            result: nativeResult({ exitCode: 1, stderr: 'The boot configuration data store could not be opened.\r\nAccess is denied.\r\n', encoding: 'ascii' }),
          },
        ],
      },
      'Get-Command': { rules: [{ match: { Name: 'New-VMSwitch' }, result: fact.hyperVModule ? { Name: 'New-VMSwitch', Source: 'Hyper-V' } : [] }] },
      'Get-Module': { rules: [{ match: { Name: 'HostNetworkingService' }, result: fact.hnsModule ? { Name: 'HostNetworkingService' } : [] }] },
    },
  }
}

/**
 * events: each log as Get-WinEvent shows it. A missing channel fails -ListLog with
 * NoMatchingLogsFound; an empty query fails with NoMatchingEventsFound (microsoft/CSS-Exchange#47).
 * WSL's own events carry their text only as event data (no message file, ServiceMain.cpp), so they
 * are given with Message null and the text in Properties; other providers have their message.
 */
export function eventsFake(scenario: Scenario): FakeWindows {
  const fact = probeResponse('events', scenario) as FactOf<'events'>
  const rules: FakeRule[] = []
  for (const log of fact.logs) {
    if (!log.available) {
      rules.push({ match: { ListLog: log.log }, throw: noMatchingLogs(log.log) })
      continue
    }
    rules.push({ match: { ListLog: log.log }, result: { LogName: log.log, RecordCount: { $int64: 1000 } } })
    if (log.events.length === 0) {
      rules.push({ match: { LogName: log.log }, throw: NO_EVENTS })
      continue
    }
    rules.push({
      match: { LogName: log.log },
      result: log.events.map((e) => ({
        ProviderName: e.provider,
        Id: { $int32: e.id },
        Level: e.level,
        TimeCreated: { $datetime: e.timeCreated },
        Message: e.provider === 'WSL' ? null : e.message,
        Properties: e.provider === 'WSL' ? [{ Value: e.message }] : [],
      })),
    })
  }
  return { source: [SCENARIO_SOURCE, 'https://github.com/microsoft/CSS-Exchange/issues/47'], commands: { 'Get-WinEvent': { rules } } }
}

export const NO_EVENTS = {
  errorId: 'NoMatchingEventsFound,Microsoft.PowerShell.Commands.GetWinEventCommand',
  message: 'No events were found that match the specified selection criteria.',
  category: 'ObjectNotFound',
} as const

export function noMatchingLogs(log: string): { errorId: string; message: string; category: string } {
  return {
    errorId: 'NoMatchingLogsFound,Microsoft.PowerShell.Commands.GetWinEventCommand',
    message: `There is not an event log on the localhost computer that matches "${log}".`,
    category: 'ObjectNotFound',
  }
}

/**
 * The probe's data, checked with the app's own schema (FACT_SCHEMAS); throws with the script's
 * output when the run did not return a valid fact, so a failure shows what PowerShell said.
 */
export function factOf<P extends keyof typeof FACT_SCHEMAS>(probe: P, run: ScriptRun): FactOf<P> {
  if (run.reading.kind !== 'data') {
    throw new Error(`${probe}: no data: ${JSON.stringify(run.reading)}\nstderr: ${run.stderr.slice(0, 2000)}`)
  }
  const parsed = FACT_SCHEMAS[probe].safeParse(run.reading.data)
  if (!parsed.success) throw new Error(`${probe}: fact does not match its schema: ${JSON.stringify(parsed.error.issues)}\n${JSON.stringify(run.reading.data)}`)
  return parsed.data as FactOf<P>
}
