import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import { diagnose } from '../../shared/diagnosis/diagnose'
import { snapshotFromEvidence, UserEvidence } from '../../shared/diagnosis/evidence'
import { findingsJson, formatFindingsText } from '../../shared/diagnosis/format-findings'
import { MachineSnapshot } from '../../shared/machine/snapshot'

export interface CliResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const USAGE = `Usage: npm run --silent diagnose -- (--snapshot FILE [--save-scenario OUT.json] | --evidence FILE | --scenario NAME) [--json] [--lang en|zh-CN]
  --snapshot FILE   a machine snapshot saved by the app (docs/snapshot.md)
  --save-scenario OUT.json
                    also write the snapshot as a simulated-PC scenario (a regression test); never overwrites
  --evidence FILE   what a user pasted: {"windowsVersion", "windowsEdition", "wslVersionText", "wslconfigText", "wslOutputText", "notes"}
  --scenario NAME   a simulated PC from shared/scenarios (all probes, WSL start allowed)
  --json            {"findings": [{"id", "severity", "confidence", "fixes"}]}, most relevant first
  --lang            language of the text output (default en)
`

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
  return pkg.version
}

function readJson(file: string): { ok: true; value: unknown } | { ok: false; message: string } {
  let text: string
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
  } catch (error) {
    return { ok: false, message: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch (error) {
    return { ok: false, message: `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }
  }
}

/**
 * `npm run diagnose`: the same rules as the wizard, on any OS, for a snapshot, pasted evidence or
 * a simulated PC. Exit 0 with findings printed; 1 for unreadable or invalid input; 2 for bad usage.
 */
export async function main(argv: readonly string[]): Promise<CliResult> {
  let values: { snapshot?: string; evidence?: string; scenario?: string; 'save-scenario'?: string; json?: boolean; lang?: string }
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        snapshot: { type: 'string' },
        evidence: { type: 'string' },
        scenario: { type: 'string' },
        'save-scenario': { type: 'string' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
      },
    }).values
  } catch (error) {
    return { code: 2, stdout: '', stderr: `${error instanceof Error ? error.message : String(error)}\n${USAGE}` }
  }
  const sources = [values.snapshot, values.evidence, values.scenario].filter((v) => v !== undefined)
  const lang = values.lang ?? 'en'
  if (sources.length !== 1 || (lang !== 'en' && lang !== 'zh-CN')) return { code: 2, stdout: '', stderr: USAGE }
  const saveTo = values['save-scenario']
  if (saveTo !== undefined && values.snapshot === undefined) return { code: 2, stdout: '', stderr: `--save-scenario needs --snapshot\n${USAGE}` }
  if (saveTo !== undefined && existsSync(saveTo)) return { code: 1, stdout: '', stderr: refuseOverwrite(saveTo) }

  let snapshot: MachineSnapshot
  let pasted: string | undefined
  if (values.scenario !== undefined) {
    const { scenarioSnapshot } = await import('../simulated-pc/scenario-snapshot')
    const result = scenarioSnapshot(values.scenario, appVersion())
    if (!result.ok) return { code: 1, stdout: '', stderr: `${result.message}\n` }
    snapshot = result.snapshot
  } else {
    const file = (values.snapshot ?? values.evidence) as string
    const json = readJson(file)
    if (!json.ok) return { code: 1, stdout: '', stderr: `${json.message}\n` }
    if (values.snapshot !== undefined) {
      const parsed = MachineSnapshot.safeParse(json.value)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return { code: 1, stdout: '', stderr: `${file} is not a snapshot this version understands: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}\n` }
      }
      snapshot = parsed.data
    } else {
      const parsed = UserEvidence.safeParse(json.value)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        return { code: 1, stdout: '', stderr: `${file} is not evidence JSON: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}\n` }
      }
      // The same mapping the wizard's paste uses (shared/diagnosis/diagnose-paste.ts).
      const mapped = snapshotFromEvidence(parsed.data, new Date(), appVersion())
      snapshot = mapped.snapshot
      pasted = mapped.pastedOutput
    }
  }
  const findings = diagnose(snapshot, pasted)
  const stdout = values.json ? `${JSON.stringify(findingsJson(findings), null, 2)}\n` : `${formatFindingsText(findings, snapshot, lang)}\n`
  if (saveTo === undefined) return { code: 0, stdout, stderr: '' }
  const saved = await saveScenario(snapshot, saveTo)
  return saved.ok ? { code: 0, stdout, stderr: `${saved.message}\n` } : { code: 1, stdout, stderr: `${saved.message}\n` }
}

function refuseOverwrite(file: string): string {
  return `${file} already exists; refusing to overwrite it (choose another file name or delete it first)\n`
}

/** `my Snapshot (2).json` → `my-snapshot-2`: a scenario id (`[a-z0-9][a-z0-9-]*`) from the output file name. */
export function scenarioIdFromFileName(file: string): string {
  const id = basename(file)
    .replace(/\.json$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return id === '' ? 'snapshot' : id
}

/**
 * Writes the snapshot as a scenario (validated, pretty JSON) so a real PC's snapshot becomes a
 * regression test; `wx` keeps an existing file even if it appeared after the first check.
 */
async function saveScenario(snapshot: MachineSnapshot, file: string): Promise<{ ok: boolean; message: string }> {
  const { snapshotToScenario } = await import('../simulated-pc/snapshot-to-scenario')
  const { Scenario } = await import('../../shared/scenarios/scenario')
  let scenario: unknown
  try {
    scenario = snapshotToScenario(snapshot, { id: scenarioIdFromFileName(file) })
  } catch (error) {
    return { ok: false, message: `cannot turn the snapshot into a scenario: ${error instanceof Error ? error.message : String(error)}` }
  }
  const parsed = Scenario.safeParse(scenario)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, message: `cannot save the scenario: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` }
  }
  try {
    writeFileSync(file, `${JSON.stringify(parsed.data, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' })
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined
    if (code === 'EEXIST') return { ok: false, message: refuseOverwrite(file).trimEnd() }
    return { ok: false, message: `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}` }
  }
  return { ok: true, message: `Saved scenario "${parsed.data.id}" to ${file}` }
}

if (process.argv[1] && /[\\/]diagnose\.(ts|js|mjs|cjs)$/.test(process.argv[1])) {
  void main(process.argv.slice(2)).then((result) => {
    process.stdout.write(result.stdout)
    process.stderr.write(result.stderr)
    process.exitCode = result.code
  })
}
