import { encodeBase64 } from '../util/base64'
import { FIX_SCRIPTS, fixScriptCommand, type FixScriptId, type FixScriptInput } from './fix-scripts'
import type { PlannedStep, StepInput } from './fix-plan'

/**
 * Builds a step from the script registry: `elevated` and the shown command come from the script's
 * entry, so a plan cannot disagree with what the script does. (The input is checked against the
 * entry again in the main process before any script is composed: compose-fix-script.ts.)
 */
export function step<Id extends FixScriptId>(
  script: Id,
  input: Exclude<FixScriptInput<Id>, null | undefined> & StepInput,
  describe: PlannedStep['describe'],
): PlannedStep {
  return { script, elevated: FIX_SCRIPTS[script].elevated, input, describe, command: fixScriptCommand(script, input) }
}

/** docs/knowledge/fixes.md#commands-privileges-and-side-effects: stops every distribution and the VM, so `.wslconfig` is read again at the next start. */
export function wslShutdownStep(): PlannedStep {
  return step('wsl-shutdown', {}, { key: 'step.wsl-shutdown', args: {} })
}

/**
 * docs/knowledge/wslconfig.md: writes `.wslconfig` for the interactive user, atomically, after a backup; refuses when the
 * file changed since the scan (`expectedBase64` is what the scan read; null = the file was absent).
 */
export function wslconfigWriteStep(path: string, before: Uint8Array | null, after: Uint8Array): PlannedStep {
  return step(
    'wslconfig-write',
    { expectedBase64: before === null ? null : encodeBase64(before), contentBase64: encodeBase64(after) },
    { key: 'step.wslconfig-write', args: { path } },
  )
}

export function restorePointStep(description: string): PlannedStep {
  return step('restore-point', { description }, { key: 'step.restore-point', args: {} })
}
