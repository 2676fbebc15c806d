/**
 * TEST SUPPORT for the network probes (firewall-profiles, host-networking, mirrored-readiness,
 * network-adapters, proxy-settings, winsock-catalog): loads the recorded Windows answers in
 * electron/probes/scripts/__recorded__/<probe>/ and translates a shipped scenario into the Windows
 * each real script reads, so the script's fact can be compared with what the simulated PC answers.
 *
 * The translators state the PC the way Windows exposes it (cmdletization enum names, REG_DWORDs,
 * PackedCatalogItem blobs, netsh bytes in the OEM code page), so the script's own mapping is what
 * is tested. Where the simulated PC is the only source of a list (which adapters, which catalog
 * entries, which port ranges), the translator takes that list from the model; the comparison then
 * checks the script's reading of it, not the list itself.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Scenario } from '../../../shared/scenarios/scenario'
import { hostNetworking } from '../../simulated-pc/host-networking-model'
import { networkAdapters } from '../../simulated-pc/network-adapters-model'
import { enforcedFirewallProfile } from '../../simulated-pc/firewall-profiles-model'
import { winsockCatalog, SYSTEM_ROOT } from '../../simulated-pc/winsock-catalog-model'
import { encodeWinHttpSettings } from '../../simulated-pc/winhttp-settings'
import { hasAutoProxyApis, hasDnsTunnelingApis, hasHyperVFirewall, hasMirroredNetworkingApis } from '../../simulated-pc/windows-capabilities'
import { REQUIRED_EXPORTS } from '../../../shared/probes/facts/mirrored-readiness'
import {
  nativeBytes,
  nativeResult,
  type FakeCommand,
  type FakeRule,
  type FakeWindows,
  type LanguageMode,
  type PwshHarness,
  type RecordedNative,
  type ScriptRun,
} from './pwsh-harness'

const RECORDED_DIR = join(__dirname, '..', '..', 'probes', 'scripts', '__recorded__')
const SCENARIO_SOURCE = 'shared/scenarios/*.json through electron/simulated-pc (the simulated PC), stated as Windows exposes it'

/** The netsh/registry fields of one Winsock protocol entry, as `netsh winsock show catalog` prints them. */
export interface PackedCatalogEntry {
  readonly providerPath: string
  /** How ws2_32 stored the path: the ANSI code page (1252 for ASCII paths, 936 on Simplified Chinese). */
  readonly ansi?: 'ascii' | 'gbk'
  readonly chainLength: number
  readonly chainEntries?: readonly number[]
  readonly catalogEntryId?: number
  readonly serviceFlags?: number
  readonly providerId?: string
  readonly version?: number
  readonly addressFamily?: number
  readonly maxAddressLength?: number
  readonly minAddressLength?: number
  readonly socketType?: number
  readonly protocol?: number
  readonly description?: string
}

/**
 * ws2_32's PackedCatalogItem: `char LibraryPath[MAX_PATH]` then WSAPROTOCOL_INFOW (628 bytes:
 * 4 service flags, provider flags, ProviderId GUID, dwCatalogEntryId, WSAPROTOCOLCHAIN
 * {ChainLen, ChainEntries[7]}, 9 ints from iVersion to iSecurityScheme, dwMessageSize,
 * dwProviderReserved, szProtocol[256] UTF-16) = 888 bytes, little-endian.
 * https://learn.microsoft.com/windows/win32/api/winsock2/ns-winsock2-wsaprotocol_infow
 */
export function packedCatalogItem(entry: PackedCatalogEntry): Buffer {
  const blob = Buffer.alloc(888)
  nativeBytes(entry.providerPath, entry.ansi ?? 'ascii').copy(blob, 0, 0, 259)
  const info = 260
  blob.writeUInt32LE(entry.serviceFlags ?? 0x20066, info)
  guidBytes(entry.providerId ?? '{E70F1AA0-AB8B-11CF-8CA3-00805F48A192}').copy(blob, info + 20)
  blob.writeUInt32LE(entry.catalogEntryId ?? 1001, info + 36)
  blob.writeInt32LE(entry.chainLength, info + 40)
  ;(entry.chainEntries ?? []).slice(0, 7).forEach((id, i) => blob.writeUInt32LE(id, info + 44 + i * 4))
  const ints = [
    entry.version ?? 2,
    entry.addressFamily ?? 2,
    entry.maxAddressLength ?? 16,
    entry.minAddressLength ?? 16,
    entry.socketType ?? 1,
    entry.protocol ?? 6,
  ]
  ints.forEach((value, i) => blob.writeInt32LE(value, info + 72 + i * 4))
  Buffer.from((entry.description ?? '').slice(0, 255), 'utf16le').copy(blob, info + 116)
  return blob
}

