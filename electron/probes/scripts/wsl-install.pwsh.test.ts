/**
 * The real wsl-install.ps1 in PowerShell 7 (Full and Constrained Language Mode): registry, Appx
 * package and wsl.exe's raw output (passed through as bytes: UTF-8 with WSL_UTF8=1 on Store WSL,
 * UTF-16LE without BOM from the inbox wsl.exe). Recorded cases and every shipped scenario.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness, type FakeCall } from '../../powershell/test-support/pwsh-harness'
import { factOf, loadRecorded, wslInstallFake } from '../../powershell/test-support/system-probes-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

function nativeCalls(calls: readonly FakeCall[]) {
  return calls
    .filter((c) => c.name === 'Invoke-WndNative')
    .map((c) => ({ file: c.arguments.FilePath, args: c.arguments.Arguments, env: c.arguments.Environment }))
}

describe.each(LANGUAGE_MODES)('wsl-install.ps1 in %s', (mode) => {
  it('returns the Chinese `wsl --version` bytes unchanged, UTF-8 because WSL_UTF8=1 is asked for', async () => {
    const recorded = loadRecorded('wsl-install', 'zh-cn-store-utf8')
    const run = await harness.runProbe('wsl-install', recorded, mode)
    const fact = factOf('wsl-install', run)
    expect(fact).toMatchObject(recorded.expected ?? {})
    expect(Buffer.from(fact.versionOutput?.stdoutBase64 ?? '', 'base64').toString('utf8')).toContain('WSL 版本: 2.3.26.0')
    expect(nativeCalls(run.calls)).toEqual([
      { file: 'C:\\Windows\\System32\\wsl.exe', args: ['--version'], env: { WSL_UTF8: '1' } },
      { file: 'C:\\Windows\\System32\\wsl.exe', args: ['--list', '--verbose'], env: { WSL_UTF8: '1' } },
    ])
  }, 90_000)

  it('keeps the inbox wsl.exe usage output as UTF-16LE bytes with its non-zero exit', async () => {
    const recorded = loadRecorded('wsl-install', 'inbox-utf16-no-bom')
    const fact = factOf('wsl-install', await harness.runProbe('wsl-install', recorded, mode))
    expect(fact).toMatchObject(recorded.expected ?? {})
    expect(fact.versionOutput?.exitCode).toBe(-1)
    expect(Buffer.from(fact.versionOutput?.stdoutBase64 ?? '', 'base64').toString('utf16le')).toContain('Usage: wsl.exe')
  }, 90_000)

  it('runs no wsl.exe when it is not installed', async () => {
    const recorded = loadRecorded('wsl-install', 'wsl-absent')
    const run = await harness.runProbe('wsl-install', recorded, mode)
    expect(factOf('wsl-install', run)).toEqual(recorded.expected)
    expect(nativeCalls(run.calls)).toEqual([])
  }, 90_000)

  it('answers like the simulated PC for every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const fact = factOf('wsl-install', await harness.runProbe('wsl-install', wslInstallFake(scenario), mode))
      expect(fact, scenario.id).toEqual(probeResponse('wsl-install', scenario))
    }
  }, 180_000)
})
