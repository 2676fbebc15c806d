/**
 * TEST SUPPORT for the fix scripts' real-PowerShell tests: a small stateful Windows
 * (fix-machine-fakes.ps1) on top of the harness's recorded answers, so a test can run a fix, then
 * read back what it left in the registry and the restore points, and list the calls it made.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { StepResult } from '../../../shared/repair/step-result'
import type { FixHelperScriptId } from '../../probes/script-catalog'
import type { FixScriptId } from '../../../shared/repair/fix-scripts'
import { asciiJson } from '../ps-literal'
import { nativeResult, type FakeCall, type FakeWindows, type LanguageMode, type PwshHarness, type RecordedNative, type ScriptRun } from './pwsh-harness'

export type RegistryKind = 'DWord' | 'QWord' | 'String' | 'ExpandString' | 'MultiString' | 'Binary'

/** One registry value as seeded; `value` may use the harness's typed values ({"$uint32": n}…). */
export interface FakeRegistryValue {
  readonly kind: RegistryKind
  readonly value: unknown
}

/** Key path (as the scripts write it, `HKLM:\…`) → value name → value. */
export type FakeRegistry = Readonly<Record<string, Readonly<Record<string, FakeRegistryValue>>>>

export interface FakeRestorePoint {
  readonly SequenceNumber: number
  readonly Description: string
  readonly CreationTime: string
}

export interface FixMachine {
  readonly registry?: FakeRegistry
  /** Files Test-Path finds (e.g. the app's .exe for register-resume). */
  readonly files?: readonly string[]
  /** What a native run changes, matched like a fake rule (sc.exe config rewrites Start). */
  readonly nativeEffects?: ReadonlyArray<{
    readonly match: Readonly<Record<string, string>>
    readonly set: ReadonlyArray<{ readonly path: string; readonly name: string; readonly kind: RegistryKind; readonly value: unknown }>
  }>
  readonly restorePoints?: readonly FakeRestorePoint[]
  readonly checkpoint?: {
    /** The newest point is this many minutes old: Windows skips a new one within the frequency. */
    readonly lastPointMinutesAgo?: number
    readonly skipWarning?: string
    readonly throw?: { readonly errorId: string; readonly message: string; readonly category: string }
  }
}

export interface MachineState {
  /** Lower-cased key path → value name → { kind, value }. */
  readonly registry: Record<string, Record<string, { kind: string; value: unknown }>>
  readonly restorePoints: FakeRestorePoint[]
}

export interface FixMachineRun extends ScriptRun {
  readonly state: MachineState
}

const fakesText = readFileSync(join(__dirname, 'fix-machine-fakes.ps1'), 'utf8')

/** The extraFakes text for one machine. */
export function machineFakes(machine: FixMachine): string {
  return [`$WndFakeMachine = ConvertFrom-Json '${asciiJson(machine)}'`, fakesText].join('\n')
}

// Reads the session's fake state after the run (globals survive between runs of one session).
const READ_STATE = [
  '$registry = [ordered]@{}',
  'foreach ($keyName in @($global:WndFakeRegistry.Keys | Sort-Object)) {',
  '  $values = [ordered]@{}',
  '  foreach ($entry in @($global:WndFakeRegistry[$keyName].Values)) { $values[$entry.name] = [ordered]@{ kind = $entry.kind; value = $entry.value } }',
  '  $registry[$keyName] = $values',
  '}',
  'return [ordered]@{ registry = $registry; restorePoints = @($global:WndFakeRestorePoints) }',
].join('\n')

async function readState(harness: PwshHarness, mode: LanguageMode): Promise<MachineState> {
  const run = await harness.run({ id: 'fix-machine-state', body: READ_STATE, fake: { source: 'state read-back', commands: {} }, mode })
  if (run.reading.kind !== 'data') throw new Error(`state read-back failed: ${JSON.stringify(run.reading)}`)
  return run.reading.data as MachineState
}

/** Runs a fix (or helper) script on `machine` with `fake`'s recorded answers. */
export async function runOnMachine(
  harness: PwshHarness,
  script: { readonly fix: FixScriptId } | { readonly helper: FixHelperScriptId },
  input: unknown,
  fake: FakeWindows,
  machine: FixMachine,
  mode: LanguageMode,
): Promise<FixMachineRun> {
  const id = 'fix' in script ? script.fix : script.helper
  const body = 'fix' in script ? harness.catalog.fix(script.fix) : harness.catalog.helper(script.helper)
  const run = await harness.run({ id: `fix:${id}`, body, fake, mode, input, extraFakes: machineFakes(machine) })
  return { ...run, state: await readState(harness, mode) }
}

/** The StepResult of a run that returned data (throws with the envelope otherwise). */
export function stepResultOf(run: ScriptRun): StepResult {
  if (run.reading.kind !== 'data') throw new Error(`expected a StepResult, got ${JSON.stringify(run.reading)}\n${run.stderr}`)
  return StepResult.parse(run.reading.data)
}

/** The error detail of a run that failed (throws when it returned data). */
export function failureOf(run: ScriptRun): { failure: string; detail: string } {
  if (run.reading.kind !== 'script-error') throw new Error(`expected a refusal, got ${JSON.stringify(run.reading)}`)
  return { failure: run.reading.failure, detail: run.reading.detail }
}

/** Calls of one faked command, in order. */
export function callsOf(run: ScriptRun, name: string): FakeCall[] {
  return run.calls.filter((call) => call.name === name)
}

/** Calls that change the PC (registry writes, native programs, restore points). */
export const CHANGING_COMMANDS = ['New-ItemProperty', 'Set-ItemProperty', 'Remove-ItemProperty', 'New-Item', 'Invoke-WndNative', 'Checkpoint-Computer']

export function changingCalls(run: ScriptRun): FakeCall[] {
  return run.calls.filter((call) => CHANGING_COMMANDS.includes(call.name))
}

/** A registry value as the state read-back holds it (key path case-insensitive). */
export function registryValue(state: MachineState, path: string, name: string): { kind: string; value: unknown } | undefined {
  return state.registry[path.replace(/\\$/, '').toLowerCase()]?.[name]
}

/** A fixture of electron/fixes/scripts/__recorded__/<fix>/<case>.json (each cites its source). */
export interface RecordedFixture {
  readonly source: readonly string[]
  readonly note?: string
  readonly native?: RecordedNative
  readonly warning?: string
  readonly error?: { readonly errorId: string; readonly message: string; readonly category: string }
}

const RECORDED_DIR = join(__dirname, '..', '..', 'fixes', 'scripts', '__recorded__')

export function recorded(fix: string, name: string): RecordedFixture {
  return JSON.parse(readFileSync(join(RECORDED_DIR, fix, `${name}.json`), 'utf8')) as RecordedFixture
}

/** The Invoke-WndNative result of a recorded native run. */
export function recordedNative(fix: string, name: string): Record<string, unknown> {
  const native = recorded(fix, name).native
  if (native === undefined) throw new Error(`${fix}/${name} has no native output`)
  return nativeResult(native)
}

/** The sources of recorded fixtures, for a FakeWindows' `source`. */
export function sourcesOf(...fixtures: ReadonlyArray<readonly [string, string]>): string[] {
  return fixtures.flatMap(([fix, name]) => recorded(fix, name).source)
}
