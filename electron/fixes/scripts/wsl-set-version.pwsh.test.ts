import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { applyFix } from '../../simulated-pc/fix-effects'
import { LANGUAGE_MODES, PwshHarness, type LanguageMode, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import {
  forbiddenNative,
  loadRecorded,
  makeRoots,
  nativeCalls,
  scenarioWslCase,
  setupCase,
  type RecordedCase,
} from '../../powershell/test-support/wsl-maintenance-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

async function convert(recorded: RecordedCase, input: unknown, mode: LanguageMode, encoding?: 'utf16le' | 'utf8'): Promise<ScriptRun> {
  const roots = makeRoots()
  try {
    const setup = setupCase(recorded, roots, encoding === undefined ? {} : { encoding })
    return await harness.run({ id: 'fix:wsl-set-version', body: harness.catalog.fix('wsl-set-version'), input, mode, ...setup })
  } finally {
    roots.dispose()
  }
}

const HOSTILE = [
  '--unregister',
  '-Ubuntu',
  "Ubuntu'; Remove-Item C:\\",
  'Ubuntu --unregister',
  '$(calc)',
  'Ubuntu\u0000',
  'Ubuntu\u200b',
  '发行版',
  '',
  'a'.repeat(65),
]

describe.each(LANGUAGE_MODES)('wsl-set-version.ps1 in %s', (mode) => {
  it.each(['utf16le', 'utf8'] as const)(
    'converts a listed distribution with exactly wsl --set-version <distro> 1 (%s output)',
    async (encoding) => {
      const run = await convert(loadRecorded('wsl-set-version', 'to-1'), { distro: 'Ubuntu', version: 1 }, mode, encoding)
      expect(run.reading.kind === 'data' && run.reading.data).toEqual({
        changed: true,
        rebootRequired: false,
        undo: null,
        detail: 'Converted Ubuntu from WSL 2 to WSL 1.',
      })
      expect(nativeCalls(run.calls)).toEqual([
        { file: 'wsl.exe', args: ['--list', '--verbose'] },
        { file: 'wsl.exe', args: ['--set-version', 'Ubuntu', '1'] },
      ])
      expect(forbiddenNative(run.calls)).toEqual([])
    },
    120_000,
  )

  it('changes nothing when the distribution already uses the version', async () => {
    const run = await convert(loadRecorded('wsl-set-version', 'to-1'), { distro: 'Ubuntu', version: 2 }, mode)
    expect(run.reading.kind === 'data' && run.reading.data).toEqual({ changed: false, rebootRequired: false, undo: null, detail: 'Ubuntu already uses WSL 2.' })
    expect(nativeCalls(run.calls)).toHaveLength(1)
  }, 120_000)

  it.each(['utf16le', 'utf8'] as const)(
    'fails with the decoded Chinese message when WSL 1 is not available (%s)',
    async (encoding) => {
      const run = await convert(loadRecorded('wsl-set-version', 'to-1-unsupported-zh-cn'), { distro: 'Ubuntu', version: 1 }, mode, encoding)
      const detail = run.reading.kind === 'script-error' ? run.reading.detail : ''
      expect(detail).toContain('wsl.exe --set-version Ubuntu 1 failed with exit code -1:')
      expect(detail).toContain('当前计算机配置不支持 WSL1。')
    },
    120_000,
  )

  it('refuses a name wsl --list --verbose does not show (case matters)', async () => {
    const run = await convert(loadRecorded('wsl-set-version', 'to-1'), { distro: 'ubuntu', version: 1 }, mode)
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining("No distribution named 'ubuntu' is installed.") })
    expect(nativeCalls(run.calls)).toHaveLength(1)
  }, 120_000)

  it.each(HOSTILE.map((name) => [name]))(
    'refuses the name %j before running anything',
    async (distro) => {
      const run = await convert(loadRecorded('wsl-set-version', 'to-1'), { distro, version: 1 }, mode)
      expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('Not a distribution name') })
      expect(nativeCalls(run.calls)).toEqual([])
    },
    120_000,
  )

  it.each([[{ distro: 'Ubuntu', version: 3 }], [{ distro: 'Ubuntu', version: '1' }], [{ distro: 'Ubuntu' }]])(
    'refuses %j before running anything',
    async (input) => {
      const run = await convert(loadRecorded('wsl-set-version', 'to-1'), input, mode)
      expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('version must be 1 or 2.') })
      expect(nativeCalls(run.calls)).toEqual([])
    },
    120_000,
  )

  it('agrees with the simulated PC for every scenario distribution that converts', async () => {
    for (const scenario of SCENARIOS.filter((s) => s.wsl.kind !== 'absent' && s.windows.features['Microsoft-Windows-Subsystem-Linux'] === 'Enabled')) {
      for (const distro of scenario.wsl.distros) {
        const version = distro.version === 2 ? 1 : 2
        const recorded = scenarioWslCase(scenario, [
          {
            file: '*wsl.exe',
            args: `--set-version ${distro.name} ${version}`,
            exitCode: 0,
            stdout: 'The operation completed successfully. \r\n',
            encoding: 'utf8',
          },
        ])
        const simulated = applyFix(scenario, 'wsl-set-version', { distro: distro.name, version }, { now: new Date('2026-11-21T09:00:00Z') })
        const run = await convert(recorded, { distro: distro.name, version }, mode)
        if (simulated.ok) expect(run.reading.kind === 'data' && run.reading.data, `${scenario.id} ${distro.name}`).toEqual(simulated.result)
        else expect(run.reading.kind, `${scenario.id} ${distro.name}: ${simulated.error}`).toBe('script-error')
      }
    }
  }, 120_000)
})
