import { execFileSync } from 'node:child_process'

/**
 * Builds what the projects load: the browser bundle (`out/web`) for `web`, and the Electron bundle
 * (`out/main`, `out/preload`, `out/renderer`) for `electron`. Both build without the Electron binary.
 */
export default function globalSetup(): void {
  const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' }
  execFileSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.mts', '--mode', 'web', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env,
  })
  execFileSync('npx', ['electron-vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env })
}
