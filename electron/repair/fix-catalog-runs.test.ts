import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FixId } from '../../shared/diagnosis/fix-ids'
import type { Channel, Input, Output } from '../../shared/ipc/contract'
import { FIX_CATALOG } from '../../shared/repair/catalog'
import type { PlannedStep } from '../../shared/repair/fix-plan'
import { FIX_SCRIPTS, fixScriptCommand, parseFixScriptInput } from '../../shared/repair/fix-scripts'
import { SCENARIOS } from '../../shared/scenarios'
import { createSimulatedRuntime } from '../simulated-pc/simulated-runtime'
import { createFsScriptCatalog } from '../probes/fs-script-catalog'
import { composeBatchScript, composeStepScript } from './compose-fix-script'

const fixtures = join(__dirname, '__fixtures__')
const update = process.env['WND_UPDATE_FIXTURES'] === '1'

async function tryOn(scenarioId: string, fixId: FixId) {
  const runtime = createSimulatedRuntime({ scenarioId, latencyScale: 0 })
  const call = async <C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> => {
    const result = await runtime.dispatch(channel, { frameUrl: null, isMainFrame: true }, input, () => undefined)
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.detail ?? ''}`)
    return result.value as Output<C>
  }
  await call('scan:run', { scanId: 'scan-00000001', allowWslStart: true })
  const first = await call('fix:plan', { fixId, options: {} })
  if (!first.available) return null
  const outcomes: Output<'fix:apply'>[] = []
  for (let phase = 0; phase < first.plan.phases.length; phase++) {
    const p = await call('fix:plan', { fixId, options: {}, phase })
    if (!p.available) throw new Error(`${fixId} phase ${phase} unavailable`)
    const outcome = await call('fix:apply', { fixId, options: {}, phase, digest: p.digest })
    outcomes.push(outcome)
    if (outcome.status !== 'completed') break
    if (outcome.rebootRequired) {
      runtime.host.reboot()
      await call('scan:run', { scanId: `scan-0000000${phase + 2}`, allowWslStart: true })
    }
  }
  return { plan: first.plan, outcomes, runtime }
}

describe('every fix in the catalog runs on a simulated PC', () => {
  for (const fix of FIX_CATALOG) {
    it(fix.id, async () => {
      for (const scenario of SCENARIOS) {
        const run = await tryOn(scenario.id, fix.id)
        if (run === null) continue
        expect(
          run.outcomes.map((o) => o.status),
          `${fix.id} on ${scenario.id}`,
        ).toEqual(run.plan.phases.map(() => 'completed'))
        return
      }
      throw new Error(`no shipped scenario where ${fix.id} can be applied`)
    })
  }
})

describe('the exact commands and elevated scripts fixes produce (fixtures)', () => {
  const catalog = createFsScriptCatalog(join(__dirname, '..'))

  // Every fix on every shipped scenario through the real handlers: seconds, more on a busy CI machine.
  it("pins every plan's steps: script, elevation, input and shown command", async () => {
    const pinned: Record<string, unknown> = {}
    for (const fix of FIX_CATALOG) {
      for (const scenario of SCENARIOS) {
        const runtime = createSimulatedRuntime({ scenarioId: scenario.id, latencyScale: 0 })
        await runtime.dispatch('scan:run', { frameUrl: null, isMainFrame: true }, { scanId: 'scan-00000001', allowWslStart: true }, () => undefined)
        const response = await runtime.dispatch('fix:plan', { frameUrl: null, isMainFrame: true }, { fixId: fix.id, options: {} }, () => undefined)
        if (!response.ok || !(response.value as Output<'fix:plan'>).available) continue
        const plan = (response.value as Extract<Output<'fix:plan'>, { available: true }>).plan
        pinned[fix.id] = {
          scenario: scenario.id,
          steps: plan.phases.flatMap((phase) => phase.steps).map((s) => ({ script: s.script, elevated: s.elevated, input: s.input, command: s.command })),
        }
        break
      }
    }
    compareFixture('plans.json', `${JSON.stringify(pinned, null, 2)}\n`)
  }, 60_000)

  it('pins the one elevated script of enable-sharedaccess and of toggle-vmp (part 2)', () => {
    const sharedAccess = FIX_CATALOG.find((f) => f.id === 'enable-sharedaccess')!
    void sharedAccess
    const batch = composeBatchScript(
      [
        {
          script: 'service-start-type',
          elevated: true,
          input: { name: 'SharedAccess', startType: 'manual' },
          describe: { key: 'step.service-start-type', args: {} },
          command: '',
        },
      ],
      catalog,
      'WND-RESULT-0000000000000000:',
    )
    compareFixture('enable-sharedaccess.elevated.ps1.txt', batch.text)
    const toggle = composeBatchScript(
      [
        {
          script: 'set-feature',
          elevated: true,
          input: { feature: 'VirtualMachinePlatform', enable: true },
          describe: { key: 'step.enable-feature', args: {} },
          command: '',
        },
      ],
      catalog,
      'WND-RESULT-0000000000000000:',
    )
    compareFixture('toggle-vmp-part2.elevated.ps1.txt', toggle.text)
  })

  it('passes hostile data only inside one quote-free JSON literal, never as script text', () => {
    // Data the registry lets through (a path is any string; a restore-point description any printable ASCII).
    const hostile = `C:\\Users\\a"; Remove-Item -Recurse C:\\ ; $(calc) '@ \u2019 发行版\\.wslconfig`
    const unelevated = {
      script: 'undo-restore-file' as const,
      elevated: false,
      input: { path: hostile, previousBase64: null },
      describe: { key: 'step.undo-restore-file', args: {} },
      command: '',
    }
    const elevated = {
      script: 'restore-point' as const,
      elevated: true,
      input: { description: `x"; Remove-Item -Recurse C:\\ ; $(calc) '@` },
      describe: { key: 'step.restore-point', args: {} },
      command: '',
    }
    for (const text of [composeStepScript(unelevated, catalog).text, composeBatchScript([elevated], catalog).text]) {
      const literals = [...text.matchAll(/ConvertFrom-Json '([^']*)'/g)].map((match) => match[1] ?? '')
      expect(literals).toHaveLength(1)
      expect(literals[0]).toMatch(/^[\x20-\x26\x28-\x7e]*$/)
      expect(JSON.stringify(JSON.parse(literals[0] ?? ''))).toContain('Remove-Item')
      const outside = text.replace(/ConvertFrom-Json '[^']*'/g, '')
      expect(outside).not.toContain('calc')
      expect(outside).not.toContain('发行版')
    }
  })

  it('every pinned step is one its script accepts, showing exactly the command its registry entry derives', () => {
    const pinned = JSON.parse(readFileSync(join(fixtures, 'plans.json'), 'utf8')) as Record<string, { steps: PlannedStep[] }>
    const steps = Object.values(pinned).flatMap((entry) => entry.steps)
    expect(steps.length).toBeGreaterThan(20)
    for (const step of steps) {
      expect(parseFixScriptInput(step.script, step.input), `${step.script} ${JSON.stringify(step.input)}`).toMatchObject({ ok: true })
      expect(step.command).toBe(fixScriptCommand(step.script, step.input as never))
      expect(step.elevated).toBe(FIX_SCRIPTS[step.script].elevated)
    }
  })

  it('refuses to compose a step whose input its script would refuse (registry allow-list)', () => {
    const step = {
      script: 'wsl-export' as const,
      elevated: false,
      input: { distro: 'Ubuntu"; Remove-Item C:\\' },
      describe: { key: 'step.wsl-export', args: {} },
      command: '',
    }
    expect(() => composeStepScript(step, catalog)).toThrow(/wsl-export: input refused/)
    const service = { ...step, script: 'service-start-type' as const, elevated: true, input: { name: 'WSLService', startType: 'boot' } }
    expect(() => composeBatchScript([service], catalog)).toThrow(/service-start-type: input refused/)
  })
})

function compareFixture(name: string, actual: string): void {
  const path = join(fixtures, name)
  if (update || !existsSync(path)) {
    mkdirSync(fixtures, { recursive: true })
    writeFileSync(path, actual)
  }
  expect(actual).toBe(readFileSync(path, 'utf8'))
}
