import { resolve } from 'node:path'
import { defineConfig, mergeConfig } from 'electron-vite'
import { rendererConfig } from './renderer/vite.config.mts'

/**
 * `WND_RELEASE=1` (set by `npm run dist` and the Windows CI) builds what the installer ships: the
 * simulated PC, its scenarios and the `--scenario` switch are compiled out, so Rollup emits no
 * simulation chunk. Any other build (`npm start`, `npm run build`, the e2e `electron` project) keeps
 * the simulation, which is how the app runs on a machine that is not Windows.
 */
const simulation = process.env['WND_RELEASE'] !== '1'

/**
 * Main and preload build as CommonJS for Node/Electron; the preload is fully bundled because a
 * sandboxed preload can only `require` Electron's renderer modules (docs/architecture.md#processes).
 */
export default defineConfig({
  main: {
    define: { __WND_SIMULATION__: JSON.stringify(simulation) },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: mergeConfig(rendererConfig('production'), {
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  }),
})
