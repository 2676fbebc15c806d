import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { StepResult } from '../../../shared/repair/step-result'
import { SCENARIOS } from '../../../shared/scenarios'
import { applyFix } from '../../simulated-pc/fix-effects'
import { LANGUAGE_MODES, PwshHarness, type LanguageMode, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { forbiddenNative, loadRecorded, makeRoots, nativeCalls, setupCase } from '../../powershell/test-support/wsl-maintenance-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

async function update(name: string, input: unknown, mode: LanguageMode, encoding?: 'utf16le' | 'utf8'): Promise<ScriptRun> {
  const roots = makeRoots()
  try {
    const setup = setupCase(loadRecorded('wsl-update', name), roots, { changesLike: '--update*', ...(encoding === undefined ? {} : { encoding }) })
    return await harness.run({ id: 'fix:wsl-update', body: harness.catalog.fix('wsl-update'), input, mode, ...setup })
  } finally {
    roots.dispose()
  }
}

const dataOf = (run: ScriptRun): StepResult => StepResult.parse(run.reading.kind === 'data' ? run.reading.data : run.reading)

describe.each(LANGUAGE_MODES)('wsl-update.ps1 in %s', (mode) => {
  it('updates through --web-download where the Microsoft Store is blocked, and sees the inbox WSL become 2.6.1.0', async () => {
    const run = await update('inbox-store-blocked', { preRelease: false }, mode)
    expect(dataOf(run)).toEqual({
      changed: true,
      rebootRequired: false,
      undo: null,
      detail: 'wsl.exe --update --web-download: exit code 0; version none -> 2.6.1.0.',
    })
    expect(nativeCalls(run.calls)).toEqual([
      { file: 'wsl.exe', args: ['--version'] },
      { file: 'wsl.exe', args: ['--update', '--web-download'] },
      { file: 'wsl.exe', args: ['--version'] },
    ])
    expect(forbiddenNative(run.calls)).toEqual([])
  }, 120_000)

  it('passes --pre-release only when asked', async () => {
    const run = await update('inbox-store-blocked', { preRelease: true }, mode)
    expect(nativeCalls(run.calls)[1]).toEqual({ file: 'wsl.exe', args: ['--update', '--web-download', '--pre-release'] })
  }, 120_000)

  it('detects a change of a Store (MSIX) install, which has no MSI version in the registry', async () => {
    const run = await update('msix-updated', { preRelease: false }, mode)
    expect(dataOf(run)).toMatchObject({ changed: true, detail: 'wsl.exe --update --web-download: exit code 0; version 0.70.5.0 -> 2.6.1.0.' })
  }, 120_000)

  it.each(['utf16le', 'utf8'] as const)(
    'reports no change when the current version already is installed (zh-CN, %s)',
    async (encoding) => {
      const run = await update('store-current-zh-cn', { preRelease: false }, mode, encoding)
      expect(dataOf(run)).toEqual({
        changed: false,
        rebootRequired: false,
        undo: null,
        detail: 'wsl.exe --update --web-download: exit code 0; version 2.6.1.0 -> 2.6.1.0.',
      })
    },
    120_000,
  )

  it('falls back to plain --update on an inbox wsl.exe that does not know --web-download', async () => {
    const run = await update('old-inbox-no-web-download', { preRelease: false }, mode)
    expect(nativeCalls(run.calls).map((c) => c.args.join(' '))).toEqual(['--version', '--update --web-download', '--update', '--version'])
    expect(dataOf(run)).toMatchObject({ changed: true, detail: 'wsl.exe --update: exit code 0; version none -> none.' })
  }, 120_000)

  it.each(['utf16le', 'utf8'] as const)(
    'fails with the decoded Chinese message of a failed MSI install (%s)',
    async (encoding) => {
      const run = await update('failed-zh-cn', { preRelease: false }, mode, encoding)
      expect(run.reading).toMatchObject({ kind: 'script-error', failure: 'failed' })
      const detail = run.reading.kind === 'script-error' ? run.reading.detail : ''
      expect(detail).toContain('wsl.exe --update --web-download failed with exit code -1:')
      expect(detail).toContain('更新失败(退出代码: 1603)。')
      expect(nativeCalls(run.calls).map((c) => c.args.join(' '))).toEqual(['--version', '--update --web-download'])
    },
    120_000,
  )

  it.each([[null], [{}], [{ preRelease: 'true' }], [{ preRelease: 1 }]])(
    'refuses input %j before running anything',
    async (input) => {
      const run = await update('inbox-store-blocked', input, mode)
      expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('preRelease (true or false) is required.') })
      expect(nativeCalls(run.calls)).toEqual([])
    },
    120_000,
  )

  it('agrees with the simulated PC on the inbox Windows 10 scenario', async () => {
    const scenario = SCENARIOS.find((s) => s.wsl.kind === 'inbox')
    expect(scenario).toBeDefined()
    const simulated = applyFix(scenario!, 'wsl-update', { preRelease: false }, { now: new Date('2026-11-21T09:00:00Z') })
    const run = await update('inbox-store-blocked', { preRelease: false }, mode)
    expect(simulated.ok && simulated.result).toEqual(dataOf(run))
  }, 120_000)
})
