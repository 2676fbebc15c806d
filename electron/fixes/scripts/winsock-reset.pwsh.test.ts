import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { applyFix } from '../../simulated-pc/fix-effects'
import { LANGUAGE_MODES, PwshHarness, type LanguageMode, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { forbiddenNative, loadRecorded, makeRoots, nativeCalls, setupCase } from '../../powershell/test-support/wsl-maintenance-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

async function reset(name: string, mode: LanguageMode, input: unknown = null): Promise<ScriptRun> {
  const roots = makeRoots()
  try {
    const setup = setupCase(loadRecorded('winsock-reset', name), roots)
    return await harness.run({ id: 'fix:winsock-reset', body: harness.catalog.fix('winsock-reset'), input, mode, ...setup })
  } finally {
    roots.dispose()
  }
}

describe.each(LANGUAGE_MODES)('winsock-reset.ps1 in %s', (mode) => {
  it('runs only netsh winsock reset and asks for a restart', async () => {
    const run = await reset('success', mode)
    expect(run.reading.kind === 'data' && run.reading.data).toEqual({
      changed: true,
      rebootRequired: true,
      undo: null,
      detail: 'netsh.exe winsock reset: exit code 0.',
    })
    expect(nativeCalls(run.calls)).toEqual([{ file: 'netsh.exe', args: ['winsock', 'reset'] }])
    expect(forbiddenNative(run.calls)).toEqual([])
  }, 120_000)

  it('fails with netsh output and exit code when not elevated', async () => {
    const run = await reset('not-elevated', mode)
    expect(run.reading).toMatchObject({
      kind: 'script-error',
      detail: expect.stringContaining('netsh.exe winsock reset failed with exit code 1: The requested operation requires elevation (Run as administrator).'),
    })
  }, 120_000)

  it('refuses any input', async () => {
    const run = await reset('success', mode, { also: 'int ip reset' })
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('This step takes no input.') })
    expect(nativeCalls(run.calls)).toEqual([])
  }, 120_000)

  it('agrees with the simulated PC', async () => {
    const scenario = SCENARIOS.find((s) => s.id === 'winsock-lsp-proxifier')
    expect(scenario).toBeDefined()
    const simulated = applyFix(scenario!, 'winsock-reset', {}, { now: new Date('2026-11-21T09:00:00Z') })
    const run = await reset('success', mode)
    expect(simulated.ok && simulated.result).toEqual(run.reading.kind === 'data' ? run.reading.data : null)
  }, 120_000)
})
