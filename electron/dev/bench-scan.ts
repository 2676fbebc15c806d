import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { MachineSnapshot } from '../../shared/machine/snapshot'
import { PROBE_IDS, type ProbeId } from '../../shared/probes/probe-ids'
import { findingsReadiness } from '../../shared/scan/findings-readiness'
import type { ScanProgress } from '../../shared/scan/scan-progress'
import { findScenario } from '../../shared/scenarios'
import type { Scenario } from '../../shared/scenarios/scenario'
import { createFsScriptCatalog } from '../probes/fs-script-catalog'
import { FIRST_ANSWER_MS, SCAN_CONCURRENCY } from '../probes/probe-timeouts'
import { runScan } from '../scan/run-scan'
import { SimulatedPcHost } from '../simulated-pc/simulated-pc-host'

/**
 * `npm run bench [-- --scenario ID --concurrency N --hang PROBE|all --snapshot FILE... --ps-start-ms N]`
 *
 * Scans a simulated PC and prints three figures beside their goals (docs/knowledge/probe-time-limits.md):
 * 1. scan wall time ≤ one PowerShell start + 1.2 × the slowest probe;
 * 2. with `--hang PROBE` hung (default `services`), time to the first usable Findings (every other
 *    probe answered, the hung one reported slow) ≤ 5 s;
 * 3. the same with each probe hung in turn: the worst of them ≤ 5 s.
 * The sum of the latencies (a one-by-one scan) is printed for scale.
 * Latencies are the simulated PC's defaults, or with `--snapshot` the durations recorded on a real
 * PC by `npm run smoke:probes` (the median per probe over the files; a recorded timeout hangs).
 * The simulated PC starts no PowerShell, so the start is 0 unless `--ps-start-ms` says otherwise.
 * Exits 1 when a goal is missed.
 */
const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'nat-0x80041002' },
    concurrency: { type: 'string', default: String(SCAN_CONCURRENCY) },
    hang: { type: 'string', default: 'services' },
    snapshot: { type: 'string', multiple: true, default: [] },
    'ps-start-ms': { type: 'string', default: '0' },
  },
})

const catalog = createFsScriptCatalog(join(__dirname, '..'))
const concurrency = Number.parseInt(values.concurrency ?? String(SCAN_CONCURRENCY), 10)
const psStartMs = Number.parseInt(values['ps-start-ms'] ?? '0', 10)

interface Measurement {
  readonly wallMs: number
  readonly usableMs: number
  readonly durations: readonly (readonly [ProbeId, number])[]
}

/** One scan; stops waiting once the findings are usable when `stopWhenUsable` (a hung probe's limit is known). */
async function measure(scenario: Scenario, stopWhenUsable: boolean): Promise<Measurement> {
  const controller = new AbortController()
  const statuses: Partial<Record<ProbeId, { status: ScanProgress['status'] }>> = {}
  const started = performance.now()
  let usableMs = Number.POSITIVE_INFINITY
  const { snapshot } = await runScan(
    {
      host: new SimulatedPcHost(scenario, { latencyScale: 1 }),
      catalog,
      appVersion: 'bench',
      source: { kind: 'simulated', scenarioId: scenario.id },
      now: () => new Date(),
    },
    {
      scanId: 'bench-0001',
      allowWslStart: true,
      concurrency,
      signal: controller.signal,
      onProgress: (progress) => {
        statuses[progress.probeId] = progress
        if (usableMs === Number.POSITIVE_INFINITY && findingsReadiness(statuses).usable) {
          usableMs = performance.now() - started
          if (stopWhenUsable) controller.abort()
        }
      },
    },
  )
  const wallMs = performance.now() - started
  return { wallMs, usableMs, durations: PROBE_IDS.map((id) => [id, snapshot.facts[id]?.durationMs ?? 0] as const) }
}