function guidBytes(text: string): Buffer {
  const hex = text.replace(/[{}-]/g, '')
  const b = Buffer.from(hex, 'hex')
  // GUID layout: Data1 (LE uint32), Data2, Data3 (LE uint16), Data4 (8 bytes as written).
  return Buffer.concat([
    Buffer.from(b.subarray(0, 4)).reverse(),
    Buffer.from(b.subarray(4, 6)).reverse(),
    Buffer.from(b.subarray(6, 8)).reverse(),
    b.subarray(8),
  ])
}

/** `{"$native": RecordedNative}` → Invoke-WndNative's result; `{"$packedCatalogItem": {...}}` → `{"$bytes"}`. */
function materialize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(materialize)
  if (value === null || typeof value !== 'object') return value
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
  if (keys.length === 1 && keys[0] === '$native') return nativeResult(record.$native as RecordedNative)
  if (keys.length === 1 && keys[0] === '$packedCatalogItem') {
    return { $bytes: packedCatalogItem(record.$packedCatalogItem as PackedCatalogEntry).toString('base64') }
  }
  return Object.fromEntries(keys.map((key) => [key, materialize(record[key])]))
}

/** A recorded case: the fake Windows plus what the probe must return (`expected`, partial). */
export interface RecordedCase extends FakeWindows {
  readonly expected?: Record<string, unknown>
  /** mirrored-readiness only: the DLL exports the faked LoadLibrary/GetProcAddress find (Full mode). */
  readonly exports?: Readonly<Record<string, readonly string[]>>
}

export function loadRecorded(probe: string, name: string): RecordedCase {
  const raw: unknown = JSON.parse(readFileSync(join(RECORDED_DIR, probe, `${name}.json`), 'utf8'))
  return materialize(raw) as RecordedCase
}

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

function registryValue(path: string, name: string, value: unknown): FakeRule {
  return value === null || value === undefined ? missingValue({ Path: path, Name: name }) : { match: { Path: path, Name: name }, result: { [name]: value } }
}

const ENV = { SystemRoot: SYSTEM_ROOT, windir: SYSTEM_ROOT }
const NLS = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage'
const zh = (scenario: Scenario) => scenario.windows.uiCulture === 'zh-CN'

/** The code pages of the PC's system locale (REG_SZ, as Nls\CodePage stores them). */
function codePages(scenario: Scenario): FakeRule[] {
  return [registryValue(NLS, 'OEMCP', zh(scenario) ? '936' : '437'), registryValue(NLS, 'ACP', zh(scenario) ? '936' : '1252')]
}

// --- firewall-profiles --------------------------------------------------------------------

/**
 * MSFT_NetFirewallProfile through the cmdletization: GpoBoolean and Action enums, by name. ActiveStore
 * holds the enforced profiles, RSOP the ones a GPO configures (NotConfigured for what it leaves alone),
 * or refuses the read like a standard user may be refused.
 */
export function firewallProfilesFake(scenario: Scenario): FakeWindows {
  const gpo = (value: boolean | null | undefined) => (value === undefined || value === null ? 'NotConfigured' : value ? 'True' : 'False')
  const profiles = (['Domain', 'Private', 'Public'] as const).map((name) => {
    const p = enforcedFirewallProfile(scenario, name)
    return {
      Name: name,
      Enabled: gpo(p.enabled),
      DefaultInboundAction: p.defaultInboundAction,
      DefaultOutboundAction: 'Allow',
      AllowInboundRules: gpo(p.allowInboundRules),
      AllowLocalFirewallRules: gpo(p.allowLocalFirewallRules),
      AllowLocalIPsecRules: 'True',
      NotifyOnListen: 'True',
    }
  })
  const gp = scenario.network?.firewallGroupPolicy
  const rsop: FakeRule =
    gp?.rsopReadable === false
      ? {
          match: { PolicyStore: 'RSOP' },
          throw: { errorId: 'Windows System Error 5,Get-NetFirewallProfile', message: 'Access is denied.', category: 'PermissionDenied' },
        }
      : {
          match: { PolicyStore: 'RSOP' },
          result: (['Domain', 'Private', 'Public'] as const).flatMap((name) => {
            const p = gp?.profiles?.[name]
            if (p === undefined) return []
            return [
              {
                Name: name,
                Enabled: gpo(p.enabled),
                DefaultInboundAction: p.defaultInboundAction ?? 'NotConfigured',
                DefaultOutboundAction: 'NotConfigured',
                AllowInboundRules: gpo(p.allowInboundRules),
                AllowLocalFirewallRules: gpo(p.allowLocalFirewallRules),
                AllowLocalIPsecRules: 'NotConfigured',
              },
            ]
          }),
        }
  return {
    source: SCENARIO_SOURCE,
    env: ENV,
    commands: { 'Get-NetFirewallProfile': { rules: [{ match: { PolicyStore: 'ActiveStore' }, result: profiles }, rsop] } },
  }
}

