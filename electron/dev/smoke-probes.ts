import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { MachineSnapshot } from '../../shared/machine/snapshot'
import { PROBE_IDS } from '../../shared/probes/probe-ids'
import { NodePowerShellHost } from '../powershell/node-powershell-host'
import { PowerShellPool } from '../powershell/powershell-pool'
import { createFsScriptCatalog } from '../probes/fs-script-catalog'
import { SCAN_SESSIONS } from '../probes/probe-timeouts'
import { runScan } from '../scan/run-scan'

/**
 * `npm run smoke:probes -- [--out FILE]` — Windows only: runs every real probe on this PC, read-only
 * (`allowWslStart: false`: the one probe that would start WSL is skipped, as without consent), and
 * saves the snapshot (default `test-results/smoke-snapshot.json`; `npm run diagnose -- --snapshot`
 * reads it). The Windows CI workflow runs it on the runner and uploads the snapshot.
 *
 * Fails when the scan does not complete, the snapshot does not match its schema, Windows' own
 * version cannot be read, or a probe ends `bad-output` / `host-unavailable` (our script or our
 * PowerShell session is broken). Other unknowns (no WSL on the runner, access denied, timeouts) are
 * listed, not failed: a CI runner is not a WSL machine.
 */
const { values } = parseArgs({ options: { out: { type: 'string', default: join('test-results', 'smoke-snapshot.json') } } })

async function main(): Promise<number> {
  if (process.platform !== 'win32') {
    console.error('smoke:probes runs the real probes and needs Windows (Windows PowerShell 5.1).')
    return 2
  }
  const electronDir = join(__dirname, '..')
  const pkg = JSON.parse(readFileSync(join(electronDir, '..', 'package.json'), 'utf8')) as { version: string }
  // As the app does: the scan's concurrency plus spare sessions for probes that go slow.
  const host = new PowerShellPool(Array.from({ length: SCAN_SESSIONS }, () => new NodePowerShellHost()))
  const started = performance.now()
  try {
    const outcome = await runScan(
      { host, catalog: createFsScriptCatalog(electronDir), appVersion: pkg.version, source: { kind: 'windows' }, now: () => new Date() },
      { scanId: `smoke-${Date.now()}`, allowWslStart: false, signal: new AbortController().signal, onProgress: () => {} },
    )
    const out = resolve(values.out ?? 'test-results/smoke-snapshot.json')
    mkdirSync(dirname(out), { recursive: true })
    writeFileSync(out, `${JSON.stringify(outcome.snapshot, null, 2)}\n`)

    const problems: string[] = []
    if (outcome.outcome !== 'completed') problems.push(`scan ended ${outcome.outcome}`)
    const parsed = MachineSnapshot.safeParse(outcome.snapshot)
    if (!parsed.success) problems.push(`snapshot does not match its schema: ${parsed.error.message.slice(0, 500)}`)
    for (const id of PROBE_IDS) {
      const entry = outcome.snapshot.facts[id]
      if (entry === undefined) {
        problems.push(`${id}: no entry`)
        continue
      }
      const detail = entry.status === 'unknown' ? `${entry.reason}${entry.detail ? ` — ${entry.detail.slice(0, 160)}` : ''}` : ''
      console.log(`${id.padEnd(20)} ${entry.status.padEnd(8)} ${String(Math.round(entry.durationMs)).padStart(6)} ms  ${detail}`)
      if (entry.status === 'unknown' && (entry.reason === 'bad-output' || entry.reason === 'host-unavailable')) problems.push(`${id}: ${detail}`)
    }
    if (outcome.snapshot.facts['windows-version']?.status !== 'known') problems.push('windows-version: must be readable on any Windows')
    console.log(`scan took ${((performance.now() - started) / 1000).toFixed(1)} s; snapshot: ${out}`)
    for (const problem of problems) console.error(`FAIL ${problem}`)
    return problems.length === 0 ? 0 : 1
  } finally {
    await host.dispose()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
