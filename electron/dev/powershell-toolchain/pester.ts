/**
 * `npm run test:ps`: installs the pinned PowerShell and Pester if needed (ensure.ts), then runs
 * every `*.Tests.ps1` under electron/ in the project's pwsh. Exit code and closing line come from
 * run-pester.ps1.
 */
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { pesterManifestPath, pwshPath } from './toolchain'

const root = resolve(__dirname, '..', '..', '..')
const ensure = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'ensure.ts')], { stdio: 'inherit' })
if (ensure.status !== 0) process.exit(ensure.status ?? 1)

const targets = process.argv.slice(2)
const paths = targets.length > 0 ? targets.map((target) => resolve(target)) : [join(root, 'electron')]
const run = spawnSync(
  pwshPath(),
  ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', join(__dirname, 'run-pester.ps1'), '-PesterManifest', pesterManifestPath(), '-Path', paths.join(',')],
  { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } },
)
process.exit(run.status ?? 1)