// --- host-networking ----------------------------------------------------------------------

const LXSS = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Lxss'
const TCPIP = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters'

/** `netsh interface ipv4 show excludedportrange protocol=tcp` as netsh prints it (en-US / zh-CN). */
export function excludedPortRangeText(ranges: readonly { start: number; end: number }[], chinese: boolean): string {
  const row = (r: { start: number; end: number }) => `${String(r.start).padStart(10)}  ${String(r.end).padStart(10)}`
  const head = chinese
    ? ['', '\u534f\u8bae tcp \u7aef\u53e3\u6392\u9664\u8303\u56f4', '', '\u5f00\u59cb\u7aef\u53e3    \u7ed3\u675f\u7aef\u53e3']
    : ['', 'Protocol tcp Port Exclusion Ranges', '', 'Start Port    End Port']
  const foot = chinese ? '* - \u7ba1\u7406\u7684\u7aef\u53e3\u6392\u9664\u3002' : '* - Administered port exclusions.'
  return [...head, '----------    --------', ...ranges.map(row), '', foot, '', ''].join('\r\n')
}

export function hostNetworkingFake(scenario: Scenario): FakeWindows {
  const fact = hostNetworking(scenario)
  const hosts: FakeRule =
    fact.hostsFileBytes === null
      ? {
          match: { LiteralPath: '*hosts' },
          throw: {
            errorId: 'PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand',
            message: 'Cannot find path because it does not exist.',
            category: 'ObjectNotFound',
          },
        }
      : { match: { LiteralPath: '*hosts' }, result: { Name: 'hosts', Length: { $int64: fact.hostsFileBytes }, PSIsContainer: false } }
  const netsh =
    fact.excludedPortRanges === null
      ? { exitCode: 1, encoding: 'ascii' as const }
      : { exitCode: 0, stdout: excludedPortRangeText(fact.excludedPortRanges, zh(scenario)), encoding: zh(scenario) ? ('gbk' as const) : ('ascii' as const) }
  return {
    source: SCENARIO_SOURCE,
    env: ENV,
    commands: {
      'Get-Item': { rules: [hosts] },
      'Get-ItemProperty': {
        rules: [
          registryValue(LXSS, 'NatNetwork', fact.natNetwork),
          registryValue(LXSS, 'NatGatewayIpAddress', fact.natGatewayIpAddress),
          registryValue(TCPIP, 'PortTrackerEnabledMode', fact.portTrackerEnabledMode === null ? null : { $uint32: fact.portTrackerEnabledMode }),
          ...codePages(scenario),
        ],
      },
      'Test-Path': { rules: [{ match: { LiteralPath: '*\\Services\\FSE' }, result: fact.fseServiceExists }] },
      'Invoke-WndNative': {
        rules: [{ match: { FilePath: '*netsh.exe', _args: 'interface ipv4 show excludedportrange protocol=tcp' }, result: nativeResult(netsh) }],
      },
    },
  }
}

// --- mirrored-readiness -------------------------------------------------------------------

const DLLS = { computeNetwork: 'ComputeNetwork.dll', dnsapi: 'dnsapi.dll', winhttp: 'winhttp.dll' } as const

