/**
 * Every probe the app can run, by id. Ids (never scripts) cross the IPC bridge.
 *
 * Each id maps to one read-only PowerShell script in `electron/probes/scripts/<id>.ps1` and to one
 * fact schema in `shared/probes/facts/`. `startsWsl` probes launch the WSL VM and run only with the
 * user's consent (docs/knowledge/probes.md#wsl-startup: `wsl.exe -e …` starts the VM).
 */
export const PROBE_IDS = [
  'windows-version',
  'wsl-install',
  'wslconfig-file',
  'services',
  'mirrored-readiness',
  'virtualization',
  'events',
  'network-adapters',
  'proxy-settings',
  'winsock-catalog',
  'installed-products',
  'firewall-profiles',
  'hyperv-firewall',
  'host-networking',
  'host-dns',
  'wsl-startup',
  'wsl-network-check',
] as const

export type ProbeId = (typeof PROBE_IDS)[number]

export interface ProbeTraits {
  /** Launches wsl.exe in a way that boots the VM: needs explicit consent. */
  readonly startsWsl: boolean
}

export const PROBE_TRAITS: Readonly<Record<ProbeId, ProbeTraits>> = {
  'windows-version': { startsWsl: false },
  'wsl-install': { startsWsl: false },
  'wslconfig-file': { startsWsl: false },
  services: { startsWsl: false },
  'mirrored-readiness': { startsWsl: false },
  virtualization: { startsWsl: false },
  events: { startsWsl: false },
  'network-adapters': { startsWsl: false },
  'proxy-settings': { startsWsl: false },
  'winsock-catalog': { startsWsl: false },
  'installed-products': { startsWsl: false },
  'firewall-profiles': { startsWsl: false },
  'hyperv-firewall': { startsWsl: false },
  'host-networking': { startsWsl: false },
  'host-dns': { startsWsl: false },
  'wsl-startup': { startsWsl: true },
  'wsl-network-check': { startsWsl: true },
}

export function isProbeId(value: unknown): value is ProbeId {
  return typeof value === 'string' && (PROBE_IDS as readonly string[]).includes(value)
}
