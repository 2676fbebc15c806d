import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import type { MachineSource } from '../../shared/ipc/app-info'
import { createDispatcher } from '../ipc/dispatcher'
import { createHandlers } from '../ipc/create-handlers'
import { isTrustedSender } from '../ipc/sender'
import type { PowerShellHost } from '../powershell/host'
import { APP_ENTRY_URL, APP_ORIGIN } from './app-origin'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { bindIpc } from './bind-ipc'
import { createBundledScriptCatalog } from './bundled-script-catalog'
import { hardenApp } from './harden'
import { windowOptions } from './window-options'

const dev = !app.isPackaged && process.env['ELECTRON_RENDERER_URL'] !== undefined

// Every renderer sandboxed, whatever a window asks for (checklist item 4).
app.enableSandbox()
registerAppScheme()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  void app.whenReady().then(start)
}

/**
 * On Windows the app diagnoses this PC; anywhere else it runs on a simulated PC and says so.
 * The simulation is loaded only then (a separate chunk), never on a real Windows run.
 */
async function createMachine(): Promise<{ host: PowerShellHost; machine: MachineSource }> {
  if (process.platform === 'win32' && !process.argv.some((arg) => arg.startsWith('--scenario'))) {
    const { NodePowerShellHost } = await import('../powershell/node-powershell-host')
    const { PowerShellPool } = await import('../powershell/powershell-pool')
    // Three sessions: probes run concurrently, bounded, without a PowerShell per probe.
    const pool = new PowerShellPool([new NodePowerShellHost(), new NodePowerShellHost(), new NodePowerShellHost()])
    return { host: pool, machine: { kind: 'windows' } }
  }
  const { createSimulatedMachine } = await import('../simulated-pc/simulated-machine')
  const scenarioArg = process.argv.find((arg) => arg.startsWith('--scenario='))
  return createSimulatedMachine(scenarioArg?.slice('--scenario='.length))
}

async function start(): Promise<void> {
  const rendererUrl = process.env['ELECTRON_RENDERER_URL']
  const devOrigin = dev && rendererUrl ? new URL(rendererUrl) : null
  hardenApp({
    appOrigin: devOrigin ? `${devOrigin.protocol}//${devOrigin.host}` : APP_ORIGIN,
    externalHosts: ['learn.microsoft.com', 'github.com', 'support.microsoft.com'],
    dev,
  })
  serveRenderer(join(__dirname, '../renderer'))

  const { host, machine } = await createMachine()
  const handlers = createHandlers({
    host,
    catalog: createBundledScriptCatalog(),
    appInfo: {
      appVersion: app.getVersion(),
      platform: process.platform,
      machine,
      osLocales: app.getPreferredSystemLanguages(),
    },
  })
  const allowed = devOrigin ? [APP_ORIGIN, `${devOrigin.protocol}//${devOrigin.host}`] : [APP_ORIGIN]
  const trustedContents = new Set<number>()
  bindIpc(createDispatcher(handlers, (sender) => isTrustedSender(sender, allowed)), trustedContents)

  const window = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js'), { dev }))
  const id = window.webContents.id
  trustedContents.add(id)
  window.webContents.once('destroyed', () => trustedContents.delete(id))
  window.once('ready-to-show', () => window.show())
  await window.loadURL(devOrigin && rendererUrl ? rendererUrl : APP_ENTRY_URL)

  app.on('second-instance', () => {
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  app.on('window-all-closed', () => {
    void host.dispose().finally(() => app.quit())
  })
}
