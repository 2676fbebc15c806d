import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PROBE_IDS } from '../../../shared/probes/probe-ids'
import type { PlannedStep, StepInput } from '../../../shared/repair/fix-plan'
import { FIX_SCRIPTS, FIX_SCRIPT_IDS, fixScriptRunId, type FixScriptId } from '../../../shared/repair/fix-scripts'
import { composeScript } from '../../powershell/compose-script'
import * as elevation from '../../powershell/elevation/scripts'
import * as sessionHost from '../../powershell/node-powershell-host'
import { createFsScriptCatalog } from '../../probes/fs-script-catalog'
import { FIX_HELPER_SCRIPT_IDS, type FixHelperScriptId } from '../../probes/script-catalog'
import { composeBatchScript, composeStepScript } from '../../repair/compose-fix-script'
import type { GateItem } from './gates'

/**
 * Every script text the TypeScript composes, taken from the composing functions at gate time (so
 * a change to compose-script.ts, node-powershell-host.ts or elevation/scripts.ts is gated as it
 * is, not as it was). Inputs are realistic: the pinned plans of repair/__fixtures__/plans.json.
 */
export interface ComposedScripts {
  readonly items: GateItem[]
  /** A composer that threw: a blocking problem, not a crash, so every other result still prints. */
  readonly failures: Array<{ readonly name: string; readonly message: string }>
}

export function collectComposed(electronDir: string): ComposedScripts {
  const catalog = createFsScriptCatalog(electronDir)
  const embedded = [
    catalog.prelude,
    ...PROBE_IDS.map((id) => catalog.probe(id)),
    ...FIX_SCRIPT_IDS.map((id) => catalog.fix(id)),
    ...FIX_HELPER_SCRIPT_IDS.map((id) => catalog.helper(id)),
  ]
  const item = (name: string, text: string, extra: Partial<GateItem> = {}): GateItem => ({
    name: `composed:${name}`,
    text,
    role: 'product',
    skipLines: embeddedLines(text, embedded),
    ...extra,
  })

  const items: GateItem[] = []
  const failures: ComposedScripts['failures'] = []
  const attempt = (name: string, compose: () => GateItem[]): void => {
    try {
      items.push(...compose())
    } catch (error) {
      failures.push({ name: `composed:${name}`, message: error instanceof Error ? error.message : String(error) })
    }
  }
  for (const id of PROBE_IDS) {
    attempt(`probe/${id}`, () => [item(`probe/${id}`, composeScript({ id, body: catalog.probe(id), prelude: catalog.prelude }).text)])
  }
  const steps = plannedSteps(electronDir)
  for (const step of steps) attempt(`fix/${step.script}`, () => [item(`fix/${step.script}`, composeStepScript(step, catalog).text)])
  const batch = composeBatchScript(
    steps.filter((s) => s.elevated),
    catalog,
  )
  items.push(item('fix-batch', batch.text))
  for (const id of FIX_HELPER_SCRIPT_IDS) {
    attempt(`helper/${id}`, () => [
      item(`helper/${id}`, composeScript({ id: fixScriptRunId(id), body: catalog.helper(id), prelude: catalog.prelude, input: helperInput(id) }).text),
    ])
  }

  // The one place a string is evaluated: the session command carries the whole script as data.
  attempt('session-command', () => {
    const probe = composeScript({ id: 'windows-version', body: catalog.probe('windows-version'), prelude: catalog.prelude })
    const session = [item('session-command', sessionHost.sessionCommand(probe), { allowInvokeExpression: true, skipLines: [] })]
    const init: unknown = (sessionHost as Record<string, unknown>)['SESSION_INIT']
    if (typeof init === 'string') session.push(item('session-init', init, { skipLines: [] }))
    return session
  })
  attempt('elevation', () => elevationItems(batch.text, item))
  return { items, failures }
}