/**
 * Full Language Mode only: a stand-in for the script's P/Invoke type WndProbe.ExportCheckV1, defined
 * before the script so it skips its own Add-Type (kernel32 does not exist on Linux). LoadLibrary
 * answers for the DLLs listed, GetProcAddress for "dll!export" names in `Present`. Whether the real
 * signature compiles is tested separately (mirrored-readiness.pwsh.test.ts).
 */
export function exportFakes(exports: Readonly<Record<string, readonly string[]>>): string {
  const present = Object.entries(exports).flatMap(([dll, names]) => names.map((n) => `'${dll.toLowerCase()}!${n}'`))
  return [
    'if (Test-WndFullLanguage) {',
    "  if ($null -eq ('WndProbe.ExportCheckV1' -as [type])) {",
    "    Add-Type -TypeDefinition @'",
    'using System; using System.Collections.Generic;',
    'namespace WndProbe {',
    '  public static class ExportCheckV1 {',
    '    public static string[] Present = new string[0];',
    '    public static List<string> Loaded = new List<string>();',
    '    static string Leaf(string path) { int i = Math.Max(path.LastIndexOf((char)92), path.LastIndexOf((char)47)); return path.Substring(i + 1).ToLowerInvariant(); }',
    '    public static IntPtr LoadLibrary(string path) { string leaf = Leaf(path); foreach (string p in Present) { if (p.StartsWith(leaf + "!")) { Loaded.Add(leaf); return new IntPtr(Loaded.Count); } } return IntPtr.Zero; }',
    '    public static IntPtr GetProcAddress(IntPtr module, string name) { string leaf = Loaded[module.ToInt32() - 1]; return Array.IndexOf(Present, leaf + "!" + name) >= 0 ? new IntPtr(4096) : IntPtr.Zero; }',
    '    public static bool FreeLibrary(IntPtr module) { return true; }',
    '  }',
    '}',
    "'@",
    '  }',
    `  [WndProbe.ExportCheckV1]::Present = [string[]]@(${present.join(', ')})`,
    '}',
  ].join('\n')
}

/** Which exports the scenario's build has, per DLL file name. */
export function scenarioExports(scenario: Scenario): Record<string, readonly string[]> {
  const w = scenario.windows
  return {
    [DLLS.computeNetwork]: hasMirroredNetworkingApis(w) ? REQUIRED_EXPORTS.computeNetwork : [],
    [DLLS.dnsapi]: hasDnsTunnelingApis(w) ? REQUIRED_EXPORTS.dnsapi : [],
    [DLLS.winhttp]: hasAutoProxyApis(w) ? REQUIRED_EXPORTS.winhttp : [],
  }
}

const INVALID_CLASS = {
  errorId: 'HRESULT 0x80041010,Microsoft.Management.Infrastructure.CimCmdlets.GetCimInstanceCommand',
  message: 'Invalid class ',
  category: 'MetadataError',
}

export function mirroredReadinessFake(scenario: Scenario): FakeWindows {
  const { windows, host } = scenario
  const firewall = hasHyperVFirewall(windows)
  const profiles = host.hyperVFirewallBroken === true ? [] : ['Domain', 'Private', 'Public'].map((p) => ({ Profile: p, Enabled: 1 }))
  return {
    source: SCENARIO_SOURCE,
    env: ENV,
    commands: {
      // The DLL files exist on every build the scenarios use (HCN since 1809); the exports differ.
      'Test-Path': { rules: Object.values(DLLS).map((dll) => ({ match: { LiteralPath: `*${dll}`, PathType: 'Leaf' }, result: true })) },
      'Get-CimClass': {
        rules: [
          firewall
            ? { match: { ClassName: 'MSFT_NetFirewallHyperVVMCreator' }, result: { CimClassName: 'MSFT_NetFirewallHyperVVMCreator' } }
            : {
                match: { ClassName: 'MSFT_NetFirewallHyperVVMCreator' },
                throw: {
                  errorId: 'HRESULT 0x80041002,Microsoft.Management.Infrastructure.CimCmdlets.GetCimClassCommand',
                  message: 'Not found ',
                  category: 'ObjectNotFound',
                },
              },
        ],
      },
      'Get-CimInstance': {
        rules: [
          firewall
            ? { match: { ClassName: 'MSFT_NetFirewallHyperVProfile' }, result: profiles }
            : { match: { ClassName: 'MSFT_NetFirewallHyperVProfile' }, throw: INVALID_CLASS },
        ],
      },
      'Get-ItemProperty': {
        rules: [
          registryValue(
            'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\MpsSvc\\Parameters',
            'HyperVFirewallDisable',
            host.hyperVFirewallDisabled ? { $uint32: 1 } : null,
          ),
          registryValue(
            'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters',
            'DisabledComponents',
            host.ipv6DisabledComponents === null ? null : { $uint32: host.ipv6DisabledComponents },
          ),
        ],
      },
    },
  }
}

