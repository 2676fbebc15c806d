/**
 * The `.wslconfig` key table, ported from the `keys` vector of `wsl::core::Config::ParseConfigFile`
 * (src/windows/common/WslCoreConfig.cpp) with names from `ConfigSetting` and defaults and enum maps
 * from src/windows/common/WslCoreConfig.h. Order matters: WSL matches the first entry whose name fits,
 * and the harness that produced the reference samples lists `values` in this order.
 */

/** How WSL parses and renders one key (the `ConfigKey::ParseImpl` overload it uses). */
export type WslKeyType =
  | { kind: 'bool' }
  | { kind: 'int' }
  | { kind: 'memory' }
  | { kind: 'enum'; values: readonly WslEnumEntry[] }
  | { kind: 'string' }
  | { kind: 'path' }
  | { kind: 'mac' }
  | { kind: 'ip' }
  | { kind: 'ignoredPorts' }

/** One entry of a `std::map<std::string, TEnum, CaseInsensitiveCompare>`, in map (sorted) order. */
export interface WslEnumEntry {
  name: string
  value: number
}

/** One `ConfigKey`: every name it answers to (the first is canonical), its type and WSL's default. */
export interface WslKeyDef {
  names: readonly string[]
  type: WslKeyType
  /** WSL's default as `GetValue()` would render it, when it does not depend on the machine. */
  default?: string
  /** Free text when the default depends on the machine or is computed later. */
  defaultNote?: string
}

/**
 * `wsl::core::NetworkingModes`, sorted the way `std::map` with `_stricmp` sorts it. `Consomme` and
 * `VirtioProxy` share one value, so `GetEnumString` renders both as `Consomme` (first match).
 */
export const NETWORKING_MODES: readonly WslEnumEntry[] = [
  { name: 'Bridged', value: 2 },
  { name: 'Consomme', value: 4 },
  { name: 'Mirrored', value: 3 },
  { name: 'Nat', value: 1 },
  { name: 'None', value: 0 },
  { name: 'VirtioProxy', value: 4 },
]

/** `wsl::core::MemoryReclaimModes`, in map order. */
export const MEMORY_RECLAIM_MODES: readonly WslEnumEntry[] = [
  { name: 'Disabled', value: 0 },
  { name: 'DropCache', value: 2 },
  { name: 'Gradual', value: 1 },
]

const bool = { kind: 'bool' } as const
const int = { kind: 'int' } as const
const memory = { kind: 'memory' } as const
const str = { kind: 'string' } as const
const path = { kind: 'path' } as const

