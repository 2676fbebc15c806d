import type { AnyFactEntry, MachineSnapshot } from '../../machine/snapshot'
import type { FactOf } from '../../probes/facts'
import { REQUIRED_EXPORTS } from '../../probes/facts/mirrored-readiness'
import type { ProbeId } from '../../probes/probe-ids'
import { encodeBase64 } from '../../util/base64'
import { encodeUtf8 } from '../../wslconfig/utf8'
import { HEALTHY_NAT, networkCheckFact } from '../../probes/network-check/network-check-text'

/**
 * Builds snapshots for rule tests: a healthy Windows 11 24H2 PC with Store WSL 2.6.1 by default,
 * each fact replaceable, removable (`null` = probe not run) or marked unknown. Test support only.
 */
type Overrides = {
  readonly [P in ProbeId]?:
    | Partial<FactOf<P>>
    | null
    | { readonly unknown: MachineSnapshot['facts'][P] extends infer E ? (E extends { status: 'unknown'; reason: infer R } ? R : never) : never }
}

export function text(value: string) {
  return { exitCode: 0, timedOut: false, stdoutBase64: encodeBase64(encodeUtf8(value)), stderrBase64: '' }
}

export function failed(stderr: string, exitCode = -1) {
  return { exitCode, timedOut: false, stdoutBase64: '', stderrBase64: encodeBase64(encodeUtf8(stderr)) }
}

const exportsAll = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, true]))

const healthy: { readonly [P in ProbeId]: FactOf<P> } = {
  'windows-version': {
    currentBuild: '26100',
    ubr: 6584,
    displayVersion: '24H2',
    editionId: 'Professional',
    installationType: 'Client',
    productName: 'Windows 10 Pro',
    uiCulture: 'en-US',
  },
  'wsl-install': {
    wslExePresent: true,
    msiVersion: '2.6.1.0',
    appxVersion: '2.6.1.0',
    versionOutput: text('WSL version: 2.6.1.0\nKernel version: 6.6.87.2-1\n'),
    listOutput: text('  NAME            STATE           VERSION\n* Ubuntu-24.04    Stopped         2\n'),
    defaultDistributionId: null,
    defaultVersion: 2,
    registryDistros: [],
  },
  'wslconfig-file': {
    path: 'C:\\Users\\alex\\.wslconfig',
    exists: false,
    sizeBytes: null,
    contentBase64: null,
    lastWriteTimeUtc: null,
    lookalikeFiles: [],
    policy: null,
  },
  services: {
    services: ['WSLService', 'hns', 'vmcompute', 'SharedAccess', 'mpssvc', 'vfpext', 'vmsmp'].map((name) => ({
      name,
      exists: true,
      startType: name === 'mpssvc' || name === 'WSLService' ? ('automatic' as const) : ('manual' as const),
      delayedAutoStart: false,
      triggerStart: false,
      status: 'Running',
    })),
  },
  'mirrored-readiness': {
    exports: {
      computeNetwork: exportsAll(REQUIRED_EXPORTS.computeNetwork),
      dnsapi: exportsAll(REQUIRED_EXPORTS.dnsapi),
      winhttp: exportsAll(REQUIRED_EXPORTS.winhttp),
    },
    exportsError: null,
    hyperVFirewall: { vmCreatorClassExists: true, profileCount: 3, error: null },
    hyperVFirewallDisable: null,
    ipv6DisabledComponents: null,
  },
  virtualization: {
    features: { VirtualMachinePlatform: 'Enabled', 'Microsoft-Windows-Subsystem-Linux': 'Disabled', 'Microsoft-Hyper-V-All': 'Disabled' },
    hypervisorPresent: true,
    firmwareVirtualization: false,
    slat: false,
    hypervisorLaunchType: null,
    model: 'XPS 13',
    manufacturer: 'Dell Inc.',
    hyperVModule: false,
    hnsModule: true,
  },
  events: { sinceDays: 7, logs: [] },
  'network-adapters': {
    adapters: [{ name: 'Wi-Fi', interfaceDescription: 'Intel(R) Wi-Fi 6E AX211 160MHz', status: 'Up', hidden: false }],
    bindings: [],
    vmwareClsidPresent: false,
    phantomAdapterCount: 0,
  },
  'proxy-settings': { winInet: { proxyEnable: 0, proxyServer: null, autoConfigUrl: null }, winHttpSettingsBase64: null },
  'winsock-catalog': { entries: [{ catalog: 'protocol64', providerPath: '%SystemRoot%\\system32\\mswsock.dll', chainLength: 1 }] },
  'installed-products': {
    keys: [
      { hive: 'machine', status: 'read' },
      { hive: 'machine32', status: 'read' },
      { hive: 'user', status: 'read' },
    ],
    programs: [],
    truncated: false,
  },
  'firewall-profiles': {
    profiles: ['Domain', 'Private', 'Public'].map((name) => ({
      name,
      enabled: true,
      defaultInboundAction: 'Block',
      allowInboundRules: true,
      allowLocalFirewallRules: true,
    })),
  },
  // Windows 11's defaults for WSL's VM creator (docs/knowledge/host-network-probes.md#hyper-v-firewall).
  'hyperv-firewall': {
    supported: true,
    setting: { enabled: true, defaultInboundAction: 'Block', defaultOutboundAction: 'Allow', loopbackEnabled: true, allowHostPolicyMerge: true },
    blockRules: [],
  },
  'host-networking': {
    hostsFileBytes: 824,
    portTrackerEnabledMode: null,
    fseServiceExists: false,
    natNetwork: null,
    natGatewayIpAddress: null,
    excludedPortRanges: [],
  },
  // No NRPT, the LAN's DNS server and default route (docs/knowledge/host-network-probes.md#host-dns).
  'host-dns': {
    nrpt: { available: true, rules: [] },
    dnsServers: { available: true, interfaces: [{ interfaceAlias: 'Wi-Fi', interfaceIndex: 13, addressFamily: 'IPv4', serverAddresses: ['192.168.0.1'] }] },
    routes: {
      available: true,
      catchAll: [
        {
          kind: 'default',
          destinationPrefix: '0.0.0.0/0',
          nextHop: '192.168.0.1',
          interfaceAlias: 'Wi-Fi',
          interfaceIndex: 13,
          routeMetric: 0,
          interfaceMetric: 45,
        },
      ],
      counts: [{ interfaceAlias: 'Wi-Fi', interfaceIndex: 13, count: 2 }],
    },
    interfaces: {
      available: true,
      adapters: [{ interfaceIndex: 13, name: 'Wi-Fi', interfaceDescription: 'Intel(R) Wi-Fi 6 AX201 160MHz', hardwareInterface: true }],
    },
  },
  'wsl-startup': {
    listBeforeStart: text('  NAME            STATE           VERSION\n* Ubuntu-24.04    Stopped         2\n'),
    startOutput: text(''),
    networkingModeOutput: text('nat\n'),
  },
  'wsl-network-check': networkCheckFact(HEALTHY_NAT),
}

