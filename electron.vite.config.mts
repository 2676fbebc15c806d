import { resolve } from 'node:path'
import { defineConfig, mergeConfig } from 'electron-vite'
import { rendererConfig } from './renderer/vite.config.mts'

/**
 * Main and preload build as CommonJS for Node/Electron; the preload is fully bundled because a
 * sandboxed preload can only `require` Electron's renderer modules (engineering.md §2, §6).
 */
export default defineConfig({
  main: {
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
