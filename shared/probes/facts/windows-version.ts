import { z } from 'zod'

/**
 * Windows identity, read from `HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion` (no admin).
 *
 * docs/knowledge/probes.md#windows-version: format the version as `10.0.{CurrentBuild}.{UBR}` like `winver`; decide
 * Windows 11 by CurrentBuild >= 22000 because ProductName still says "Windows 10"; tell client from
 * server by InstallationType (Server 2025 shares build 26100 with client 24H2, docs/knowledge/wsl-checks.md#windows-builds).
 */
export const WindowsVersionFact = z.object({
  currentBuild: z.string().regex(/^\d{4,6}$/),
  ubr: z.number().int().nonnegative().nullable(),
  displayVersion: z.string().nullable(),
  editionId: z.string().nullable(),
  installationType: z.string().nullable(),
  productName: z.string().nullable(),
  /** UI culture of the interactive user (e.g. `zh-CN`): the language WSL prints its messages in. */
  uiCulture: z.string().nullable(),
})
export type WindowsVersionFact = z.infer<typeof WindowsVersionFact>

/** `10.0.22000.2836`, as `winver` and `wsl --version` show it. */
export function formatWindowsVersion(fact: WindowsVersionFact): string {
  return fact.ubr === null ? `10.0.${fact.currentBuild}` : `10.0.${fact.currentBuild}.${fact.ubr}`
}
