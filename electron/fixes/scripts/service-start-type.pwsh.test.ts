/**
 * service-start-type, run for real against a fake registry and recorded sc.exe runs: the exact
 * `sc.exe config <name> start= <type>` command line, the Start value read before and after
 * (HKLM\SYSTEM\CurrentControlSet\Services\<name>\Start: 2 auto, 3 demand, 4 disabled,
 * https://learn.microsoft.com/windows-hardware/drivers/install/inf-addservice-directive), sc.exe's
 * Win32 exit codes, the undo record and the allow-lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXABLE_SERVICES } from '../../../shared/repair/fix-scripts'
import { SCENARIOS } from '../../../shared/scenarios'
import { servicesOf } from '../../simulated-pc/default-services'
import { applyFix } from '../../simulated-pc/fix-effects'
import {
  callsOf,
  changingCalls,
  failureOf,
  recordedNative,
  registryValue,
  runOnMachine,
  sourcesOf,
  stepResultOf,
  type FixMachine,
} from '../../powershell/test-support/fix-machine'
import { LANGUAGE_MODES, PwshHarness, type FakeWindows, type LanguageMode } from '../../powershell/test-support/pwsh-harness'

const START = { automatic: 2, manual: 3, disabled: 4 } as const
const SC_NAMES = { automatic: 'auto', manual: 'demand', disabled: 'disabled' } as const
const NLS = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage'
const serviceKey = (name: string): string => `HKLM:\\SYSTEM\\CurrentControlSet\\Services\\${name}`

function scFake(recording: string): FakeWindows {
  return {
    source: sourcesOf(['service-start-type', recording]),
    env: { SystemRoot: 'C:\\Windows' },
    commands: { 'Invoke-WndNative': { rules: [{ match: { FilePath: '*sc.exe' }, result: recordedNative('service-start-type', recording) }] } },
  }
}

/** A service with a Start value; sc.exe rewrites it when `applies` (what the SCM does). */
function machine(name: string, start: number | null, target: keyof typeof START, options: { applies?: boolean; oemcp?: number } = {}): FixMachine {
  const values: Record<string, { kind: 'DWord' | 'String'; value: unknown }> = {}
  if (start !== null) values['Start'] = { kind: 'DWord', value: { $uint32: start } }
  return {
    registry: {
      [serviceKey(name)]: values,
      [NLS]: options.oemcp === undefined ? {} : { OEMCP: { kind: 'String', value: String(options.oemcp) } },
    },
    nativeEffects:
      options.applies === false
        ? []
        : [
            {
              match: { FilePath: '*sc.exe', _args: `config ${name} start= ${SC_NAMES[target]}` },
              set: [{ path: serviceKey(name), name: 'Start', kind: 'DWord', value: { $uint32: START[target] } }],
            },
          ],
  }
}

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

const run = (input: unknown, fake: FakeWindows, fakeMachine: FixMachine, mode: LanguageMode) =>
  runOnMachine(harness, { fix: 'service-start-type' }, input, fake, fakeMachine, mode)

