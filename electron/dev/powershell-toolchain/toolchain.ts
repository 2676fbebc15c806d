import { join, resolve } from 'node:path'

/**
 * Where the project-local PowerShell toolchain lives. Nothing global: `dotnet tool install
 * --tool-path` and a NuGet restore into `.tools/`, so two checkouts never share state and a
 * second install is a no-op.
 */
export const PWSH_VERSION = '7.6.10'
export const PESTER_VERSION = '5.7.1'

const root = resolve(__dirname, '..', '..', '..')
export const toolsDir = join(root, '.tools')
export const pwshDir = join(toolsDir, 'pwsh')
export const nugetDir = join(toolsDir, 'nuget')

/** The pwsh that `npm run setup:powershell` installs. */
export function installedPwshPath(): string {
  return join(pwshDir, process.platform === 'win32' ? 'pwsh.exe' : 'pwsh')
}

/**
 * The PowerShell the tests run scripts in: the installed pwsh, or `WND_TEST_POWERSHELL` — the
 * Windows workflow sets it to Windows PowerShell 5.1's powershell.exe, so the same suites run
 * there against the PowerShell the app really uses.
 */
export function pwshPath(): string {
  return process.env['WND_TEST_POWERSHELL'] ?? installedPwshPath()
}

export function pesterManifestPath(): string {
  return join(nugetDir, 'pester', PESTER_VERSION, 'tools', 'Pester.psd1')
}

/** What a test says when the toolchain is missing: never a silent skip. */
export const MISSING_TOOLCHAIN =
  'PowerShell test toolchain missing: run `npm run setup:powershell` (needs the .NET SDK 10 on PATH: https://dotnet.microsoft.com/download).'
