/**
 * The restart helpers, run for real: boot-time (Win32_OperatingSystem.LastBootUpTime, a DateTime,
 * https://learn.microsoft.com/windows/win32/cimwin32prov/win32-operatingsystem), register-resume
 * (HKCU RunOnce with the "!" prefix, https://learn.microsoft.com/windows/win32/setupapi/run-and-runonce-registry-keys)
 * and restart-computer (shutdown.exe /r /t 5 /d p:4:1,
 * https://learn.microsoft.com/windows-server/administration/windows-commands/shutdown). All three
 * are unelevated and must work in Constrained Language Mode too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DEFAULT_LAST_BOOT } from '../../simulated-pc/fix-effects'
import { callsOf, changingCalls, failureOf, recordedNative, registryValue, runOnMachine, sourcesOf } from '../../powershell/test-support/fix-machine'
import { LANGUAGE_MODES, PwshHarness, type FakeWindows } from '../../powershell/test-support/pwsh-harness'

const RUN_ONCE = 'HKCU:\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce'
const EXE = 'C:\\Users\\Mei\\AppData\\Local\\Programs\\WSL Network Doctor\\WSL Network Doctor.exe'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

const NONE: FakeWindows = { source: 'no recorded output needed', commands: {} }

describe.each(LANGUAGE_MODES)('restart helpers in %s', (mode) => {
  it('boot-time returns LastBootUpTime as an ISO UTC time that matches the simulated PC’s instant', async () => {
    const fake: FakeWindows = {
      source: 'https://learn.microsoft.com/windows/win32/cimwin32prov/win32-operatingsystem (LastBootUpTime: datetime)',
      commands: {
        'Get-CimInstance': { rules: [{ match: { ClassName: 'Win32_OperatingSystem' }, result: { LastBootUpTime: { $datetime: DEFAULT_LAST_BOOT } } }] },
      },
    }
    const result = await runOnMachine(harness, { helper: 'boot-time' }, null, fake, {}, mode)
    expect(result.reading.kind).toBe('data')
    const data = z.object({ lastBootUpTime: z.string() }).parse(result.reading.kind === 'data' ? result.reading.data : null)
    // 'o' format: 7 fraction digits ("...00.0000000Z"); the simulated PC writes "...00.000Z". The
    // app only compares a value with a later one of the same source, so both stay consistent.
    expect(data.lastBootUpTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
    expect(Date.parse(data.lastBootUpTime)).toBe(Date.parse(DEFAULT_LAST_BOOT))
  }, 120_000)

  it('register-resume writes the !-prefixed RunOnce value for an existing .exe, creating the key', async () => {
    const result = await runOnMachine(harness, { helper: 'register-resume' }, { exePath: EXE }, NONE, { registry: {}, files: [EXE] }, mode)
    expect(result.reading).toMatchObject({ kind: 'data', data: { registered: true, command: `"${EXE}" --resume` } })
    expect(callsOf(result, 'New-Item').map((c) => c.arguments)).toEqual([{ Path: RUN_ONCE, Force: true }])
    expect(callsOf(result, 'Set-ItemProperty').map((c) => c.arguments)).toEqual([
      { LiteralPath: RUN_ONCE, Name: '!WslNetworkDoctorResume', Value: `"${EXE}" --resume`, Type: 'String' },
    ])
    expect(registryValue(result.state, RUN_ONCE, '!WslNetworkDoctorResume')).toEqual({ kind: 'String', value: `"${EXE}" --resume` })
  }, 120_000)

  const BAD: ReadonlyArray<readonly [string, unknown]> = [
    ['a missing file', { exePath: 'C:\\Program Files\\Nothing\\app.exe' }],
    ['a relative path', { exePath: 'app.exe' }],
    ['a UNC path', { exePath: '\\\\server\\share\\app.exe' }],
    ['a batch file', { exePath: 'C:\\Temp\\run.bat' }],
    ['a quote that would end the command', { exePath: `C:\\Temp\\a.exe" --evil "x.exe` }],
    ['no path', {}],
  ]
  for (const [what, input] of BAD) {
    it(`register-resume refuses ${what} and writes nothing`, async () => {
      const result = await runOnMachine(
        harness,
        { helper: 'register-resume' },
        input,
        NONE,
        { registry: {}, files: [`C:\\Temp\\a.exe" --evil "x.exe`, 'C:\\Temp\\run.bat'] },
        mode,
      )
      expect(failureOf(result).detail).toContain('not an installed executable')
      expect(changingCalls(result)).toEqual([])
    }, 120_000)
  }

  it('restart-computer runs shutdown.exe /r /t 5 /d p:4:1', async () => {
    const fake: FakeWindows = {
      source: sourcesOf(['restart-computer', 'shutdown-ok']),
      env: { SystemRoot: 'C:\\Windows' },
      commands: { 'Invoke-WndNative': { rules: [{ match: { FilePath: '*shutdown.exe' }, result: recordedNative('restart-computer', 'shutdown-ok') }] } },
    }
    const result = await runOnMachine(harness, { helper: 'restart-computer' }, null, fake, {}, mode)
    expect(result.reading).toMatchObject({ kind: 'data', data: { restarting: true } })
    expect(callsOf(result, 'Invoke-WndNative').map((c) => [c.arguments['FilePath'], c.arguments['Arguments']])).toEqual([
      ['C:\\Windows\\System32\\shutdown.exe', ['/r', '/t', '5', '/d', 'p:4:1']],
    ])
  }, 120_000)

  it('restart-computer fails when shutdown.exe refuses (1190: a shutdown is already scheduled)', async () => {
    const fake: FakeWindows = {
      source: sourcesOf(['restart-computer', 'shutdown-in-progress-1190']),
      env: { SystemRoot: 'C:\\Windows' },
      commands: {
        'Invoke-WndNative': { rules: [{ match: { FilePath: '*shutdown.exe' }, result: recordedNative('restart-computer', 'shutdown-in-progress-1190') }] },
      },
    }
    const result = await runOnMachine(harness, { helper: 'restart-computer' }, null, fake, {}, mode)
    expect(failureOf(result).detail).toContain('shutdown.exe exited with 1190')
  }, 120_000)
})
