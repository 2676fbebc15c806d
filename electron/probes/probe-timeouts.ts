import type { ProbeId } from '../../shared/probes/probe-ids'

/**
 * Each probe's own time limit. Registry and service reads are fast; those that launch wsl.exe get
 * the sum of their native calls' limits (see the scripts) plus slack, and `wsl-startup` boots a VM.
 */
export const PROBE_TIMEOUT_MS: Readonly<Record<ProbeId, number>> = {
  'windows-version': 10_000,
  'wsl-install': 40_000,
  'wslconfig-file': 10_000,
  services: 20_000,
  'mirrored-readiness': 30_000,
  'virtualization': 30_000,
  'events': 30_000,
  'network-adapters': 20_000,
  'proxy-settings': 10_000,
  'winsock-catalog': 10_000,
  'firewall-profiles': 20_000,
  'host-networking': 20_000,
  'wsl-startup': 110_000,
}
