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
  'wsl-startup': 110_000,
}
