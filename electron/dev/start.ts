import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * `npm start`: builds and launches the Electron app (on Windows it diagnoses this PC; elsewhere it
 * runs on a simulated PC and says so). Where no Electron binary exists — our offline Linux
 * machines — it says why and starts the browser demo instead, so the command always works.
 */
const repoRoot = join(__dirname, '..', '..')
const passThrough = process.argv.slice(2)

function electronBinary(): string | null {
  try {
    const root = dirname(require.resolve('electron/package.json'))
    const pathFile = join(root, 'path.txt')
    if (!existsSync(pathFile)) return null
    const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

function run(command: string, args: string[]): void {
  const child = spawn(command, args, { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

const binary = electronBinary()
if (binary === null) {
  console.log('No Electron binary on this machine (it is downloaded on install where the network allows).')
  console.log('Starting the browser demo on a simulated PC instead: npm run demo')
  run(process.execPath, ['--import', 'tsx', join('electron', 'demo', 'server.ts'), ...passThrough])
} else {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' })
  if (build.status !== 0) process.exit(build.status ?? 1)
  run(binary, [join(repoRoot, 'out', 'main', 'index.js'), ...passThrough])
}
