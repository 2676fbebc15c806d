import { z } from 'zod'

/**
 * Other host settings with known WSL networking effects:
 * - `hostsFileBytes`: a huge hosts file is not reflected into WSL (F.17);
 * - `portTrackerEnabledMode` with `fseServiceExists`: the FSE/PortTracker breakage (F.14);
 * - `natNetwork`, `natGatewayIpAddress`: WSL's saved NAT range (B.6, F.9);
 * - `excludedPortRanges`: TCP ranges reserved by Hyper-V/WinNAT (F.10), from
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
