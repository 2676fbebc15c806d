import { encodeBase64 } from '../util/base64'
import { FIX_SCRIPTS, type FixScriptId } from './fix-scripts'
import type { PlannedStep, StepInput } from './fix-plan'

/** Builds a step, taking `elevated` from the script table so a plan cannot disagree with it. */
export function step(script: FixScriptId, input: StepInput, describe: PlannedStep['describe'], command: string): PlannedStep {
  return { script, elevated: FIX_SCRIPTS[script].elevated, input, describe, command }
}

/** docs/knowledge/fixes.md#commands-privileges-and-side-effects: stops every distribution and the VM, so `.wslconfig` is read again at the next start. */
export function wslShutdownStep(): PlannedStep {
  return step('wsl-shutdown', {}, { key: 'step.wsl-shutdown', args: {} }, 'wsl.exe --shutdown')
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
    `[IO.File]::WriteAllBytes("${path}", …)  # after a backup copy`,
  )
}

export function restorePointStep(description: string): PlannedStep {
  return step(
    'restore-point',
    { description },
    { key: 'step.restore-point', args: {} },
    `Checkpoint-Computer -Description "${description}" -RestorePointType MODIFY_SETTINGS`,
  )
}
