import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MachineSnapshot } from '../../shared/machine/snapshot'
import { findScenario } from '../../shared/scenarios'
import type { Scenario } from '../../shared/scenarios/scenario'
import { ScanProgress } from '../../shared/scan/scan-progress'
import { findingsReadiness } from '../../shared/scan/findings-readiness'
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import type { PowerShellHost } from '../powershell/host'
import { createFsScriptCatalog } from '../probes/fs-script-catalog'
import { SimulatedPcHost } from '../simulated-pc/simulated-pc-host'
import { runScan } from './run-scan'

const catalog = createFsScriptCatalog(join(__dirname, '..'))
const seed = findScenario('seed-22000-mirrored')!

function deps(host: PowerShellHost) {
  return { host, catalog, appVersion: '0.1.0', source: { kind: 'simulated', scenarioId: 'test' } as const, now: () => new Date('2026-11-21T10:00:00Z') }
}

function withBehaviour(behaviour: Scenario['probeBehaviour']): Scenario {
  return { ...seed, probeBehaviour: behaviour }
}

describe('runScan', () => {
  it('collects every probe into a snapshot that passes its own schema', async () => {
    const progress: ScanProgress[] = []
    const { outcome, snapshot } = await runScan(deps(new SimulatedPcHost(seed, { latencyScale: 0 })), {
      scanId: 'scan-0001',
      allowWslStart: true,
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p),
    })
    expect(outcome).toBe('completed')
    expect(MachineSnapshot.safeParse(snapshot).success).toBe(true)
    expect(Object.values(snapshot.facts).every((f) => f.status === 'known')).toBe(true)
    expect(snapshot.facts['windows-version']).toMatchObject({ data: { currentBuild: '22000', ubr: 2836 } })
    const statuses = progress.filter((p) => p.probeId === 'services').map((p) => p.status)
    expect(statuses).toEqual(['queued', 'running', 'known'])
  })

  it('does not start WSL without consent', async () => {
    const { snapshot } = await runScan(deps(new SimulatedPcHost(seed, { latencyScale: 0 })), {
      scanId: 'scan-0002',
      allowWslStart: false,
      signal: new AbortController().signal,
      onProgress: () => undefined,
    })
    expect(snapshot.facts['wsl-startup']).toEqual({ status: 'unknown', durationMs: 0, reason: 'no-consent' })
  })

  it('ends a hung probe at its own timeout without holding the other probes', async () => {
    const started = performance.now()
    const { snapshot } = await runScan(deps(new SimulatedPcHost(withBehaviour({ services: { hang: true } }), { latencyScale: 0 })), {
      scanId: 'scan-0003',
      allowWslStart: false,
      signal: new AbortController().signal,
      onProgress: () => undefined,
      timeouts: { services: 150 },
    })
    const elapsed = performance.now() - started
    expect(snapshot.facts.services).toMatchObject({ status: 'unknown', reason: 'timeout' })
    expect(snapshot.facts['windows-version']?.status).toBe('known')
    expect(elapsed).toBeLessThan(1000)
  })

  it('still times out a host that ignores its own timeout', async () => {
    const stubborn: PowerShellHost = { kind: 'simulated', run: () => new Promise(() => undefined), dispose: async () => undefined }
    const { snapshot } = await runScan(deps(stubborn), {
      scanId: 'scan-0004',
      allowWslStart: false,
      probes: ['windows-version'],
      signal: new AbortController().signal,
      onProgress: () => undefined,
      timeouts: { 'windows-version': 10 },
    })
    expect(snapshot.facts['windows-version']).toMatchObject({ status: 'unknown', reason: 'timeout' })
  }, 5000)

  it('records garbage output as bad-output, not as a fact', async () => {
    const { snapshot } = await runScan(
      deps(new SimulatedPcHost(withBehaviour({ 'windows-version': { garbage: 'Get-ItemProperty : Cannot find path\r\n' } }), { latencyScale: 0 })),
      { scanId: 'scan-0005', allowWslStart: false, signal: new AbortController().signal, onProgress: () => undefined },
    )
    expect(snapshot.facts['windows-version']).toMatchObject({ status: 'unknown', reason: 'bad-output' })
  })

  it('stops on cancel: running and queued probes become cancelled', async () => {
    const controller = new AbortController()
    const running = runScan(deps(new SimulatedPcHost(seed, { latencyScale: 1 })), {
      scanId: 'scan-0006',
      allowWslStart: true,
      concurrency: 1,
      signal: controller.signal,
      onProgress: () => undefined,
    })
    setTimeout(() => controller.abort(), 50)
    const { outcome, snapshot } = await running
    expect(outcome).toBe('cancelled')
    const reasons = Object.values(snapshot.facts).map((f) => (f.status === 'unknown' ? f.reason : 'known'))
    expect(reasons.filter((r) => r === 'cancelled').length).toBeGreaterThanOrEqual(4)
  })

  it('reports a probe past its usual time as slow and starts the next one on a spare session', async () => {
    const progress: ScanProgress[] = []
    const started = performance.now()
    let usableAt: number | null = null
    const statuses: Partial<Record<ProbeId, { status: ScanProgress['status'] }>> = {}
    const { snapshot } = await runScan(deps(new SimulatedPcHost(withBehaviour({ services: { hang: true } }), { latencyScale: 0.1 })), {
      scanId: 'scan-0007',
      allowWslStart: true,
      concurrency: 1,
      spareSessions: 1,
      signal: new AbortController().signal,
      onProgress: (p) => {
        progress.push(p)
        statuses[p.probeId] = p
        if (usableAt === null && findingsReadiness(statuses).usable) usableAt = performance.now() - started
      },
      timeouts: { services: 1_500 },
      slowAfter: { services: 100 },
    })
    expect(progress.filter((p) => p.probeId === 'services').map((p) => p.status)).toEqual(['queued', 'running', 'slow', 'unknown'])
    expect(progress.find((p) => p.status === 'slow')).toMatchObject({ limitMs: 1_500 })
    expect(snapshot.facts.services).toMatchObject({ status: 'unknown', reason: 'timeout' })
    // Every other probe answered on the spare session long before the hung one gave up.
    expect(usableAt).not.toBeNull()
    expect(usableAt!).toBeLessThan(1_200)
    const settledOthers = progress.filter((p) => p.probeId !== 'services' && (p.status === 'known' || p.status === 'unknown'))
    // Every probe but the hung one (counted from the registry, so a new probe does not break this).
    expect(settledOthers).toHaveLength(PROBE_IDS.length - 1)
  })

  it('sends each fact with its progress, filed under its probe', async () => {
    const progress: ScanProgress[] = []
    await runScan(deps(new SimulatedPcHost(seed, { latencyScale: 0 })), {
      scanId: 'scan-0008',
      allowWslStart: false,
      signal: new AbortController().signal,
      onProgress: (p) => progress.push(p),
    })
    const known = progress.find((p) => p.probeId === 'windows-version' && p.status === 'known')
    expect(known && 'fact' in known ? known.fact['windows-version'] : null).toMatchObject({ status: 'known', data: { currentBuild: '22000' } })
    expect(progress.every((p) => ScanProgress.safeParse(p).success)).toBe(true)
  })
})
