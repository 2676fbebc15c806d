import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FixId } from '../../../shared/diagnosis/fix-ids'
import type { Channel, Input, Output } from '../../../shared/ipc/contract'
import type { Scenario } from '../../../shared/scenarios/scenario'
import { createDispatcher } from '../../ipc/dispatcher'
import { createHandlers } from '../../ipc/create-handlers'
import type { RepairRuntime } from '../../ipc/repair-handlers'
import type { ElevatedRunOptions, Elevator } from '../../powershell/elevator'
import type { PowerShellHost } from '../../powershell/host'
import { createFsScriptCatalog } from '../../probes/fs-script-catalog'
import { createSimulatedMachine } from '../../simulated-pc/simulated-machine'
import { SimulatedPcHost } from '../../simulated-pc/simulated-pc-host'
import { nodeAtomicFs, type AtomicFs } from '../atomic-file'
import { Journal } from '../journal'
import { RepairLock } from '../repair-lock'
import { ResumeStore } from '../resume-store'

const electronDir = join(__dirname, '..', '..')

/** What an undo must give back: the file bytes, the registry values, services and features. */
export function undoableState(s: Scenario): unknown {
  return { wslconfig: s.wslconfig, host: s.host, services: s.services, features: s.windows.features }
}

export interface FaultPc {
  readonly host: SimulatedPcHost
  readonly dataDir: string
  /** Options of every elevated run the app asked for (the limits it passed). */
  readonly elevatedCalls: ElevatedRunOptions[]
  /** One app instance on this PC; `restart()` makes a fresh one (same PC, same user data). */
  app: FaultApp
  restart(io?: AtomicFs): FaultApp
}

export interface FaultApp {
  readonly journal: Journal
  call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>
  scan(): Promise<void>
  apply(fixId: FixId, phase?: number): Promise<Output<'fix:apply'>>
}

/**
 * A simulated PC and the app's real handler layer on it, with the faults a test may inject: the
 * journal's file operations (`io`: disk full, a process killed mid-write), the PowerShell host
 * (`host`: PowerShell dying), the elevator (shortened UAC limits so "unanswered" ends in ms).
 */
export function faultPc(
  scenarioId: string,
  options: {
    readonly io?: AtomicFs
    readonly wrapHost?: (host: PowerShellHost) => PowerShellHost
    readonly uacLimitMs?: number
    readonly edit?: (s: Scenario) => void
  } = {},
): FaultPc {
  const simulated = createSimulatedMachine(scenarioId, { latencyScale: 0 })
  const { machine } = simulated
  let host = simulated.host
  if (options.edit) {
    const scenario = host.scenario
    options.edit(scenario)
    host = new SimulatedPcHost(scenario, { latencyScale: 0 })
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'wnd-fault-'))
  const elevatedCalls: ElevatedRunOptions[] = []
  const elevator: Elevator = {
    runElevated: (script, o) => {
      elevatedCalls.push(o)
      const limit = options.uacLimitMs
      return host.runElevated(
        script,
        limit === undefined ? o : { ...o, timeoutMs: limit, inactivityTimeoutMs: Math.min(limit, o.inactivityTimeoutMs ?? limit) },
      )
    },
  }
  const catalog = createFsScriptCatalog(electronDir)
  let counter = 0
  const makeApp = (io: AtomicFs): FaultApp => {
    const journal = new Journal(join(dataDir, 'journal.json'), io)
    const repair: RepairRuntime = {
      elevator,
      journal,
      resume: new ResumeStore(join(dataDir, 'resume.json')),
      restart: { bootTime: async () => host.lastBootUpTime, registerResume: async () => true, restart: async () => (host.reboot(), true) },
      newId: () => `entry-${String(++counter).padStart(8, '0')}-${Math.random().toString(16).slice(2, 10)}`,
      lock: new RepairLock(),
    }
    const psHost = options.wrapHost ? options.wrapHost(host) : host
    const dispatch = createDispatcher(
      createHandlers({ host: psHost, repair, catalog, appInfo: { appVersion: '0.0.0-test', platform: 'linux', machine, osLocales: [] } }),
      () => true,
    )
    const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
      const result = await dispatch(channel, { frameUrl: null, isMainFrame: true }, input, () => undefined)
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.detail ?? ''}`)
      return result.value as Output<C>
    }
    return {
      journal,
      call,
      scan: async () => {
        await call('scan:run', { scanId: `scan-${Math.random().toString(16).slice(2, 12)}`, allowWslStart: true })
      },
      apply: async (fixId, phase = 0) => {
        const p = await call('fix:plan', { fixId, options: {}, phase })
        if (!p.available) throw new Error(`${fixId} unavailable: ${p.reason.key}`)
        return call('fix:apply', { fixId, options: {}, phase, digest: p.digest })
      },
    }
  }
  const pc: FaultPc = {
    host,
    dataDir,
    elevatedCalls,
    app: makeApp(options.io ?? nodeAtomicFs),
    restart(io = nodeAtomicFs) {
      pc.app = makeApp(io)
      return pc.app
    },
  }
  return pc
}

/** Journal file operations that fail from the `n`-th write on: disk full (ENOSPC) or a kill (never settles). */
export function failingIo(fromWrite: number, how: 'disk-full' | 'killed'): AtomicFs & { writes(): number } {
  let writes = 0
  return {
    ...nodeAtomicFs,
    writes: () => writes,
    writeFile: async (path, data) => {
      writes += 1
      if (writes >= fromWrite) {
        if (how === 'killed') return new Promise<void>(() => undefined)
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
      }
      return nodeAtomicFs.writeFile(path, data)
    },
  }
}