describe('service-start-type in Full Language', () => {
  const mode = 'FullLanguage'

  for (const name of FIXABLE_SERVICES) {
    it(`sets ${name} from disabled to manual with sc.exe config ${name} start= demand and records disabled for the undo`, async () => {
      const result = await run({ name, startType: 'manual' }, scFake('config-success'), machine(name, 4, 'manual'), mode)
      expect(stepResultOf(result)).toEqual({
        changed: true,
        rebootRequired: false,
        undo: { kind: 'restore-service-start', name, startType: 'disabled' },
        detail: `sc.exe config ${name} start= demand: exit code 0 (was disabled).`,
      })
      const native = callsOf(result, 'Invoke-WndNative')
      expect(native.map((c) => c.arguments['Arguments'])).toEqual([['config', name, 'start=', 'demand']])
      expect(String(native[0]?.arguments['FilePath'])).toBe('C:\\Windows\\System32\\sc.exe')
      expect(registryValue(result.state, serviceKey(name), 'Start')?.value).toBe(3)
    }, 120_000)
  }

  it('puts a previous start type back for the journal (automatic = sc.exe start= auto)', async () => {
    const result = await run({ name: 'WSLService', startType: 'automatic' }, scFake('config-success'), machine('WSLService', 3, 'automatic'), mode)
    expect(callsOf(result, 'Invoke-WndNative').map((c) => c.arguments['Arguments'])).toEqual([['config', 'WSLService', 'start=', 'auto']])
    expect(stepResultOf(result).undo).toEqual({ kind: 'restore-service-start', name: 'WSLService', startType: 'manual' })
  }, 120_000)

  it('changes nothing when the service already starts that way', async () => {
    const result = await run({ name: 'SharedAccess', startType: 'manual' }, scFake('config-success'), machine('SharedAccess', 3, 'manual'), mode)
    expect(stepResultOf(result)).toEqual({ changed: false, rebootRequired: false, undo: null, detail: 'SharedAccess already starts as manual.' })
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  it('refuses a service that is not installed (no Start value) without running sc.exe', async () => {
    const result = await run({ name: 'WSLService', startType: 'manual' }, scFake('config-success'), machine('WSLService', null, 'manual'), mode)
    expect(failureOf(result).detail).toContain('Service WSLService is not installed')
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  it('fails with sc.exe exit code 1060 and its message', async () => {
    const result = await run(
      { name: 'WSLService', startType: 'manual' },
      scFake('openservice-1060'),
      machine('WSLService', 4, 'manual', { applies: false }),
      mode,
    )
    expect(failureOf(result).detail).toContain('failed with exit code 1060: [SC] OpenService FAILED 1060:')
    expect(failureOf(result).detail).toContain('The specified service does not exist as an installed service.')
  }, 120_000)

  it('decodes a zh-CN sc.exe message in the OEM code page 936', async () => {
    const result = await run(
      { name: 'WSLService', startType: 'manual' },
      scFake('openservice-1060-zh-cn'),
      machine('WSLService', 4, 'manual', { applies: false, oemcp: 936 }),
      mode,
    )
    expect(failureOf(result).detail).toContain('[SC] OpenService \u5931\u8d25 1060:')
    expect(failureOf(result).detail).toContain('\u6307\u5b9a\u7684\u670d\u52a1\u672a\u5b89\u88c5')
  }, 120_000)

  it('fails with exit code 1072 when the service is marked for deletion', async () => {
    const result = await run(
      { name: 'SharedAccess', startType: 'manual' },
      scFake('marked-for-deletion-1072'),
      machine('SharedAccess', 4, 'manual', { applies: false }),
      mode,
    )
    expect(failureOf(result).detail).toContain('exit code 1072')
  }, 120_000)

  it('does not trust exit code 0 when the Start value did not change', async () => {
    const result = await run(
      { name: 'WSLService', startType: 'manual' },
      scFake('config-success'),
      machine('WSLService', 4, 'manual', { applies: false }),
      mode,
    )
    expect(failureOf(result).detail).toContain('sc.exe reported success but WSLService still starts as disabled.')
  }, 120_000)

  const REFUSED: ReadonlyArray<readonly [string, unknown, string]> = [
    ['a service outside the allow-list', { name: 'LxssManager', startType: 'manual' }, "Service 'LxssManager' is not one this step may change."],
    [
      'another spelling of an allowed name (the allow-list is exact)',
      { name: 'wslservice', startType: 'manual' },
      "Service 'wslservice' is not one this step may change.",
    ],
    ['a hostile name', { name: 'WSLService start= disabled & sc delete WSLService', startType: 'manual' }, 'is not one this step may change'],
    ['an sc.exe start word instead of ours', { name: 'WSLService', startType: 'demand' }, "Start type 'demand' is not allowed."],
    ['boot', { name: 'WSLService', startType: 'boot' }, "Start type 'boot' is not allowed."],
    ['an upper-case start type', { name: 'WSLService', startType: 'Manual' }, "Start type 'Manual' is not allowed."],
    ['no input', null, 'name and startType are required.'],
  ]
  for (const [what, input, message] of REFUSED) {
    it(`refuses ${what} before reading or running anything`, async () => {
      const result = await run(input, scFake('config-success'), machine('WSLService', 4, 'manual'), mode)
      expect(failureOf(result).detail).toContain(message)
      expect(changingCalls(result)).toEqual([])
    }, 120_000)
  }
})

describe('service-start-type in Constrained Language Mode', () => {
  it('is refused as restricted by policy before sc.exe runs', async () => {
    const result = await run({ name: 'WSLService', startType: 'manual' }, scFake('config-success'), machine('WSLService', 4, 'manual'), 'ConstrainedLanguage')
    expect(failureOf(result).failure).toBe('constrained-language')
    expect(changingCalls(result)).toEqual([])
    expect(registryValue(result.state, serviceKey('WSLService'), 'Start')?.value).toBe(4)
  }, 120_000)
})

const NOW = new Date('2026-11-22T10:00:00.000Z')
const START_OF = { boot: 0, system: 1, automatic: 2, manual: 3, disabled: 4 } as const

describe.each(LANGUAGE_MODES.filter((m) => m === 'FullLanguage'))('service-start-type agrees with fix-effects.ts for every shipped scenario (%s)', (mode) => {
  for (const scenario of SCENARIOS) {
    it(
      scenario.id,
      async () => {
        for (const name of FIXABLE_SERVICES) {
          const service = servicesOf(scenario).find((s) => s.name === name)
          const start = service?.exists === true && service.startType !== null ? START_OF[service.startType] : null
          const real = await run({ name, startType: 'manual' }, scFake('config-success'), machine(name, start, 'manual'), mode)
          const simulated = applyFix(scenario, 'service-start-type', { name, startType: 'manual' }, { now: NOW })
          if (simulated.ok) expect(stepResultOf(real), name).toEqual(simulated.result)
          else expect(failureOf(real).detail, name).toContain(simulated.error)
        }
      },
      120_000,
    )
  }
})
