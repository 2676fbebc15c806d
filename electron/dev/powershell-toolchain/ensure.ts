/**
 * `npm run setup:powershell`: installs pinned PowerShell (dotnet tool) and Pester (NuGet package)
 * into `.tools/`. Idempotent: a present, matching install is kept, so a second run needs no network.
 * Without the .NET SDK it stops with the exact instruction (a missing tool is a failure, not a skip).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PESTER_VERSION, PWSH_VERSION, installedPwshPath, nugetDir, pesterManifestPath, pwshDir } from './toolchain'

function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, [...args], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } })
  if (result.error) throw result.error
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`)
  }
  return result.stdout
}

function installedPwshVersion(): string | null {
  if (!existsSync(installedPwshPath())) return null
  const result = spawnSync(installedPwshPath(), ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', '$PSVersionTable.PSVersion.ToString()'], {
    encoding: 'utf8',
  })
  return result.status === 0 ? result.stdout.trim() : null
}

function main(): void {
  const dotnet = spawnSync('dotnet', ['--version'], { encoding: 'utf8' })
  if (dotnet.error || dotnet.status !== 0) {
    if (existsSync(installedPwshPath()) && existsSync(pesterManifestPath())) return
    console.error(
      [
        'The PowerShell tests need the .NET SDK 10 on PATH to install PowerShell 7.6 (a dotnet tool) and Pester (a NuGet package).',
        'Install it from https://dotnet.microsoft.com/download (Debian: see that page for the package feed), then run:',
        '  npm run setup:powershell',
      ].join('\n'),
    )
    process.exit(1)
  }
  const have = installedPwshVersion()
  if (have !== PWSH_VERSION) {
    if (have !== null) run('dotnet', ['tool', 'uninstall', 'PowerShell', '--tool-path', pwshDir])
    // 7.7.0 (what an unpinned install takes) fails on our machines; the pin is deliberate.
    run('dotnet', ['tool', 'install', 'PowerShell', '--version', PWSH_VERSION, '--tool-path', pwshDir])
    console.log(`Installed PowerShell ${PWSH_VERSION} into ${pwshDir}`)
  }
  if (!existsSync(pesterManifestPath())) {
    const project = join(__dirname, 'pester.csproj')
    run('dotnet', ['restore', project, '--packages', nugetDir, '--verbosity', 'quiet'])
    const manifest = readFileSync(pesterManifestPath(), 'utf8')
    if (!manifest.includes(`ModuleVersion     = '${PESTER_VERSION}'`) && !manifest.includes(PESTER_VERSION)) {
      throw new Error(`Pester manifest at ${pesterManifestPath()} is not version ${PESTER_VERSION}`)
    }
    console.log(`Installed Pester ${PESTER_VERSION} into ${nugetDir}`)
  }
}

main()