// --- network-adapters ---------------------------------------------------------------------

const VMWARE_CLSID = '*{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b}'
const NO_BINDINGS = {
  errorId: 'CmdletizationQuery_NotFound_ComponentID,Get-NetAdapterBinding',
  message:
    "No MSFT_NetAdapterBindingSettingData objects found with property 'ComponentID' equal to 'vmware_bridge'.  Verify the value of the property and retry.",
  category: 'ObjectNotFound',
}

export function networkAdaptersFake(scenario: Scenario): FakeWindows {
  const fact = networkAdapters(scenario)
  const adapters = fact.adapters.map((a, i) => ({
    Name: a.name,
    InterfaceDescription: a.interfaceDescription,
    ifIndex: { $int32: 10 + i },
    Status: a.status,
    MacAddress: '00-15-5D-00-00-01',
    Hidden: a.hidden,
    Virtual: a.hidden,
  }))
  const bindings = fact.bindings.map((b) => ({
    Name: b.adapter,
    DisplayName: b.componentId === 'vms_pp' ? 'Hyper-V Extensible Virtual Switch' : 'VMware Bridge Protocol',
    ComponentID: b.componentId,
    Enabled: b.enabled,
  }))
  const phantom = fact.phantomAdapterCount ?? 0
  const pnp = [
    ...fact.adapters.map((a) => ({ Class: 'Net', FriendlyName: a.interfaceDescription, Status: 'OK' })),
    ...Array.from({ length: phantom }, (_, i) => ({ Class: 'Net', FriendlyName: `Hyper-V Virtual Ethernet Adapter #${i + 2}`, Status: 'Unknown' })),
  ]
  return {
    source: SCENARIO_SOURCE,
    env: ENV,
    commands: {
      'Get-NetAdapter': { rules: [{ match: { IncludeHidden: true }, result: adapters }] },
      'Get-NetAdapterBinding': {
        rules: [
          bindings.length === 0
            ? { match: { ComponentID: 'vmware_bridge vms_pp' }, throw: NO_BINDINGS }
            : { match: { ComponentID: 'vmware_bridge vms_pp' }, result: bindings },
        ],
      },
      'Test-Path': { rules: [{ match: { LiteralPath: VMWARE_CLSID }, result: fact.vmwareClsidPresent }] },
      'Get-Command': { rules: [{ match: { Name: 'Get-PnpDevice' }, result: { Name: 'Get-PnpDevice', CommandType: 'Function', Source: 'PnpDevice' } }] },
      'Get-PnpDevice': { rules: [{ match: { Class: 'Net' }, result: pnp }] },
    },
  }
}

// --- proxy-settings -----------------------------------------------------------------------

const INET = 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings'
const CONNECTIONS = 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\Connections'

export function proxySettingsFake(scenario: Scenario): FakeWindows {
  const winInet = scenario.network?.winInetProxy
  const winHttp = scenario.network?.winHttpProxy ?? null
  const blob = Buffer.from(encodeWinHttpSettings(winHttp, winHttp === null ? 0 : 1))
  return {
    source: SCENARIO_SOURCE,
    env: ENV,
    commands: {
      'Get-ItemProperty': {
        rules: [
          registryValue(INET, 'ProxyEnable', { $uint32: winInet?.enable ?? 0 }),
          registryValue(INET, 'ProxyServer', winInet?.server ?? null),
          registryValue(INET, 'AutoConfigURL', winInet?.autoConfigUrl ?? null),
          registryValue(CONNECTIONS, 'WinHttpSettings', { $bytes: blob.toString('base64') }),
        ],
      },
    },
  }
}

// --- winsock-catalog ----------------------------------------------------------------------

const WINSOCK = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\WinSock2\\Parameters'
export const CATALOG_KEYS = {
  protocol64: `${WINSOCK}\\Protocol_Catalog9\\Catalog_Entries64`,
  protocol32: `${WINSOCK}\\Protocol_Catalog9\\Catalog_Entries`,
  namespace64: `${WINSOCK}\\NameSpace_Catalog5\\Catalog_Entries64`,
  namespace32: `${WINSOCK}\\NameSpace_Catalog5\\Catalog_Entries`,
} as const
export type CatalogName = keyof typeof CATALOG_KEYS

