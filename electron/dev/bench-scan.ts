import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import { findScenario } from '../../shared/scenarios'
import type { Scenario } from '../../shared/scenarios/scenario'
import { createFsScriptCatalog } from '../probes/fs-script-catalog'
import { PROBE_TIMEOUT_MS } from '../probes/probe-timeouts'
import { runScan } from '../scan/run-scan'
import { SimulatedPcHost } from '../simulated-pc/simulated-pc-host'

/**
 * `npm run bench [-- --scenario ID --concurrency N --hang PROBE]`: scan wall time on a simulated
 * PC with realistic per-probe latencies, against the sum of those latencies (what a one-by-one
 * scan would take), and the wall time when one probe hangs until its own timeout. A measurement,
 * not a test: it prints numbers and never fails on them.
 */
const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'nat-0x80041002' },
    concurrency: { type: 'string', default: '3' },
    hang: { type: 'string', default: 'services' },
  },
})

const catalog = createFsScriptCatalog(join(__dirname, '..'))
const concurrency = Number.parseInt(values.concurrency ?? '3', 10)

async function measure(scenario: Scenario): Promise<{ wallMs: number; sumMs: number; slowest: [string, number] }> {
  const started = performance.now()
  const { snapshot } = await runScan(
    { host: new SimulatedPcHost(scenario, { latencyScale: 1 }), catalog, appVersion: 'bench', source: { kind: 'simulated', scenarioId: scenario.id }, now: () => new Date() },
    { scanId: 'bench-0001', allowWslStart: true, concurrency, signal: new AbortController().signal, onProgress: () => undefined },
  )
  const wallMs = performance.now() - started
  const durations = Object.entries(snapshot.facts).map(([id, fact]) => [id, fact.durationMs] as [string, number])
  const sumMs = durations.reduce((sum, [, ms]) => sum + ms, 0)
  const slowest = durations.reduce((a, b) => (b[1] > a[1] ? b : a))
  return { wallMs, sumMs, slowest }
}

async function bench(): Promise<void> {
  const scenario = findScenario(values.scenario ?? '')
  if (!scenario) throw new Error(`unknown scenario ${values.scenario}`)
  const hang = values.hang as ProbeId
  if (!PROBE_IDS.includes(hang)) throw new Error(`unknown probe ${hang}`)

  const normal = await measure(scenario)
  console.log(`Scenario ${scenario.id}, ${PROBE_IDS.length} probes, concurrency ${concurrency}`)
  console.log(`  sum of probe latencies: ${normal.sumMs.toFixed(0)} ms (a one-by-one scan)`)
  console.log(`  scan wall time:         ${normal.wallMs.toFixed(0)} ms (${(normal.sumMs / normal.wallMs).toFixed(2)}x faster)`)
  console.log(`  slowest probe:          ${normal.slowest[0]} ${normal.slowest[1]} ms`)

  const hung = await measure({ ...scenario, probeBehaviour: { ...scenario.probeBehaviour, [hang]: { hang: true } } })
  console.log(`With "${hang}" hanging (its timeout: ${PROBE_TIMEOUT_MS[hang]} ms):`)
  console.log(`  scan wall time:         ${hung.wallMs.toFixed(0)} ms (bound: timeout + grace 2000 ms)`)
}

void bench().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
