import type { ProbeId } from '../../shared/probes/probe-ids'

/**
 * Each probe's own time limit: past it the probe is `unknown: timeout` and its session recycled.
 * Registry and service reads are fast; those that launch wsl.exe get the sum of their native calls'
 * limits (see the scripts) plus slack, and `wsl-startup` boots a VM. Why each value: see
 * docs/knowledge/probe-time-limits.md (Get-WinEvent on large logs, CIM on a busy WMI, wsl.exe while
 * LxssManager/WSLService is stuck).
 */
export const PROBE_TIMEOUT_MS: Readonly<Record<ProbeId, number>> = {
  'windows-version': 10_000,
  'wsl-install': 40_000,
  'wslconfig-file': 10_000,
  services: 20_000,
  'mirrored-readiness': 30_000,
  virtualization: 30_000,
  events: 30_000,
  'network-adapters': 20_000,
  'proxy-settings': 10_000,
  'winsock-catalog': 10_000,
  'installed-products': 15_000,
  'firewall-profiles': 20_000,
  'hyperv-firewall': 20_000,
  'host-networking': 20_000,
  'host-dns': 20_000,
  'wsl-startup': 110_000,
  'wsl-network-check': 150_000,
}

/**
 * What each read usually takes on a healthy PC (ms), session start excluded: the scan starts the
 * longest first so they overlap the short ones, and a probe well past this is "slow" (below).
 * The simulated PC's defaults; `npm run smoke:probes` records the real ones on a Windows PC and
 * `npm run bench -- --snapshot FILE` replays them (docs/knowledge/probe-time-limits.md).
 */
export const PROBE_TYPICAL_MS: Readonly<Record<ProbeId, number>> = {
  'windows-version': 120,
  'wsl-install': 900,
  'wslconfig-file': 80,
  services: 450,
  'mirrored-readiness': 700,
  virtualization: 1200,
  events: 1500,
  'network-adapters': 600,
  'proxy-settings': 90,
  'winsock-catalog': 150,
  'installed-products': 400,
  'firewall-profiles': 500,
  'hyperv-firewall': 500,
  'host-networking': 350,
  'host-dns': 400,
  'wsl-startup': 2500,
  'wsl-network-check': 6000,
}

/** The scan's promise: findings usable this soon after it starts, whatever one probe does. */
export const FIRST_ANSWER_MS = 5_000

/** Never call a probe slow before this: a cold PowerShell session alone can take about a second. */
const SLOW_FLOOR_MS = 1_500

/**
 * After how long a still-running probe counts as slow: three times its typical latency, at least
 * {@link SLOW_FLOOR_MS}, and at most a second short of {@link FIRST_ANSWER_MS} so the findings of
 * everything else are on screen in time. A slow probe keeps running (on its own session) up to its
 * limit; the scan starts the next probe on a spare session and the Findings step opens without it.
 */
export function slowAfterMs(probeId: ProbeId): number {
  return Math.min(FIRST_ANSWER_MS - 1_000, Math.max(SLOW_FLOOR_MS, 3 * PROBE_TYPICAL_MS[probeId]))
}

/** Probes in flight at once while none is slow. */
export const SCAN_CONCURRENCY = 4

/** Spare sessions for probes that went slow: that many can hang without holding the others up. */
export const SPARE_SESSIONS = 3

/** PowerShell sessions a scan may use (the pool starts each one only when first needed). */
export const SCAN_SESSIONS = SCAN_CONCURRENCY + SPARE_SESSIONS