/** One catalog entry as the registry holds it: a packed protocol item, or a namespace LibraryPath. */
export type CatalogValue = { readonly packed: PackedCatalogEntry } | { readonly libraryPath: string }

/** The Get-ChildItem / Get-ItemProperty / Test-Path rules of a registry catalog (keys 000000000001…). */
export function winsockRegistry(catalogs: Partial<Record<CatalogName, readonly CatalogValue[]>>): Record<string, FakeCommand> {
  const testPath: FakeRule[] = []
  const children: FakeRule[] = []
  const items: FakeRule[] = []
  for (const name of Object.keys(CATALOG_KEYS) as CatalogName[]) {
    const key = CATALOG_KEYS[name]
    const values = catalogs[name]
    testPath.push({ match: { LiteralPath: key }, result: values !== undefined })
    if (values === undefined) continue
    const kids = values.map((_, i) => {
      const child = String(i + 1).padStart(12, '0')
      return { PSChildName: child, PSPath: `Microsoft.PowerShell.Core\\Registry::${key.replace('HKLM:', 'HKEY_LOCAL_MACHINE')}\\${child}` }
    })
    children.push({ match: { LiteralPath: key }, result: kids })
    values.forEach((value, i) => {
      const result =
        'packed' in value ? { PackedCatalogItem: { $bytes: packedCatalogItem(value.packed).toString('base64') } } : { LibraryPath: value.libraryPath }
      items.push({ match: { LiteralPath: kids[i]!.PSPath }, result })
    })
  }
  return { 'Test-Path': { rules: testPath }, 'Get-ChildItem': { rules: children }, 'Get-ItemProperty': { rules: items } }
}

/** The path as the catalog stores it: the model's expanded C:\Windows back to %SystemRoot%. */
const stored = (path: string) => (path.toLowerCase().startsWith(`${SYSTEM_ROOT.toLowerCase()}\\`) ? `%SystemRoot%${path.slice(SYSTEM_ROOT.length)}` : path)

export function winsockCatalogFake(scenario: Scenario): FakeWindows {
  const catalogs: Partial<Record<CatalogName, CatalogValue[]>> = {}
  for (const entry of winsockCatalog(scenario).entries) {
    const list = (catalogs[entry.catalog] ??= [])
    // Namespace LibraryPath is REG_EXPAND_SZ: Get-ItemProperty hands it over expanded.
    list.push(
      entry.chainLength === null
        ? { libraryPath: entry.providerPath }
        : { packed: { providerPath: stored(entry.providerPath), chainLength: entry.chainLength } },
    )
  }
  const registry = winsockRegistry(catalogs)
  return {
    source: SCENARIO_SOURCE,
    env: ENV,
    commands: { ...registry, 'Get-ItemProperty': { rules: [...(registry['Get-ItemProperty']?.rules ?? []), ...codePages(scenario)] } },
  }
}

/** The probes whose fakes live here. */
export type NetworkProbeId = 'firewall-profiles' | 'host-networking' | 'mirrored-readiness' | 'network-adapters' | 'proxy-settings' | 'winsock-catalog'

/**
 * PowerShell 7 on Linux has no C: drive, and Join-Path refuses a path on a missing drive, so the
 * scripts' `Join-Path $env:SystemRoot ...` needs one: a global FileSystem drive C: (never read, the
 * file cmdlets that would touch it are faked).
 */
export const C_DRIVE =
  "if ($null -eq (Get-PSDrive -Name 'C' -ErrorAction SilentlyContinue)) { $null = New-PSDrive -Name 'C' -PSProvider FileSystem -Root '/' -Scope Global }"

/** Runs one of this area's probes like `harness.runProbe`, with the C: drive and optional more fakes. */
export function runNetworkProbe(harness: PwshHarness, probeId: NetworkProbeId, fake: FakeWindows, mode: LanguageMode, extraFakes = ''): Promise<ScriptRun> {
  return harness.run({ id: probeId, body: harness.catalog.probe(probeId), fake, mode, extraFakes: `${C_DRIVE}\n${extraFakes}` })
}
