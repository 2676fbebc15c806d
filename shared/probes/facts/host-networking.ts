import { z } from 'zod'

/**
 * Other host settings with known WSL networking effects:
 * - `hostsFileBytes`: a huge hosts file is not reflected into WSL (docs/knowledge/host-causes.md#hosts-file-too-large);
 * - `portTrackerEnabledMode` with `fseServiceExists`: the FSE/PortTracker breakage (docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode);
 * - `natNetwork`, `natGatewayIpAddress`: WSL's saved NAT range (docs/knowledge/wsl-checks.md#nat-network-internals, docs/knowledge/host-causes.md#address-range-conflicts);
 * - `excludedPortRanges`: TCP ranges reserved by Hyper-V/WinNAT (docs/knowledge/host-causes.md#reserved-port-ranges), from
 *   `netsh interface ipv4 show excludedportrange protocol=tcp` rows (numbers only, not localized).
 */
export const HostNetworkingFact = z.object({
  hostsFileBytes: z.number().int().nonnegative().nullable(),
  portTrackerEnabledMode: z.number().int().nullable(),
  fseServiceExists: z.boolean(),
  natNetwork: z.string().nullable(),
  natGatewayIpAddress: z.string().nullable(),
  excludedPortRanges: z.array(z.object({ start: z.number().int(), end: z.number().int() })).nullable(),
})
export type HostNetworkingFact = z.infer<typeof HostNetworkingFact>
