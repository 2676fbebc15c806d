import { z } from 'zod'
import { NativeOutput } from './native-output'

/**
 * How WSL is installed, without starting the VM (docs/knowledge/wsl-checks.md#console-output-of-wsl).
 *
 * - `msiVersion`: `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Lxss\MSI` `Version` (Store/MSI WSL).
 * - `appxVersion`: `Get-AppxPackage MicrosoftCorporationII.WindowsSubsystemForLinux` for this user.
 * - `versionOutput`: `wsl.exe --version` (inbox WSL does not know it and prints usage, non-zero exit).
 * - `listOutput`: `wsl.exe --list --verbose` (header and states are not localized).
 * - `registryDistros`: `HKCU\SOFTWARE\Microsoft\Windows\CurrentVersion\Lxss` (flag 0x8 = WSL2).
 */
export const RegistryDistro = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int().nullable(),
  flags: z.number().int().nullable(),
  state: z.number().int().nullable(),
})

export const WslInstallFact = z.object({
  wslExePresent: z.boolean(),
  msiVersion: z.string().nullable(),
  appxVersion: z.string().nullable(),
  versionOutput: NativeOutput.nullable(),
  listOutput: NativeOutput.nullable(),
  defaultDistributionId: z.string().nullable(),
  defaultVersion: z.number().int().nullable(),
  registryDistros: z.array(RegistryDistro),
})
export type WslInstallFact = z.infer<typeof WslInstallFact>
