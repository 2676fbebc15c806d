import type { PlannedStep } from '../../shared/repair/fix-plan'
import { FIX_BATCH_SCRIPT_ID, fixScriptRunId, parseFixScriptInput } from '../../shared/repair/fix-scripts'
import { composeScript } from '../powershell/compose-script'
import type { PsScript } from '../powershell/host'
import type { ScriptCatalog } from '../probes/script-catalog'

/**
 * Refuses a step whose input its script's registry entry does not accept, before any script text
 * exists: the scripts check their input again, but nothing malformed should reach an elevated
 * PowerShell at all (docs/security.md#elevation).
 */
function checkedInput(step: PlannedStep): PlannedStep['input'] {
  const parsed = parseFixScriptInput(step.script, step.input)
  if (!parsed.ok) throw new Error(parsed.error)
  return step.input
}

/** The same check for a whole phase, before its journal entry or any script exists. */
export function checkStepInputs(steps: readonly PlannedStep[]): void {
  for (const step of steps) checkedInput(step)
}

/** One unelevated step as its own script (`fix:<id>`: what the simulated PC answers by). */
export function composeStepScript(step: PlannedStep, catalog: ScriptCatalog): PsScript {
  return composeScript({ id: fixScriptRunId(step.script), body: catalog.fix(step.script), prelude: catalog.prelude, input: checkedInput(step) })
}

/**
 * All elevated steps of a phase as ONE script, so one UAC prompt covers them (docs/security.md#elevation).
 * Each step's body runs in its own script block with its own `$WndInput`; the batch stops at the
 * first failure and reports, per step, its StepResult or its error. Inputs travel as base64 JSON.
 * Under the elevation payload it also reports each step as it starts and ends (`$WndProgress`,
 * elevation/progress.ts), so the journal learns each result the moment it exists.
 */
export function composeBatchScript(steps: readonly PlannedStep[], catalog: ScriptCatalog, sentinel?: string): PsScript {
  const blocks = steps.map((step, index) => [`  # step ${index}: ${step.script}`, '  {', catalog.fix(step.script), '  }'].join('\n'))
  const body = [
    '$WndBatch = $WndInput',
    '$WndBodies = @(',
    blocks.join(',\n'),
    ')',
    '$WndSteps = @()',
    // Progress events (elevation/progress.ts): only when the elevation payload defined the
    // reporter; a batch run any other way (tests, the simulated PC) reports only at the end.
    '$WndReports = $false',
    'if ($null -ne (Get-Variable -Name WndProgress -ValueOnly -ErrorAction SilentlyContinue)) { $WndReports = $true }',
    'for ($WndIndex = 0; $WndIndex -lt $WndBodies.Count; $WndIndex++) {',
    '  $WndInput = $WndBatch.steps[$WndIndex].input',
    "  if ($WndReports) { & $WndProgress (ConvertTo-Json -Compress -Depth 12 -InputObject ([ordered]@{ step = $WndIndex; status = 'started' })) }",
    '  $WndStepError = $null',
    '  try {',
    '    $WndStepResult = & $WndBodies[$WndIndex]',
    '  } catch {',
    "    $WndStepError = [string]$_.Exception.PSObject.TypeNames[0] + ': ' + [string]$_.Exception.Message",
    '  }',
    '  if ($null -ne $WndStepError) {',
    '    $WndSteps += [ordered]@{ ok = $false; index = $WndIndex; error = $WndStepError }',
    "    if ($WndReports) { & $WndProgress (ConvertTo-Json -Compress -Depth 12 -InputObject ([ordered]@{ step = $WndIndex; status = 'failed'; data = $WndStepError })) }",
    '    break',
    '  }',
    '  $WndSteps += [ordered]@{ ok = $true; index = $WndIndex; result = $WndStepResult }',
    '  # Outside the try: when Node hung up this throws, and the batch stops before its next step.',
    "  if ($WndReports) { & $WndProgress (ConvertTo-Json -Compress -Depth 12 -InputObject ([ordered]@{ step = $WndIndex; status = 'done'; data = $WndStepResult })) }",
    '}',
    'return [ordered]@{ steps = @($WndSteps) }',
  ].join('\n')
  return composeScript({
    id: FIX_BATCH_SCRIPT_ID,
    body,
    prelude: catalog.prelude,
    input: { steps: steps.map((step) => ({ script: step.script, input: checkedInput(step) })) },
    ...(sentinel === undefined ? {} : { sentinel }),
  })
}
