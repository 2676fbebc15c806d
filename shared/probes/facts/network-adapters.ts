import { z } from 'zod'

/**
 * Network adapters and the bindings that break vSwitch creation (docs/knowledge/probes.md#network-adapters, docs/knowledge/host-causes.md#vpn-clients, docs/knowledge/host-causes.md#vmware-leftovers).
 *
 * - `adapters`: `Get-NetAdapter -IncludeHidden` without MAC addresses (nothing needs them).
 * - `bindings`: `Get-NetAdapterBinding -ComponentID vmware_bridge, vms_pp` enabled states.
 * - `vmwareClsidPresent`: `HKLM\SOFTWARE\Classes\CLSID\{3d09c1ca-2bcc-40b7-b9bb-3f3ec143a87b}` (docs/knowledge/host-causes.md#vmware-leftovers).
 * - `phantomAdapterCount`: `Get-PnpDevice -Class Net` with status Unknown (docs/knowledge/host-causes.md#phantom-adapters).
 */
export const NetworkAdaptersFact = z.object({
  adapters: z.array(
    z.object({
      name: z.string(),
      interfaceDescription: z.string(),
      status: z.string(),
      hidden: z.boolean(),
    }),
  ),
  bindings: z.array(
    z.object({
      adapter: z.string(),
      componentId: z.string(),
      enabled: z.boolean(),
    }),
  ),
  vmwareClsidPresent: z.boolean(),
  phantomAdapterCount: z.number().int().nonnegative().nullable(),
})
export type NetworkAdaptersFact = z.infer<typeof NetworkAdaptersFact>