/** Per-probe latencies from recorded snapshots: the median duration of each probe's answers. */
function recordedBehaviour(files: readonly string[]): Scenario['probeBehaviour'] {
  const durations = new Map<ProbeId, number[]>()
  const hung = new Set<ProbeId>()
  for (const file of files) {
    const snapshot = MachineSnapshot.parse(JSON.parse(readFileSync(file, 'utf8')))
    for (const id of PROBE_IDS) {
      const entry = snapshot.facts[id]
      if (entry === undefined || (entry.status === 'unknown' && (entry.reason === 'no-consent' || entry.reason === 'cancelled'))) continue
      if (entry.status === 'unknown' && entry.reason === 'timeout') hung.add(id)
      else durations.set(id, [...(durations.get(id) ?? []), entry.durationMs])
    }
  }
  const behaviour: Scenario['probeBehaviour'] = {}
  for (const id of PROBE_IDS) {
    const list = (durations.get(id) ?? []).sort((a, b) => a - b)
    if (list.length > 0) behaviour[id] = { latencyMs: Math.round(list[Math.floor(list.length / 2)]!) }
    else if (hung.has(id)) behaviour[id] = { hang: true }
  }
  return behaviour
}

function line(label: string, value: number, goal: number): boolean {
  const ok = value <= goal
  console.log(`  ${label.padEnd(34)} ${value.toFixed(0).padStart(6)} ms   goal ≤ ${goal.toFixed(0).padStart(6)} ms   ${ok ? 'met' : 'MISSED'}`)
  return ok
}

async function bench(): Promise<number> {
  const base = findScenario(values.scenario ?? '')
  if (!base) throw new Error(`unknown scenario ${values.scenario}`)
  const files = values.snapshot ?? []
  const scenario: Scenario = files.length > 0 ? { ...base, probeBehaviour: { ...base.probeBehaviour, ...recordedBehaviour(files) } } : base
  if (values.hang !== 'all' && !PROBE_IDS.includes(values.hang as ProbeId)) throw new Error(`unknown probe ${values.hang}`)

  const normal = await measure(scenario, false)
  const sumMs = normal.durations.reduce((sum, [, ms]) => sum + ms, 0)
  const [slowestId, slowestMs] = normal.durations.reduce((a, b) => (b[1] > a[1] ? b : a))
  console.log(
    `Scenario ${scenario.id}, ${PROBE_IDS.length} probes, concurrency ${concurrency}, latencies: ${files.length > 0 ? `recorded (${files.join(', ')})` : 'simulated defaults'}`,
  )
  console.log(`  sum of probe latencies:            ${sumMs.toFixed(0).padStart(6)} ms   (a one-by-one scan; slowest: ${slowestId} ${slowestMs.toFixed(0)} ms)`)
  let ok = line('scan wall time', normal.wallMs, psStartMs + 1.2 * slowestMs)
  console.log(`  (goal: PowerShell start ${psStartMs} ms + 1.2 × slowest probe)`)

  const hangOne = async (id: ProbeId) => measure({ ...scenario, probeBehaviour: { ...scenario.probeBehaviour, [id]: { hang: true } } }, true)
  const named = values.hang === 'all' ? null : (values.hang as ProbeId)
  if (named !== null) {
    const hung = await hangOne(named)
    ok = line(`"${named}" hung → usable Findings`, hung.usableMs, FIRST_ANSWER_MS) && ok
  }
  let worst: [ProbeId, Measurement] | null = null
  for (const id of PROBE_IDS) {
    const hung = await hangOne(id)
    if (worst === null || hung.usableMs > worst[1].usableMs) worst = [id, hung]
  }
  if (worst !== null) {
    ok = line(`any one hung → usable (worst: ${worst[0]})`, worst[1].usableMs, FIRST_ANSWER_MS) && ok
    console.log('  (a hung probe itself goes on to its own limit, then is unknown: timeout; electron/probes/probe-timeouts.ts)')
  }
  return ok ? 0 : 1
}

bench().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
