import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import type { MachineSource } from '../../shared/ipc/app-info'
import { createDispatcher } from '../ipc/dispatcher'
import { createHandlers } from '../ipc/create-handlers'
import { isTrustedSender } from '../ipc/sender'
import type { RepairRuntime } from '../ipc/repair-handlers'
import type { PowerShellHost } from '../powershell/host'
import type { ScriptCatalog } from '../probes/script-catalog'
import { Journal } from '../repair/journal'
import { ResumeStore } from '../repair/resume-store'
import { APP_ENTRY_URL, APP_ORIGIN } from './app-origin'
import { registerAppScheme, serveRenderer } from './app-protocol'
import { bindIpc } from './bind-ipc'
import { createBundledScriptCatalog } from './bundled-script-catalog'
import { hardenApp } from './harden'
import { windowHandleToken } from './native-window-handle'
import { windowOptions } from './window-options'
import { SCAN_SESSIONS } from '../probes/probe-timeouts'

/**
 * Build-time switch (electron.vite.config.mts): false in the Windows release build, where the
 * simulated PC is compiled out and the app always diagnoses the PC it runs on.
 */
declare const __WND_SIMULATION__: boolean

/** The app window, once created: the UAC prompt's owner (it is created after the elevator). */
let mainWindow: BrowserWindow | null = null

/** The main window's HWND for the UAC launcher, read at each elevation (the window may be gone). */
function ownerWindowHandle(): string | null {
  if (mainWindow === null || mainWindow.isDestroyed()) return null
  return windowHandleToken(mainWindow.getNativeWindowHandle())
}

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
 * The simulation is loaded only then (a separate chunk), never on a real Windows run, and it is not
 * in the release build at all (`__WND_SIMULATION__` false: Rollup drops the dead branch and chunk).
 */
async function createMachine(catalog: ScriptCatalog): Promise<{ host: PowerShellHost; machine: MachineSource; repair: RepairRuntime }> {
  if (!__WND_SIMULATION__ || (process.platform === 'win32' && !process.argv.some((arg) => arg.startsWith('--scenario')))) {
    const { NodePowerShellHost } = await import('../powershell/node-powershell-host')
    const { PowerShellPool } = await import('../powershell/powershell-pool')
    const { UacElevator } = await import('../powershell/uac-elevator')
    const { windowsRestartController } = await import('../repair/windows-restart-controller')
    // Sessions for the scan's concurrency plus spares: a probe that hangs (a CIM call on a busy WMI,
    // wsl.exe while the service is stuck) keeps its own session and the others go on (run-scan.ts).
    // Each session's PowerShell starts only when the pool first hands it a script.
    const pool = new PowerShellPool(Array.from({ length: SCAN_SESSIONS }, () => new NodePowerShellHost()))
    const data = app.getPath('userData')
    return {
      host: pool,
      machine: { kind: 'windows' },
      repair: {
        // An owner window lets the UAC prompt come to the front instead of only flashing in the taskbar.
        elevator: new UacElevator({ ownerWindowHandle }),
        journal: new Journal(join(data, 'journal.json')),
        resume: new ResumeStore(join(data, 'resume.json')),
        restart: windowsRestartController(pool, catalog, process.execPath),
        newId: () => randomUUID(),
      },
    }
  }
  const { createSimulatedMachine } = await import('../simulated-pc/simulated-machine')
  const scenarioArg = process.argv.find((arg) => arg.startsWith('--scenario='))
  const { simulatedRepairRuntime } = await import('../simulated-pc/simulated-repair-runtime')
  const simulated = createSimulatedMachine(scenarioArg?.slice('--scenario='.length))
  return { ...simulated, repair: simulatedRepairRuntime(simulated.host, join(app.getPath('userData'), 'simulated')) }
}

async function start(): Promise<void> {
  const rendererUrl = process.env['ELECTRON_RENDERER_URL']
  const devOrigin = dev && rendererUrl ? new URL(rendererUrl) : null
  hardenApp({
    appOrigin: devOrigin ? `${devOrigin.protocol}//${devOrigin.host}` : APP_ORIGIN,
    dev,
  })
  serveRenderer(join(__dirname, '../renderer'))

  const catalog = createBundledScriptCatalog()
  const { host, machine, repair } = await createMachine(catalog)
  const handlers = createHandlers({
    host,
    repair,
    catalog,
    appInfo: {
      appVersion: app.getVersion(),
      platform: process.platform,
      machine,
      osLocales: app.getPreferredSystemLanguages(),
    },
  })
  const allowed = devOrigin ? [APP_ORIGIN, `${devOrigin.protocol}//${devOrigin.host}`] : [APP_ORIGIN]
  const trustedContents = new Set<number>()
  bindIpc(
    createDispatcher(handlers, (sender) => isTrustedSender(sender, allowed)),
    trustedContents,
  )

  const window = new BrowserWindow(windowOptions(join(__dirname, '../preload/index.js'), { dev }))
  mainWindow = window
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
