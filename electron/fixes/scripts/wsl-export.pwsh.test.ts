import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
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
  type FakeRoots,
  type RecordedCase,
} from '../../powershell/test-support/wsl-maintenance-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

// wsl --export writes the tar it is given (argument 2).
const TAR = { argsLike: '--export *', pathIndex: 2, text: 'ustar-archive' }

async function exportDistro(
  recorded: RecordedCase,
  input: unknown,
  mode: LanguageMode,
  options: { readonly encoding?: 'utf16le' | 'utf8'; readonly writes?: boolean; readonly prepare?: (roots: FakeRoots) => void } = {},
): Promise<ScriptRun & { backups: string[] }> {
  const roots = makeRoots()
  try {
    options.prepare?.(roots)
    const setup = setupCase(recorded, roots, {
      writes: options.writes === false ? [] : [TAR],
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    })
    const run = await harness.run({ id: 'fix:wsl-export', body: harness.catalog.fix('wsl-export'), input, mode, ...setup })
    const folder = join(roots.profile, 'WslNetworkDoctor', 'backups')
    return { ...run, backups: existsSync(folder) ? readdirSync(folder) : [] }
  } finally {
    roots.dispose()
  }
}

describe.each(LANGUAGE_MODES)('wsl-export.ps1 in %s', (mode) => {
  it.each(['utf16le', 'utf8'] as const)(
    'exports a listed distribution into the profile backups folder (%s output)',
    async (encoding) => {
      const run = await exportDistro(loadRecorded('wsl-export', 'success'), { distro: 'Ubuntu' }, mode, { encoding })
      expect(run.reading.kind).toBe('data')
      const data = run.reading.kind === 'data' ? (run.reading.data as Record<string, unknown>) : {}
      expect(data).toMatchObject({ changed: true, rebootRequired: false, undo: null })
      expect(String(data['detail'])).toMatch(/^Exported Ubuntu to .*WslNetworkDoctor[\\/]backups[\\/]Ubuntu-\d{8}-\d{6}\.tar \(13 bytes\)\.$/)
      expect(run.backups).toEqual([expect.stringMatching(/^Ubuntu-\d{8}-\d{6}\.tar$/)])
      const calls = nativeCalls(run.calls)
      expect(calls[0]).toEqual({ file: 'wsl.exe', args: ['--list', '--quiet'] })
      expect(calls[1]?.args.slice(0, 2)).toEqual(['--export', 'Ubuntu'])
      expect(calls[1]?.args[2]).toMatch(/WslNetworkDoctor[\\/]backups[\\/]Ubuntu-\d{8}-\d{6}\.tar$/)
      expect(forbiddenNative(run.calls)).toEqual([])
    },
    120_000,
  )

  it('fails when wsl --export reports success but wrote nothing', async () => {
    const run = await exportDistro(loadRecorded('wsl-export', 'success'), { distro: 'Ubuntu' }, mode, { writes: false })
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('is missing or empty') })
  }, 120_000)

  it.each(['utf16le', 'utf8'] as const)(
    'fails with the decoded Chinese message of a failed export (%s)',
    async (encoding) => {
      const run = await exportDistro(loadRecorded('wsl-export', 'failed-zh-cn'), { distro: 'Ubuntu' }, mode, { encoding })
      const detail = run.reading.kind === 'script-error' ? run.reading.detail : ''
      expect(detail).toContain('wsl.exe --export Ubuntu failed with exit code -1:')
      expect(detail).toContain('导出分发失败。')
    },
    120_000,
  )

  it('refuses a name wsl --list --quiet does not list, before exporting', async () => {
    const run = await exportDistro(loadRecorded('wsl-export', 'success'), { distro: 'Debian' }, mode)
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining("No distribution named 'Debian' is installed.") })
    expect(nativeCalls(run.calls)).toHaveLength(1)
  }, 120_000)

  it.each([["Ubuntu'; rm -rf /"], ['..\\..\\Windows'], ['Ubuntu C:\\x.tar'], ['-'], ['发行版'], ['']])(
    'refuses the name %j before running anything',
    async (distro) => {
      const run = await exportDistro(loadRecorded('wsl-export', 'success'), { distro }, mode)
      expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('Not a distribution name') })
      expect(nativeCalls(run.calls)).toEqual([])
    },
    120_000,
  )

  it('never overwrites an existing backup', async () => {
    const now = new Date()
    const pad = (n: number) => String(n).padStart(2, '0')
    // The script names the file by the local time of the same second; pre-create the next seconds too.
    const names = [0, 1, 2].map((d) => {
      const t = new Date(now.getTime() + d * 1000)
      return `Ubuntu-${t.getFullYear()}${pad(t.getMonth() + 1)}${pad(t.getDate())}-${pad(t.getHours())}${pad(t.getMinutes())}${pad(t.getSeconds())}.tar`
    })
    const run = await exportDistro(loadRecorded('wsl-export', 'success'), { distro: 'Ubuntu' }, mode, {
      prepare: (roots) => {
        const folder = join(roots.profile, 'WslNetworkDoctor', 'backups')
        mkdirSync(folder, { recursive: true })
        for (const name of names) writeFileSync(join(folder, name), 'old')
      },
    })
    expect(run.reading).toMatchObject({ kind: 'script-error', detail: expect.stringContaining('already exists; refused to overwrite it.') })
    expect(nativeCalls(run.calls).map((c) => c.args[0])).toEqual(['--list'])
  }, 120_000)

  it('agrees with the simulated PC for every scenario distribution', async () => {
    for (const scenario of SCENARIOS.filter((s) => s.wsl.kind !== 'absent')) {
      for (const distro of scenario.wsl.distros) {
        const recorded = scenarioWslCase(scenario, [{ file: '*wsl.exe', args: `--export ${distro.name} *`, exitCode: 0, stdout: '', encoding: 'utf8' }])
        const simulated = applyFix(scenario, 'wsl-export', { distro: distro.name }, { now: new Date('2026-11-21T09:00:00Z') })
        const run = await exportDistro(recorded, { distro: distro.name }, mode)
        if (!simulated.ok) {
          expect(run.reading.kind, `${scenario.id}: ${simulated.error}`).toBe('script-error')
          continue
        }
        const data = run.reading.kind === 'data' ? (run.reading.data as Record<string, unknown>) : null
        // The path differs (the scenario's profile vs the test's) and the script adds the size.
        expect({ ...simulated.result, detail: null }, scenario.id).toEqual(data && { ...data, detail: null })
      }
    }
  }, 120_000)
})
