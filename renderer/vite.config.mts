import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin, type UserConfig } from 'vite'
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

/** Puts the one CSP (shared/security/csp.ts) into index.html, so the browser build enforces it too. */
function cspMeta(): Plugin {
  return {
    name: 'wnd-csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  }
}

/**
 * The renderer's standalone config: electron-vite reuses it for the app; `--mode web` builds the
 * browser bundle the demo server and the Playwright `web` project serve (with the HTTP bridge).
 */
export function rendererConfig(mode: string): UserConfig {
  return {
    root,
    base: './',
    mode,
    plugins: [react(), cspMeta()],
    build: {
      outDir: fileURLToPath(new URL(mode === 'web' ? '../out/web' : '../out/renderer', import.meta.url)),
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
    },
  }
}

export default defineConfig(({ mode }) => rendererConfig(mode))
