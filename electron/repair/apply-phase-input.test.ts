import { describe, expect, it, vi } from 'vitest'
import type { FixPlan } from '../../shared/repair/fix-plan'
import { applyPhase, type RepairDeps } from './apply-phase'
import type { Journal } from './journal'

describe('applyPhase and the script registry', () => {
  it.each([
    [
      'an elevated step',
      [{ script: 'service-start-type', elevated: true, input: { name: 'Dnscache', startType: 'manual' } }],
      /service-start-type: input refused/,
    ],
    [
      'an unelevated step after a valid one',
      [
        { script: 'wsl-shutdown', elevated: false, input: {} },
        { script: 'wsl-export', elevated: false, input: { distro: '-Ubuntu' } },
      ],
      /wsl-export: input refused/,
    ],
  ])('refuses %s its script would refuse before the journal, UAC or any script', async (_name, planned, error) => {
    const put = vi.fn(() => Promise.resolve())
    const elevate = vi.fn()
    const run = vi.fn()
    const deps = {
      host: { kind: 'windows', run, dispose: vi.fn() },
      elevator: { runElevated: elevate },
      catalog: { prelude: '', probe: vi.fn(), fix: vi.fn(() => 'return $null'), helper: vi.fn() },
      journal: { put, stamp: () => '2026-12-03T00:00:00.000Z' } as unknown as Journal,
      newId: () => 'entry-1',
    } as unknown as RepairDeps
    const plan = {
      fixId: 'enable-wslservice',
      phases: [
        {
          steps: planned.map((step) => ({ ...step, describe: { key: `step.${step.script}`, args: {} }, command: '' })),
          rebootAfter: false,
        },
      ],
    } as unknown as FixPlan
    await expect(applyPhase(deps, plan, 0, () => undefined)).rejects.toThrow(error)
    expect(put).not.toHaveBeenCalled()
    expect(elevate).not.toHaveBeenCalled()
    expect(run).not.toHaveBeenCalled()
  })
})