export function snapshot(overrides: Overrides = {}): MachineSnapshot {
  const facts: Record<string, AnyFactEntry> = {}
  for (const [id, data] of Object.entries(healthy) as [ProbeId, object][]) {
    const override = (overrides as Record<string, unknown>)[id]
    if (override === null) continue
    if (override !== undefined && typeof override === 'object' && 'unknown' in override) {
      facts[id] = { status: 'unknown', durationMs: 0, reason: (override as { unknown: 'timeout' }).unknown }
      continue
    }
    facts[id] = { status: 'known', durationMs: 1, data: { ...data, ...override } } as AnyFactEntry
  }
  return { schemaVersion: 1, appVersion: 'test', takenAt: '2026-11-21T00:00:00.000Z', source: { kind: 'windows' }, facts }
}

/** A `.wslconfig` fact with this text (UTF-8). */
export function wslconfig(content: string, policy: Record<string, number | string> | null = null): Partial<FactOf<'wslconfig-file'>> {
  const bytes = encodeUtf8(content)
  return { exists: true, sizeBytes: bytes.length, contentBase64: encodeBase64(bytes), policy }
}

/** A services fact with one service changed (or removed with `exists: false`). */
export function withService(name: string, change: Partial<FactOf<'services'>['services'][number]>): Partial<FactOf<'services'>> {
  const services = healthy.services.services.map((s) => (s.name === name ? { ...s, ...change } : s))
  return {
    services: services.some((s) => s.name === name)
      ? services
      : [...services, { name, exists: true, startType: 'manual', delayedAutoStart: false, triggerStart: false, status: 'Running', ...change }],
  }
}
