import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LANGUAGE_MODES, PwshHarness, type LanguageMode, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { loadRecorded, makeRoots, nativeCalls, setupCase } from '../../powershell/test-support/wsl-maintenance-fakes'
import { SCENARIOS } from '../../../shared/scenarios'
import { applyFix } from '../../simulated-pc/fix-effects'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

async function setDefault(name: string, input: unknown, mode: LanguageMode, encoding?: 'utf16le' | 'utf8'): Promise<ScriptRun> {
  const roots = makeRoots()
  try {
    const setup = setupCase(loadRecorded('wsl-set-default-version', name), roots, encoding === undefined ? {} : { encoding })
    return await harness.run({ id: 'fix:wsl-set-default-version', body: harness.catalog.fix('wsl-set-default-version'), input, mode, ...setup })
  } finally {
    roots.dispose()
  }
}

describe.each(LANGUAGE_MODES)('wsl-set-default-version.ps1 in %s', (mode) => {
  it('runs wsl --set-default-version 2 when the default was never set', async () => {
    const run = await setDefault('to-2-from-unset', { version: 2 }, mode)
    expect(run.reading.kind === 'data' && run.reading.data).toEqual({
      changed: true,
      rebootRequired: false,
      undo: null,
      detail: 'wsl.exe --set-default-version 2: exit code 0 (was unset).',
    })
    expect(nativeCalls(run.calls)).toEqual([{ file: 'wsl.exe', args: ['--set-default-version', '2'] }])
    expect(run.calls.find((c) => c.name === 'Get-ItemProperty')?.arguments).toMatchObject({
      Path: 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\Lxss',
      Name: 'DefaultVersion',
    })
  }, 120_000)

  it('changes nothing when DefaultVersion already is the wanted one', async () => {
    const run = await setDefault('already-2', { version: 2 }, mode)
    expect(run.reading.kind === 'data' && run.reading.data).toEqual({
      changed: false,
      rebootRequired: false,
      undo: null,
      detail: 'The default version already is 2.',
    })
    expect(nativeCalls(run.calls)).toEqual([])
  }, 120_000)

  it.each(['utf16le', 'utf8'] as const)(
    'fails with the decoded Chinese message when WSL 1 is not available (%s)',
    async (encoding) => {
      const run = await setDefault('wsl1-unsupported-zh-cn', { version: 1 }, mode, encoding)
      const detail = run.reading.kind === 'script-error' ? run.reading.detail : ''
      expect(detail).toContain('wsl.exe --set-default-version 1 failed with exit code -1:')
      expect(detail).toContain('若要使用 WSL1，请启用“Windows Subsystem for Linux”可选组件。')
    },
    120_000,
  )

  it.each([[null], [{}], [{ version: '2' }], [{ version: 0 }], [{ version: 2.5 }]])(
    'refuses %j before running anything',
    async (input) => {
      const run = await setDefault('to-2-from-unset', input, mode)
      expect(run.reading.kind).toBe('script-error')
      expect(nativeCalls(run.calls)).toEqual([])
    },
    120_000,
  )

  it('agrees with the simulated PC on a scenario without a default version', async () => {
    const scenario = SCENARIOS.find((s) => s.wsl.kind !== 'absent' && s.wsl.defaultVersion === null)
    if (scenario === undefined) return
    const simulated = applyFix(scenario, 'wsl-set-default-version', { version: 2 }, { now: new Date('2026-11-21T09:00:00Z') })
    const run = await setDefault('to-2-from-unset', { version: 2 }, mode)
    expect(simulated.ok && simulated.result).toEqual(run.reading.kind === 'data' ? run.reading.data : null)
  }, 120_000)
})
