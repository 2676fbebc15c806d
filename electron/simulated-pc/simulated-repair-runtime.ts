import { randomUUID } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RepairRuntime } from '../ipc/repair-handlers'
import type { SimulatedPcHost } from './simulated-pc-host'
import { Journal } from '../repair/journal'
import { ResumeStore } from '../repair/resume-store'

/**
 * The repair side of a simulated PC: the host itself elevates (applying fixes to its state) and
 * restarts (advancing its boot time); the journal and resume state live in a fresh temp folder,
 * standing in for the app's user data. Used by the demo, the Playwright bridge and Linux `npm start`.
 */
export function simulatedRepairRuntime(host: SimulatedPcHost, dataDir: string = mkdtempSync(join(tmpdir(), 'wnd-sim-'))): RepairRuntime {
  return {
    elevator: host,
    journal: new Journal(join(dataDir, 'journal.json')),
    resume: new ResumeStore(join(dataDir, 'resume.json')),
    restart: {
      bootTime: async () => host.lastBootUpTime,
      registerResume: async () => true,
      restart: async () => {
        host.reboot()
        return true
      },
    },
    newId: () => randomUUID(),
  }
}
