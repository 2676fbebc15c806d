import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../shared/diagnosis/diagnose'
import type { AnyFactEntry, MachineSnapshot } from '../../shared/machine/snapshot'
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import { SCENARIOS, findScenario } from '../../shared/scenarios'
import { Scenario } from '../../shared/scenarios/scenario'
import { composeScript } from '../powershell/compose-script'
import { readEnvelope } from '../powershell/envelope'
import { createFsScriptCatalog } from '../probes/fs-script-catalog'
import { runScan } from '../scan/run-scan'
import { snapshotOfScenario } from './scenario-snapshot'
import { SimulatedPcHost } from './simulated-pc-host'
import { snapshotToScenario } from './snapshot-to-scenario'

const takenAt = new Date('2026-11-21T10:00:00Z')
const catalog = createFsScriptCatalog(join(__dirname, '..'))
const seed = findScenario('seed-22000-mirrored')!

function snapshotOf(scenario: Scenario): MachineSnapshot {
  return snapshotOfScenario(scenario, { appVersion: '0.1.0', takenAt })
}

function ids(snapshot: MachineSnapshot): string[] {
  return diagnose(snapshot).map((f) => f.id)
}

/** The probes whose answers come from the state `snapshotToScenario` derives. */
const DERIVED_PROBES: readonly ProbeId[] = ['windows-version', 'wsl-install', 'wslconfig-file', 'services', 'mirrored-readiness', 'virtualization']

describe('snapshot → scenario → snapshot, for every shipped scenario', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.id, () => {
      const snapshot = snapshotOf(scenario)
      const converted = snapshotToScenario(snapshot, { id: `${scenario.id}-recorded` })
      expect(Scenario.safeParse(JSON.parse(JSON.stringify(converted))).success).toBe(true)
      const again = snapshotOf(converted)
      expect(again.facts).toEqual(snapshot.facts)
      expect(ids(again)).toEqual(ids(snapshot))
      const findings = diagnose(snapshot)
      // The top finding when it is an error or warning (shipped scenarios may also pin an info one).
      const serious = findings.some((f) => f.severity !== 'info')
      expect(converted.expectedTopFinding).toBe(serious ? scenario.expectedTopFinding : null)
      expect([converted.expectedTopFinding, ...(converted.expectedFindings ?? [])].filter((id) => id !== null).sort()).toEqual(ids(snapshot).sort())
      expect(converted.basedOn).toEqual(['snapshot 2026-11-21T10:00:00.000Z (app 0.1.0)'])
      expect(converted.summary.en).toContain('Every probe was recorded')
    })
  }
})

describe('the derived state alone (recording dropped) answers like the original PC', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.id, () => {
      const snapshot = snapshotOf(scenario)
      const { recordedFacts: _recorded, ...converted } = snapshotToScenario(snapshot, { id: scenario.id })
      const modelOnly = snapshotOf({ ...converted, probeBehaviour: scenario.probeBehaviour })
      for (const id of DERIVED_PROBES) expect(modelOnly.facts[id], id).toEqual(snapshot.facts[id])
      expect(converted.windows.currentBuild).toBe(scenario.windows.currentBuild)
      expect(converted.wsl).toEqual(scenario.wsl.kind === 'store' ? scenario.wsl : { ...scenario.wsl, version: null })
      expect(converted.host.natNetworkFailure).toBe(scenario.host.natNetworkFailure)
      expect(converted.policy).toEqual(scenario.policy)
    })
  }
})

describe('snapshotToScenario', () => {
  it('takes what no fact shows from a generic Windows 11 24H2 client and says so', () => {
    const full = snapshotOf(seed)
    const partial: MachineSnapshot = {
      ...full,
      facts: { 'windows-version': full.facts['windows-version'], services: { status: 'unknown', durationMs: 0, reason: 'cancelled' } },
    }
    const scenario = snapshotToScenario(partial, { id: 'partial', title: 'Partial' })
    expect(scenario.title).toEqual({ en: 'Partial', 'zh-CN': 'Partial' })
    expect(scenario.windows.currentBuild).toBe('22000')
    expect(scenario.wsl).toMatchObject({ kind: 'store', version: '2.6.1.0' })
    expect(scenario.wslconfig).toBeNull()
    expect(scenario.services).toEqual({})
    expect(scenario.summary.en).toContain('generic Windows 11 24H2 client: wsl-install, wslconfig-file, services,')
    expect(scenario.summary['zh-CN']).toContain('Windows 11 24H2')
    expect(scenario.recordedFacts).toEqual(partial.facts)
  })

  it('keeps the .wslconfig bytes: UTF-16LE with BOM and LF line ends', () => {
    const pc: Scenario = { ...seed, wslconfig: { text: '[wsl2]\nnetworkingMode=mirrored\n', encoding: 'utf16le-bom', lineEnding: 'lf' } }
    const scenario = snapshotToScenario(snapshotOf(pc), { id: 'utf16' })
    expect(scenario.wslconfig).toEqual(pc.wslconfig)
  })

  it('refuses an id a scenario cannot have', () => {
    expect(() => snapshotToScenario(snapshotOf(seed), { id: 'Not An Id' })).toThrow()
  })
})

