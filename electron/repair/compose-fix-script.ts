import type { PlannedStep } from '../../shared/repair/fix-plan'
import { composeScript } from '../powershell/compose-script'
import type { PsScript } from '../powershell/host'
import type { ScriptCatalog } from '../probes/script-catalog'

/** One unelevated step as its own script (`fix:<id>`: what the simulated PC answers by). */
export function composeStepScript(step: PlannedStep, catalog: ScriptCatalog): PsScript {
  return composeScript({ id: `fix:${step.script}`, body: catalog.fix(step.script), prelude: catalog.prelude, input: step.input })
}

export const BATCH_SCRIPT_ID = 'fix-batch'

/**
 * All elevated steps of a phase as ONE script, so one UAC prompt covers them (engineering.md §4).
 * Each step's body runs in its own script block with its own `$WndInput`; the batch stops at the
 * first failure and reports, per step, its StepResult or its error. Inputs travel as base64 JSON.
 */
export function composeBatchScript(steps: readonly PlannedStep[], catalog: ScriptCatalog, sentinel?: string): PsScript {
  const blocks = steps.map((step, index) => [`  # step ${index}: ${step.script}`, '  {', catalog.fix(step.script), '  }'].join('\n'))
  const body = [
    '$WndBatch = $WndInput',
    '$WndBodies = @(',
    blocks.join(',\n'),
    ')',
    '$WndSteps = @()',
    'for ($WndIndex = 0; $WndIndex -lt $WndBodies.Count; $WndIndex++) {',
    '  $WndInput = $WndBatch.steps[$WndIndex].input',
    '  try {',
    '    $WndStepResult = & $WndBodies[$WndIndex]',
    '    $WndSteps += [ordered]@{ ok = $true; index = $WndIndex; result = $WndStepResult }',
    '  } catch {',
    '    $WndSteps += [ordered]@{ ok = $false; index = $WndIndex; error = ([string]$_.Exception.PSObject.TypeNames[0] + \': \' + $_.Exception.Message) }',
    '    break',
    '  }',
    '}',
    'return [ordered]@{ steps = @($WndSteps) }',
  ].join('\n')
  return composeScript({
    id: BATCH_SCRIPT_ID,
    body,
    prelude: catalog.prelude,
    input: { steps: steps.map((step) => ({ script: step.script, input: step.input })) },
    ...(sentinel === undefined ? {} : { sentinel }),
  })
}
