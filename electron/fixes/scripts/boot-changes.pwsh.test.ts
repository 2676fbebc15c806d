/**
 * set-feature (DISM) and hypervisor-launch-auto (bcdedit), run for real with recorded DISM and
 * bcdedit runs: exact command lines, exit-code handling (DISM 3010 = done, restart required;
 * bcdedit 1 = failed), the OEM-decoded zh-CN bcdedit output, the allow-lists, and agreement with
 * fix-effects.ts. Win32_OptionalFeature.InstallState: 1 Enabled, 2 Disabled, 3 Absent
 * (https://learn.microsoft.com/windows/win32/cimwin32prov/win32-optionalfeature).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXABLE_FEATURES } from '../../../shared/repair/fix-scripts'
import { SCENARIOS } from '../../../shared/scenarios'
import { applyFix } from '../../simulated-pc/fix-effects'
import {
  callsOf,
  changingCalls,
  failureOf,
  recordedNative,
  runOnMachine,
  sourcesOf,
  stepResultOf,
  type FixMachine,
} from '../../powershell/test-support/fix-machine'
import { PwshHarness, type FakeWindows, type LanguageMode } from '../../powershell/test-support/pwsh-harness'

const NLS = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage'
const INSTALL_STATE = { Enabled: 1, Disabled: 2, Absent: 3 } as const
const NOW = new Date('2026-11-22T10:00:00.000Z')

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

const oem = (codePage: number | null): FixMachine => ({ registry: { [NLS]: codePage === null ? {} : { OEMCP: { kind: 'String', value: String(codePage) } } } })

function dismFake(feature: string, state: keyof typeof INSTALL_STATE | null, recording: string): FakeWindows {
  return {
    source: [...sourcesOf(['set-feature', recording]), 'https://learn.microsoft.com/windows/win32/cimwin32prov/win32-optionalfeature (Name, InstallState)'],
    env: { SystemRoot: 'C:\\Windows' },
    commands: {
      // A WQL filter that matches nothing returns no instance (no error).
      'Get-CimInstance': {
        rules:
          state === null
            ? [{ match: { ClassName: 'Win32_OptionalFeature' }, result: [] }]
            : [
                {
                  match: { ClassName: 'Win32_OptionalFeature', Filter: `Name='${feature}'` },
                  result: { Name: feature, InstallState: { $uint32: INSTALL_STATE[state] } },
                },
              ],
      },
      'Invoke-WndNative': { rules: [{ match: { FilePath: '*dism.exe' }, result: recordedNative('set-feature', recording) }] },
    },
  }
}

const setFeature = (input: unknown, fake: FakeWindows, mode: LanguageMode = 'FullLanguage') =>
  runOnMachine(harness, { fix: 'set-feature' }, input, fake, oem(437), mode)

describe('set-feature', () => {
  for (const feature of FIXABLE_FEATURES) {
    it(`enables ${feature} with /all /norestart and reports DISM's 3010 as done, restart required`, async () => {
      const result = await setFeature({ feature, enable: true }, dismFake(feature, 'Disabled', 'enable-3010'))
      const args = ['/online', '/enable-feature', `/featurename:${feature}`, '/all', '/norestart']
      expect(stepResultOf(result)).toEqual({ changed: true, rebootRequired: true, undo: null, detail: `dism.exe ${args.join(' ')}: exit code 3010.` })
      const native = callsOf(result, 'Invoke-WndNative')
      expect(native.map((c) => c.arguments['Arguments'])).toEqual([args])
      expect(native[0]?.arguments['FilePath']).toBe('C:\\Windows\\System32\\dism.exe')
    }, 120_000)
  }

  it('disables VirtualMachinePlatform without /all', async () => {
    const result = await setFeature({ feature: 'VirtualMachinePlatform', enable: false }, dismFake('VirtualMachinePlatform', 'Enabled', 'disable-3010'))
    expect(callsOf(result, 'Invoke-WndNative').map((c) => c.arguments['Arguments'])).toEqual([
      ['/online', '/disable-feature', '/featurename:VirtualMachinePlatform', '/norestart'],
    ])
    expect(stepResultOf(result).rebootRequired).toBe(true)
  }, 120_000)

  it('fails on DISM Error: 50 with its message', async () => {
    const result = await setFeature({ feature: 'VirtualMachinePlatform', enable: true }, dismFake('VirtualMachinePlatform', 'Disabled', 'error-50'))
    expect(failureOf(result).detail).toContain('failed with exit code 50:')
    expect(failureOf(result).detail).toContain('The operation is complete but VirtualMachinePlatform feature was not enabled.')
  }, 120_000)

  it('changes nothing when the feature already is as wanted', async () => {
    const result = await setFeature({ feature: 'VirtualMachinePlatform', enable: true }, dismFake('VirtualMachinePlatform', 'Enabled', 'enable-3010'))
    expect(stepResultOf(result)).toEqual({ changed: false, rebootRequired: false, undo: null, detail: 'VirtualMachinePlatform already is enabled.' })
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  it('refuses an Absent feature (InstallState 3) and a feature WMI does not list, without running DISM', async () => {
    for (const state of ['Absent', null] as const) {
      const result = await setFeature({ feature: 'VirtualMachinePlatform', enable: true }, dismFake('VirtualMachinePlatform', state, 'enable-3010'))
      expect(failureOf(result).detail).toContain('is not available on this Windows')
      expect(changingCalls(result)).toEqual([])
    }
  }, 120_000)

  const REFUSED: ReadonlyArray<readonly [string, unknown, string]> = [
    [
      'a feature outside the allow-list',
      { feature: 'Microsoft-Hyper-V-All', enable: true },
      "Feature 'Microsoft-Hyper-V-All' is not one this step may change.",
    ],
    ['another spelling (the allow-list is exact)', { feature: 'virtualmachineplatform', enable: true }, 'is not one this step may change'],
    ['a WQL injection', { feature: "VirtualMachinePlatform' OR Name='Microsoft-Hyper-V", enable: true }, 'is not one this step may change'],
    ['a DISM argument injection', { feature: 'VirtualMachinePlatform /featurename:Microsoft-Hyper-V', enable: true }, 'is not one this step may change'],
    ['enable as a string', { feature: 'VirtualMachinePlatform', enable: 'true' }, 'enable (true or false) is required.'],
    ['enable missing', { feature: 'VirtualMachinePlatform' }, 'enable (true or false) is required.'],
  ]
  for (const [what, input, message] of REFUSED) {
    it(`refuses ${what} before asking WMI or running DISM`, async () => {
      const result = await setFeature(input, dismFake('VirtualMachinePlatform', 'Disabled', 'enable-3010'))
      expect(failureOf(result).detail).toContain(message)
      expect(result.calls.map((c) => c.name)).toEqual([])
    }, 120_000)
  }

  it('is refused as restricted by policy in Constrained Language Mode before DISM runs', async () => {
    const result = await setFeature(
      { feature: 'VirtualMachinePlatform', enable: true },
      dismFake('VirtualMachinePlatform', 'Disabled', 'enable-3010'),
      'ConstrainedLanguage',
    )
    expect(failureOf(result).failure).toBe('constrained-language')
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  for (const scenario of SCENARIOS) {
    it(`agrees with fix-effects.ts on ${scenario.id}`, async () => {
      for (const feature of FIXABLE_FEATURES) {
        for (const enable of [true, false]) {
          const state = scenario.windows.features[feature] ?? 'Disabled'
          const recording = enable ? 'enable-3010' : 'disable-3010'
          const real = await setFeature({ feature, enable }, dismFake(feature, state, recording))
          const simulated = applyFix(scenario, 'set-feature', { feature, enable }, { now: NOW })
          if (simulated.ok) expect(stepResultOf(real), `${feature} ${enable}`).toEqual(simulated.result)
          else expect(failureOf(real).detail, `${feature} ${enable}`).toContain(simulated.error)
        }
      }
    }, 120_000)
  }
})

function bcdFake(enumRecording: string, setRecording: string | null): FakeWindows {
  return {
    source: sourcesOf(['hypervisor-launch-auto', enumRecording], ...(setRecording === null ? [] : [['hypervisor-launch-auto', setRecording] as const])),
    env: { SystemRoot: 'C:\\Windows' },
    commands: {
      'Invoke-WndNative': {
        rules: [
          { match: { FilePath: '*bcdedit.exe', _args: '/enum {current}' }, result: recordedNative('hypervisor-launch-auto', enumRecording) },
          ...(setRecording === null
            ? []
            : [
                {
                  match: { FilePath: '*bcdedit.exe', _args: '/set hypervisorlaunchtype auto' },
                  result: recordedNative('hypervisor-launch-auto', setRecording),
                },
              ]),
        ],
      },
    },
  }
}

const launchAuto = (fake: FakeWindows, codePage: number | null = 437, mode: LanguageMode = 'FullLanguage', input: unknown = null) =>
  runOnMachine(harness, { fix: 'hypervisor-launch-auto' }, input, fake, oem(codePage), mode)

describe('hypervisor-launch-auto', () => {
  it('sets hypervisorlaunchtype auto when bcdedit shows Off, restart required', async () => {
    const result = await launchAuto(bcdFake('enum-off', 'set-success'))
    expect(stepResultOf(result)).toEqual({
      changed: true,
      rebootRequired: true,
      undo: null,
      detail: 'bcdedit.exe /set hypervisorlaunchtype auto: exit code 0 (was Off).',
    })
    expect(callsOf(result, 'Invoke-WndNative').map((c) => [c.arguments['FilePath'], c.arguments['Arguments']])).toEqual([
      ['C:\\Windows\\System32\\bcdedit.exe', ['/enum', '{current}']],
      ['C:\\Windows\\System32\\bcdedit.exe', ['/set', 'hypervisorlaunchtype', 'auto']],
    ])
  }, 120_000)

  it('reads Off from a zh-CN bcdedit (localized headers, GBK bytes)', async () => {
    const result = await launchAuto(bcdFake('enum-off-zh-cn', 'set-success'), 936)
    expect(stepResultOf(result).detail).toContain('(was Off)')
  }, 120_000)

  it('changes nothing when the entry has no hypervisorlaunchtype (the default is Auto)', async () => {
    const result = await launchAuto(bcdFake('enum-not-set', null))
    expect(stepResultOf(result)).toEqual({ changed: false, rebootRequired: false, undo: null, detail: 'hypervisorlaunchtype already is Auto (not set).' })
    expect(callsOf(result, 'Invoke-WndNative')).toHaveLength(1)
  }, 120_000)

  it('fails with bcdedit exit code 1 and its message', async () => {
    const result = await launchAuto(bcdFake('enum-off', 'set-invalid'))
    expect(failureOf(result).detail).toContain('failed with exit code 1: The set command specified is not valid.')
  }, 120_000)

  it('refuses any input', async () => {
    const result = await launchAuto(bcdFake('enum-off', 'set-success'), 437, 'FullLanguage', { value: 'off' })
    expect(failureOf(result).detail).toContain('This step takes no input.')
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  it('is refused as restricted by policy in Constrained Language Mode before bcdedit runs', async () => {
    const result = await launchAuto(bcdFake('enum-off', 'set-success'), 437, 'ConstrainedLanguage')
    expect(failureOf(result).failure).toBe('constrained-language')
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  for (const scenario of SCENARIOS) {
    it(`agrees with fix-effects.ts on ${scenario.id}`, async () => {
      const off = scenario.host.hypervisorLaunchType === 'Off'
      const real = await launchAuto(bcdFake(off ? 'enum-off' : 'enum-not-set', 'set-success'))
      const simulated = applyFix(scenario, 'hypervisor-launch-auto', null, { now: NOW })
      expect(simulated.ok).toBe(true)
      const expected = simulated.ok ? simulated.result : null
      // The simulated PC has no "not set": its default is Auto, which bcdedit lists as no line.
      const detail = stepResultOf(real).detail?.replace('Auto (not set)', 'Auto')
      expect({ ...stepResultOf(real), detail }).toEqual(expected)
    }, 120_000)
  }
})