describe('a recorded unknown fact is reproduced by the simulated host', () => {
  const denied =
    "System.UnauthorizedAccessException: Access to the registry key 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters' is denied. (0x80070005)"
  const failed = 'System.Management.Automation.RuntimeException: Invalid class "Win32_Processor" (0x80041010)'
  const recorded: Partial<Record<ProbeId, AnyFactEntry>> = {
    services: { status: 'unknown', durationMs: 20000, reason: 'timeout', detail: 'no answer within 20000 ms' },
    'host-networking': { status: 'unknown', durationMs: 40, reason: 'access-denied', detail: denied },
    virtualization: { status: 'unknown', durationMs: 35, reason: 'failed', detail: failed },
    'winsock-catalog': { status: 'unknown', durationMs: 12, reason: 'bad-output', detail: 'no result line in 120 characters of output' },
    'firewall-profiles': { status: 'unknown', durationMs: 3, reason: 'host-unavailable', detail: 'powershell.exe exited with code 1' },
    'wsl-startup': { status: 'unknown', durationMs: 0, reason: 'no-consent' },
  }
  const original = snapshotOf(seed)
  const snapshot: MachineSnapshot = { ...original, source: { kind: 'windows' }, facts: { ...original.facts, ...recorded } as MachineSnapshot['facts'] }
  const scenario = snapshotToScenario(snapshot, { id: 'recorded-failures' })

  it("scans back to the same reasons (and details, where the reason carries the PC's own words)", async () => {
    const { snapshot: scanned } = await runScan(
      {
        host: new SimulatedPcHost(scenario, { latencyScale: 0 }),
        catalog,
        appVersion: '0.1.0',
        source: { kind: 'simulated', scenarioId: scenario.id },
        now: () => takenAt,
      },
      { scanId: 'scan-recorded', allowWslStart: true, signal: new AbortController().signal, onProgress: () => undefined, timeouts: { services: 100 } },
    )
    expect(scanned.facts.services).toMatchObject({ status: 'unknown', reason: 'timeout' })
    expect(scanned.facts['host-networking']).toMatchObject({ status: 'unknown', reason: 'access-denied', detail: denied })
    expect(scanned.facts.virtualization).toMatchObject({ status: 'unknown', reason: 'failed', detail: failed })
    expect(scanned.facts['winsock-catalog']).toMatchObject({ status: 'unknown', reason: 'bad-output' })
    expect(scanned.facts['firewall-profiles']).toMatchObject({ status: 'unknown', reason: 'host-unavailable', detail: 'powershell.exe exited with code 1' })
    // No consent says nothing about the PC: the model answers once consent is given.
    expect(scanned.facts['wsl-startup']?.status).toBe('known')
    for (const id of PROBE_IDS) {
      const entry = snapshot.facts[id]
      if (entry?.status === 'known') expect(scanned.facts[id], id).toMatchObject({ status: 'known', data: entry.data })
    }
  })

  it('reads a recorded timeout and bad output back the same in snapshotOfScenario', () => {
    const again = snapshotOf(scenario)
    expect(again.facts.services).toMatchObject({ status: 'unknown', reason: 'timeout' })
    expect(again.facts['winsock-catalog']).toMatchObject({ status: 'unknown', reason: 'bad-output' })
    expect(again.facts['windows-version']).toEqual(snapshot.facts['windows-version'])
  })

  it('answers a bare access denial with UnauthorizedAccessException and E_ACCESSDENIED', async () => {
    const bare: Scenario = { ...seed, recordedFacts: { 'proxy-settings': { status: 'unknown', durationMs: 0, reason: 'access-denied' } } }
    const script = composeScript({ id: 'proxy-settings', body: catalog.probe('proxy-settings'), prelude: catalog.prelude })
    const outcome = await new SimulatedPcHost(bare, { latencyScale: 0 }).run(script, { timeoutMs: 1000 })
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    const line = outcome.stdout.trim().slice(script.sentinel.length)
    expect(JSON.parse(line)).toMatchObject({ ok: false, error: { type: 'System.UnauthorizedAccessException', hresult: -2147024891 } })
    expect(readEnvelope(outcome.stdout, script.sentinel)).toMatchObject({ kind: 'script-error', accessDenied: true })
  })
})
