import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The one window's options. Kept free of runtime `electron` imports so a unit test can assert them.
 *
 * contextIsolation, sandbox, no Node, webSecurity on (Electron checklist 2–4, 6); no insecure
 * content, experimental or Blink features (8–10); no webview tag; DevTools only in development.
 * Sized for a 1366×768 laptop and resizable up to 4K.
 */
export function windowOptions(preloadPath: string, options: { readonly dev: boolean }): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 720,
    minWidth: 800,
    minHeight: 560,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#1f1f1f',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.dev,
      safeDialogs: true,
    },
  }
}