/** Every key WSL's service reads from `.wslconfig`, in the order of the C++ `keys` vector. */
export const WSL_KEYS: readonly WslKeyDef[] = [
  { names: ['wsl2.kernel'], type: path, default: '' },
  { names: ['wsl2.kernelCommandLine'], type: str, default: '' },
  { names: ['wsl2.kernelModules'], type: path, default: '' },
  { names: ['wsl2.memory'], type: memory, defaultNote: '50% of host memory' },
  { names: ['wsl2.processors'], type: int, defaultNote: 'all logical processors' },
  { names: ['wsl2.debugConsole'], type: bool, default: 'false' },
  { names: ['wsl2.earlyBootLogging'], type: bool, default: 'false' },
  { names: ['wsl2.swap'], type: memory, defaultNote: '25% of memory, rounded up to whole GB' },
  { names: ['wsl2.swapFile'], type: path, default: '' },
  { names: ['wsl2.localhostForwarding'], type: bool, default: 'true' },
  { names: ['wsl2.nestedVirtualization'], type: bool, defaultNote: 'true on Windows 11 x64, else false' },
  { names: ['wsl2.virtio9p'], type: bool, default: 'false' },
  { names: ['wsl2.virtiofs'], type: bool, default: 'false' },
  { names: ['wsl2.kernelDebugPort'], type: int, default: '0' },
  { names: ['wsl2.gpuSupport'], type: bool, default: 'true' },
  { names: ['wsl2.guiApplications'], type: bool, default: 'true' },
  { names: ['wsl2.systemDistro'], type: path, default: '' },
  { names: ['wsl2.telemetry'], type: bool, defaultNote: 'true in official builds' },
  { names: ['wsl2.vmIdleTimeout'], type: int, default: '60000' },
  { names: ['wsl2.debugConsoleLogFile'], type: path, default: '' },
  { names: ['wsl2.kernelBootTimeout'], type: int, default: '30000' },
  { names: ['wsl2.distributionStartTimeout'], type: int, default: '60000' },
  { names: ['wsl2.virtio'], type: bool, defaultNote: 'true except on ARM64 Windows 10' },
  { names: ['wsl2.hostFileSystemAccess'], type: bool, default: 'true' },
  { names: ['wsl2.mountDeviceTimeout'], type: int, default: '5000' },
  { names: ['wsl2.hardwarePerformanceCounters'], type: bool, defaultNote: 'true on x64, false on ARM64' },
  { names: ['wsl2.vmSwitch'], type: str, default: '' },
  { names: ['wsl2.macAddress'], type: { kind: 'mac' }, defaultNote: 'random when bridged' },
  { names: ['wsl2.dhcp'], type: bool, default: 'true' },
  { names: ['wsl2.dhcpTimeout'], type: int, default: '5000' },
  { names: ['wsl2.ipv6'], type: bool, default: 'false' },
  { names: ['wsl2.dnsProxy'], type: bool, default: 'true' },
  { names: ['wsl2.safeMode'], type: bool, default: 'false' },
  { names: ['wsl2.defaultVhdSize'], type: memory, default: '1099511627776' },
  { names: ['wsl2.crashDumpFolder'], type: path, defaultNote: '%TEMP%\\wsl-crashes' },
  { names: ['wsl2.maxCrashDumpCount'], type: int, default: '10' },
  { names: ['general.distributionInstallPath'], type: path, defaultNote: '%LOCALAPPDATA%\\wsl' },
  { names: ['general.instanceIdleTimeout'], type: int, default: '15000' },
  { names: ['wsl2.loadDefaultKernelModules'], type: bool, default: 'true' },
  { names: ['wsl2.loadKernelModules'], type: str, default: '' },
  // WslCoreConfig.cpp:113, default WslCoreConfig.h:386 (docs/knowledge/wslconfig.md#keys).
  { names: ['wsl2.isolateDistroCgroup'], type: bool, default: 'true' },

  // Features that were previously experimental (the old header is kept for compatibility).
  { names: ['wsl2.networkingMode', 'experimental.networkingMode'], type: { kind: 'enum', values: NETWORKING_MODES }, default: 'Nat' },
  { names: ['wsl2.dnsTunneling', 'experimental.dnsTunneling'], type: bool, default: 'true' },
  { names: ['wsl2.firewall', 'experimental.firewall'], type: bool, default: 'true' },
  { names: ['wsl2.autoProxy', 'experimental.autoProxy'], type: bool, default: 'true' },

  // Experimental features.
  { names: ['experimental.autoMemoryReclaim'], type: { kind: 'enum', values: MEMORY_RECLAIM_MODES }, default: 'DropCache' },
  { names: ['experimental.sparseVhd'], type: bool, default: 'false' },
  { names: ['experimental.bestEffortDnsParsing'], type: bool, default: 'false' },
  { names: ['experimental.dnsTunnelingIpAddress'], type: { kind: 'ip' }, default: '10.255.255.254' },
  { names: ['experimental.initialAutoProxyTimeout'], type: int, default: '1000' },
  { names: ['experimental.ignoredPorts'], type: { kind: 'ignoredPorts' }, default: '' },
  { names: ['experimental.hostAddressLoopback'], type: bool, default: 'false' },
  { names: ['experimental.setVersionDebug'], type: bool, default: 'false' },
  // WslCoreConfig.cpp:130 (a MemoryString key), 131; defaults WslCoreConfig.h:385, 333.
  { names: ['experimental.swiotlb'], type: memory, defaultNote: 'computed from VM memory' },
  { names: ['experimental.virtioFsAggregateShares'], type: bool, default: 'true' },
]

/** ASCII-only case-insensitive equality, as `strcasecmp` / `_stricmp` compare key names. */
export function asciiEqualsIgnoreCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) {
    if (asciiLower(a.charCodeAt(i)) !== asciiLower(b.charCodeAt(i))) return false
  }
  return true
}

/** Lower-cases one ASCII letter code, leaving anything else alone (C locale tolower). */
export function asciiLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c
}

/** `std::find_if(keys, e.Matches(name))`: the first key any of whose names equals `name` ignoring case. */
export function findWslKey(name: string): WslKeyDef | undefined {
  return WSL_KEYS.find((k) => k.names.some((n) => asciiEqualsIgnoreCase(n, name)))
}

/** Canonical (first) name of a key, e.g. `wsl2.networkingMode`. */
export function canonicalName(key: WslKeyDef): string {
  return key.names[0] ?? ''
}

/** Splits `section.key` into its two halves. */
export function splitKeyName(name: string): { section: string; key: string } {
  const dot = name.indexOf('.')
  return dot < 0 ? { section: '', key: name } : { section: name.slice(0, dot), key: name.slice(dot + 1) }
}