function elevationItems(scriptText: string, item: (name: string, text: string, extra?: Partial<GateItem>) => GateItem): GateItem[] {
  const plan = elevation.buildElevationPlan({
    scriptText,
    pipeName: 'wnd-elevate-0123456789abcdef0123456789abcdef',
    nonce: 'fedcba9876543210fedcba9876543210',
    powershellPath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    connectTimeoutMs: 10_000,
  }) as unknown as Record<string, unknown>
  // Every text of the plan (bootstrap, launcher, and whatever the elevation code adds, such as a
  // payload), so a new script there is gated without touching this file. Base64 forms are decoded
  // only when the plain text is absent.
  const texts = new Map<string, string>()
  for (const [key, value] of Object.entries(plan)) {
    if (typeof value === 'string' && !key.endsWith('Base64')) texts.set(key, value)
  }
  for (const [key, value] of Object.entries(plan)) {
    const plain = key.replace(/Base64$/, '')
    if (key.endsWith('Base64') && typeof value === 'string' && !texts.has(plain)) texts.set(plain, Buffer.from(value, 'base64').toString('utf16le'))
  }
  if (!texts.has('launcher') && Array.isArray(plan['launcherArgs'])) {
    const encoded: unknown = plan['launcherArgs'][plan['launcherArgs'].length - 1]
    if (typeof encoded === 'string') texts.set('launcher', Buffer.from(encoded, 'base64').toString('utf16le'))
  }
  if (!texts.has('bootstrap') || !texts.has('launcher')) throw new Error('buildElevationPlan returned no bootstrap/launcher text the gate can read')
  // The payload wraps the composed batch (already gated line by line as composed:fix-batch).
  // The elevation scripts need Full Language Mode by nature (ShellExecute runas, .NET named pipes,
  // SHA-256): the launcher checks the mode first and refuses with CONSTRAINED_LANGUAGE_LAUNCH, and
  // in that mode nothing elevated can start. They are gated as declared FullLanguage; the line
  // added here exists only in the gated copy (the bootstrap's length is budgeted to the character).
  const declared = '# wnd-language: FullLanguage -- elevation needs runas and .NET pipes; the launcher refuses in Constrained Language Mode first\n'
  return [...texts].map(([key, text]) => item(`elevation/${key}`, declared + text, key === 'payload' ? {} : { skipLines: [] }))
}

function helperInput(id: FixHelperScriptId): unknown {
  return id === 'register-resume' ? { exePath: 'C:\\Program Files\\WSL Network Doctor\\WSL Network Doctor.exe' } : null
}

/** One step per fix script, with the input a real plan gives it (plans.json), else a plausible one. */
function plannedSteps(electronDir: string): PlannedStep[] {
  const pinned = JSON.parse(readFileSync(path.join(electronDir, 'repair', '__fixtures__', 'plans.json'), 'utf8')) as Record<
    string,
    { steps: Array<{ script: string; input: StepInput }> }
  >
  const inputs = new Map<string, StepInput>()
  for (const plan of Object.values(pinned)) for (const step of plan.steps) if (!inputs.has(step.script)) inputs.set(step.script, step.input)
  return FIX_SCRIPT_IDS.map((script: FixScriptId) => ({
    script,
    elevated: FIX_SCRIPTS[script].elevated,
    input: inputs.get(script) ?? FALLBACK_INPUTS[script] ?? {},
    describe: { key: `step.${script}`, args: {} },
    command: '',
  }))
}

// Undo steps come from the journal, not from a plan, so plans.json has none (UndoRecord shapes).
const FALLBACK_INPUTS: Partial<Record<FixScriptId, StepInput>> = {
  'undo-restore-file': { kind: 'restore-file', path: 'C:\\Users\\alex\\.wslconfig', previousBase64: 'W3dzbDJdDQptZW1vcnk9OEdCDQo=' },
  'undo-registry-value': { kind: 'restore-registry-value', value: 'ipv6-disabled-components', previous: 32 },
}

/** Line ranges of `text` that are verbatim copies of a file checked on its own. */
function embeddedLines(text: string, parts: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const part of parts) {
    const trimmed = part.replace(/\s+$/, '')
    if (trimmed === '') continue
    for (let at = text.indexOf(trimmed); at >= 0; at = text.indexOf(trimmed, at + trimmed.length)) {
      const first = lineAt(text, at)
      ranges.push([first, first + trimmed.split('\n').length - 1])
    }
  }
  return ranges
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}
