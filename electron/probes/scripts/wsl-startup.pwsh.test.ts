/**
 * The real wsl-startup.ps1 in PowerShell 7 (Full and Constrained Language Mode): the distro list
 * before the start, the start itself and `wslinfo --networking-mode` only after a successful start,
 * all with WSL_UTF8=1, bytes passed through. Recorded zh-CN cases and every shipped scenario.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness } from '../../powershell/test-support/pwsh-harness'
import { factOf, loadRecorded, wslStartupFake } from '../../powershell/test-support/system-probes-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

const WSL = 'C:\\Windows\\System32\\wsl.exe'

describe.each(LANGUAGE_MODES)('wsl-startup.ps1 in %s', (mode) => {
  it('keeps the Chinese `wsl: ` warning on stderr and asks wslinfo for the mode after the start', async () => {
    const run = await harness.runProbe('wsl-startup', loadRecorded('wsl-startup', 'zh-cn-mirrored-fallback-utf8'), mode)
    const fact = factOf('wsl-startup', run)
    expect(Buffer.from(fact.startOutput.stderrBase64, 'base64').toString('utf8')).toBe('wsl: Windows 版本 10.0.22000 没有所需的功能\r\n')
    expect(Buffer.from(fact.networkingModeOutput?.stdoutBase64 ?? '', 'base64').toString('utf8')).toBe('nat\n')
    const calls = run.calls.filter((c) => c.name === 'Invoke-WndNative').map((c) => [c.arguments.FilePath, c.arguments.Arguments, c.arguments.Environment])
    expect(calls).toEqual([
      [WSL, ['--list', '--verbose'], { WSL_UTF8: '1' }],
      [WSL, ['--exec', 'true'], { WSL_UTF8: '1' }],
      [WSL, ['--exec', 'wslinfo', '--networking-mode'], { WSL_UTF8: '1' }],
    ])
  }, 90_000)

  it('returns the UTF-16LE Chinese start error untouched and does not run wslinfo after a failed start', async () => {
    const run = await harness.runProbe('wsl-startup', loadRecorded('wsl-startup', 'zh-cn-virtualization-off-utf16'), mode)
    const fact = factOf('wsl-startup', run)
    expect(fact.startOutput.exitCode).toBe(-1)
    expect(Buffer.from(fact.startOutput.stdoutBase64, 'base64').toString('utf16le')).toContain(
      '错误代码: Wsl/Service/CreateInstance/CreateVm/HCS/HCS_E_HYPERV_NOT_INSTALLED',
    )
    expect(fact.networkingModeOutput).toBeNull()
    expect(run.calls.filter((c) => c.name === 'Invoke-WndNative')).toHaveLength(2)
  }, 90_000)

  it('answers like the simulated PC for every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const fact = factOf('wsl-startup', await harness.runProbe('wsl-startup', wslStartupFake(scenario), mode))
      expect(fact, scenario.id).toEqual(probeResponse('wsl-startup', scenario))
    }
  }, 180_000)
})
