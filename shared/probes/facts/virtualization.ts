import { z } from 'zod'

/**
 * Optional features, hypervisor and Hyper-V tooling (docs/knowledge/probes.md#virtualization).
 *
 * - `features`: `Win32_OptionalFeature.InstallState` by name (1 Enabled, 2 Disabled, 3 Absent,
 *   4 Unknown; readable without admin, pending states are not shown).
 * - `hypervisorPresent`: `Win32_ComputerSystem.HypervisorPresent`.
 * - `firmwareVirtualization`: `Win32_Processor.VirtualizationFirmwareEnabled` — only meaningful when
 *   no hypervisor runs (reads False under Hyper-V), so rules ignore it when `hypervisorPresent`.
 * - `hypervisorLaunchType`: from `bcdedit /enum {current}` — admin only, so usually null.
 * - `model`/`manufacturer`: a PC that is itself a VM needs nested virtualization (docs/knowledge/host-causes.md#virtualization-off).
 * - `hyperVModule`: `New-VMSwitch` exists (never on Home, docs/knowledge/probes.md#virtualization); `hnsModule`: HostNetworkingService.
 * - `domain` (optional: snapshots before it lack it): `Win32_ComputerSystem.PartOfDomain`, and its
 *   `Domain` only when joined (else it is the workgroup's name). A PC in an Active Directory domain is
 *   managed by Group Policy in ways a scan cannot always see (docs/knowledge/host-network-probes.md#managed-pc).
 */
export const FEATURE_NAMES = [
  'VirtualMachinePlatform',
  'Microsoft-Windows-Subsystem-Linux',
  'HypervisorPlatform',
  'Microsoft-Hyper-V-All',
  'Microsoft-Hyper-V',
  'Microsoft-Hyper-V-Management-PowerShell',
  'Containers-DisposableClientVM',
] as const

export const FeatureState = z.enum(['Enabled', 'Disabled', 'Absent', 'Unknown'])
export type FeatureState = z.infer<typeof FeatureState>

export const VirtualizationFact = z.object({
  features: z.record(z.string(), FeatureState),
  hypervisorPresent: z.boolean().nullable(),
  firmwareVirtualization: z.boolean().nullable(),
  slat: z.boolean().nullable(),
  hypervisorLaunchType: z.string().nullable(),
  model: z.string().nullable(),
  manufacturer: z.string().nullable(),
  hyperVModule: z.boolean(),
  hnsModule: z.boolean(),
  domain: z.object({ partOfDomain: z.boolean().nullable(), name: z.string().nullable() }).optional(),
})
export type VirtualizationFact = z.infer<typeof VirtualizationFact>
