import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StepResult } from '../../../shared/repair/step-result'
import { SCENARIOS } from '../../../shared/scenarios'
import { applyFix } from '../../simulated-pc/fix-effects'
import { LANGUAGE_MODES, PwshHarness } from '../../powershell/test-support/pwsh-harness'
import { forbiddenNative, loadRecorded, makeRoots, nativeCalls, setupCase } from '../../powershell/test-support/wsl-maintenance-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

describe.each(LANGUAGE_MODES)('wsl-shutdown.ps1 in %s', (mode) => {
  it('runs exactly wsl.exe --shutdown with WSL_UTF8=1 and returns one StepResult', async () => {
    const roots = makeRoots()
    try {
      const setup = setupCase(loadRecorded('wsl-shutdown', 'success'), roots)
      const run = await harness.run({ id: 'fix:wsl-shutdown', body: harness.catalog.fix('wsl-shutdown'), input: {}, mode, ...setup })
      expect(run.reading.kind).toBe('data')
      const result = StepResult.parse(run.reading.kind === 'data' ? run.reading.data : null)
      expect(result).toEqual({ changed: true, rebootRequired: false, undo: null, detail: 'wsl.exe --shutdown: exit code 0.' })
      expect(nativeCalls(run.calls)).toEqual([{ file: 'wsl.exe', args: ['--shutdown'] }])
      expect(run.calls.find((c) => c.name === 'Invoke-WndNative')?.arguments['Environment']).toEqual({ WSL_UTF8: '1' })
      expect(forbiddenNative(run.calls)).toEqual([])
    } finally {
      roots.dispose()
    }
  }, 120_000)

  it.each(['utf16le', 'utf8'] as const)(
    'fails with the decoded wsl.exe message and its exit code (%s output)',
    async (encoding) => {
      const roots = makeRoots()
      try {
        const setup = setupCase(loadRecorded('wsl-shutdown', 'service-disabled'), roots, { encoding })
        const run = await harness.run({ id: 'fix:wsl-shutdown', body: harness.catalog.fix('wsl-shutdown'), input: null, mode, ...setup })
        expect(run.reading).toMatchObject({ kind: 'script-error', failure: 'failed' })
        const detail = run.reading.kind === 'script-error' ? run.reading.detail : ''
        expect(detail).toContain('wsl.exe --shutdown failed with exit code -1: The service cannot be started')
        expect(detail).toContain('Error code: Wsl/0x80070422')
        expect(detail).not.toContain('\u0000')
      } finally {
        roots.dispose()
      }
    },
    120_000,
  )

  it('refuses any input and runs nothing', async () => {
    const roots = makeRoots()
    try {
      const setup = setupCase(loadRecorded('wsl-shutdown', 'success'), roots)
      const run = await harness.run({ id: 'fix:wsl-shutdown', body: harness.catalog.fix('wsl-shutdown'), input: { force: true }, mode, ...setup })
      expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('This step takes no input.') })
      expect(nativeCalls(run.calls)).toEqual([])
    } finally {
      roots.dispose()
    }
  }, 120_000)

  it('fails when wsl.exe is not installed, without running anything', async () => {
    const roots = makeRoots({ programs: [] })
    try {
      const setup = setupCase(loadRecorded('wsl-shutdown', 'success'), roots)
      const run = await harness.run({ id: 'fix:wsl-shutdown', body: harness.catalog.fix('wsl-shutdown'), input: {}, mode, ...setup })
      expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('wsl.exe not found.') })
      expect(nativeCalls(run.calls)).toEqual([])
    } finally {
      roots.dispose()
    }
  }, 120_000)

  it('answers as the simulated PC does for every scenario with WSL', async () => {
    const roots = makeRoots()
    try {
      const body = harness.catalog.fix('wsl-shutdown')
      const ok = await harness.run({ id: 'fix:wsl-shutdown', body, input: {}, mode, ...setupCase(loadRecorded('wsl-shutdown', 'success'), roots) })
      const disabled = await harness.run({
        id: 'fix:wsl-shutdown',
        body,
        input: {},
        mode,
        ...setupCase(loadRecorded('wsl-shutdown', 'service-disabled'), roots),
      })
      const failure = disabled.reading.kind === 'script-error' ? disabled.reading.detail : ''
      for (const scenario of SCENARIOS.filter((s) => s.wsl.kind !== 'absent')) {
        const simulated = applyFix(scenario, 'wsl-shutdown', {}, { now: new Date('2026-11-21T09:00:00Z') })
        // WSLService disabled: wsl.exe cannot reach the service (#9600); same message, one line.
        if (simulated.ok) expect(simulated.result, scenario.id).toEqual(ok.reading.kind === 'data' ? ok.reading.data : null)
        else expect(failure.replace(/\s+/g, ' '), scenario.id).toContain(simulated.error)
      }
    } finally {
      roots.dispose()
    }
  }, 120_000)
})
