/**
 * restore-point, run for real against a fake registry and a stateful Checkpoint-Computer that
 * behaves as Microsoft documents it: no new point within SystemRestorePointCreationFrequency
 * minutes (default 1440) of the last one, only a warning
 * (https://learn.microsoft.com/powershell/module/microsoft.powershell.management/checkpoint-computer?view=powershell-5.1,
 * https://learn.microsoft.com/windows/win32/sr/calling-srsetrestorepoint). The script must prove a
 * new point exists, put the frequency back, and refuse when System Protection is off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { applyFix } from '../../simulated-pc/fix-effects'
import {
  callsOf,
  changingCalls,
  failureOf,
  recorded,
  registryValue,
  runOnMachine,
  sourcesOf,
  stepResultOf,
  type FakeRestorePoint,
  type FixMachine,
} from '../../powershell/test-support/fix-machine'
import { PwshHarness, type FakeWindows, type LanguageMode } from '../../powershell/test-support/pwsh-harness'

const SR = 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SystemRestore'
const SR_POLICY = 'HKLM:\\SOFTWARE\\Policies\\Microsoft\\Windows NT\\SystemRestore'
const SPP = 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\SPP\\Clients'
const SPP_VALUE = '{09F7EDC5-294E-4180-AF6A-FB0E6A0E9513}'
const FREQUENCY = 'SystemRestorePointCreationFrequency'
const NOW = new Date('2026-11-22T10:00:00.000Z')
const SKIP_WARNING = recorded('restore-point', 'frequency-skip-warning').warning ?? ''

/** ProductType 1 workstation, 3 server (https://learn.microsoft.com/windows/win32/cimwin32prov/win32-operatingsystem). */
function osFake(productType: 1 | 3): FakeWindows {
  return {
    source: [
      ...sourcesOf(['restore-point', 'frequency-skip-warning']),
      'https://learn.microsoft.com/windows/win32/cimwin32prov/win32-operatingsystem (ProductType)',
    ],
    env: { SystemDrive: 'C:' },
    commands: { 'Get-CimInstance': { rules: [{ match: { ClassName: 'Win32_OperatingSystem' }, result: { ProductType: { $uint32: productType } } }] } },
  }
}

interface MachineOptions {
  readonly protectedC?: boolean
  readonly disableSR?: boolean
  readonly frequency?: number
  readonly points?: readonly FakeRestorePoint[]
  readonly lastPointMinutesAgo?: number
  readonly checkpointError?: boolean
}

/** SPP lists protected volumes as "\\?\Volume{guid}\:(C%3A)" (how System Protection records them; undocumented). */
function machine(options: MachineOptions = {}): FixMachine {
  const points = options.points ?? [{ SequenceNumber: 7, Description: 'Windows Update', CreationTime: '20261121084000.000000-000' }]
  return {
    registry: {
      [SR]: options.frequency === undefined ? {} : { [FREQUENCY]: { kind: 'DWord', value: { $uint32: options.frequency } } },
      [SR_POLICY]: options.disableSR === true ? { DisableSR: { kind: 'DWord', value: { $uint32: 1 } } } : {},
      [SPP]:
        options.protectedC === false
          ? {}
          : { [SPP_VALUE]: { kind: 'MultiString', value: { $strings: ['\\\\?\\Volume{4c1b02c1-d990-11dc-99ae-806e6f6e6963}\\:(C%3A)'] } } },
    },
    restorePoints: points,
    checkpoint: {
      skipWarning: SKIP_WARNING,
      ...(options.lastPointMinutesAgo === undefined ? {} : { lastPointMinutesAgo: options.lastPointMinutesAgo }),
      ...(options.checkpointError === true ? { throw: recorded('restore-point', 'protection-off').error } : {}),
    },
  }
}

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

const run = (input: unknown, fakeMachine: FixMachine, productType: 1 | 3 = 1, mode: LanguageMode = 'FullLanguage') =>
  runOnMachine(harness, { fix: 'restore-point' }, input, osFake(productType), fakeMachine, mode)
const INPUT = { description: 'WSL Network Doctor: before repair' }

describe('restore-point', () => {
  it('creates a point within 24 hours of the last one by setting the frequency to 0, and removes that value again', async () => {
    const result = await run(INPUT, machine({ lastPointMinutesAgo: 30 }))
    expect(stepResultOf(result)).toEqual({
      changed: true,
      rebootRequired: false,
      undo: null,
      detail: 'Restore point 8 created: WSL Network Doctor: before repair.',
    })
    expect(changingCalls(result).map((c) => [c.name, c.arguments])).toEqual([
      ['New-ItemProperty', { LiteralPath: SR, Name: FREQUENCY, PropertyType: 'DWord', Value: 0, Force: true }],
      ['Checkpoint-Computer', { Description: INPUT.description, RestorePointType: 'MODIFY_SETTINGS', WarningAction: 'SilentlyContinue' }],
      ['Remove-ItemProperty', { LiteralPath: SR, Name: FREQUENCY, ErrorAction: 'SilentlyContinue' }],
    ])
    expect(registryValue(result.state, SR, FREQUENCY)).toBeUndefined()
    expect(result.state.restorePoints.map((p) => p.SequenceNumber)).toEqual([7, 8])
  }, 120_000)

  it("puts the user's own frequency value back as it was", async () => {
    const result = await run(INPUT, machine({ frequency: 1440, lastPointMinutesAgo: 30 }))
    expect(stepResultOf(result).changed).toBe(true)
    expect(registryValue(result.state, SR, FREQUENCY)).toEqual({ kind: 'DWord', value: 1440 })
  }, 120_000)

  it('fails (so the batch stops before any change) when Windows skipped the point anyway', async () => {
    // lastPointMinutesAgo -1: a Windows that skips even with frequency 0 (the warning only).
    const result = await run(INPUT, machine({ lastPointMinutesAgo: -1 }))
    expect(failureOf(result).detail).toContain('Windows did not create a restore point')
    expect(registryValue(result.state, SR, FREQUENCY)).toBeUndefined()
  }, 120_000)

  it('refuses when System Protection is off for the system drive, before changing anything', async () => {
    const result = await run(INPUT, machine({ protectedC: false }))
    expect(failureOf(result).detail).toContain('WndSystemProtectionOff: System Protection is off for C:; turn it on to create restore points.')
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  it('reports a Checkpoint-Computer error and still puts the frequency back', async () => {
    const result = await run(INPUT, machine({ frequency: 60, checkpointError: true }))
    expect(failureOf(result).detail).toContain('This command cannot be run due to the error')
    expect(registryValue(result.state, SR, FREQUENCY)).toEqual({ kind: 'DWord', value: 60 })
  }, 120_000)

  it('refuses when System Restore is turned off by policy (DisableSR = 1)', async () => {
    const result = await run(INPUT, machine({ disableSR: true }))
    expect(failureOf(result).detail).toContain('turned off by policy (DisableSR)')
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  it('refuses on a server edition (ProductType 3)', async () => {
    const result = await run(INPUT, machine(), 3)
    expect(failureOf(result).detail).toContain('client editions')
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  const BAD: ReadonlyArray<readonly [string, unknown]> = [
    ['an empty description', { description: '' }],
    ['a 121-character description', { description: 'x'.repeat(121) }],
    ['a non-ASCII description', { description: 'Wiederherstellung \u00fcber WSL' }],
    ['a description with a line break', { description: 'a\nb' }],
    ['no input', null],
  ]
  for (const [what, input] of BAD) {
    it(`refuses ${what}`, async () => {
      const result = await run(input, machine())
      expect(failureOf(result).failure).toBe('failed')
      expect(changingCalls(result)).toEqual([])
    }, 120_000)
  }

  it('says Checkpoint-Computer is missing where it is (PowerShell 7: no fake of it)', async () => {
    const result = await harness.run({
      id: 'fix:restore-point',
      body: harness.catalog.fix('restore-point'),
      fake: osFake(1),
      mode: 'FullLanguage',
      input: INPUT,
    })
    expect(failureOf(result).detail).toContain('Checkpoint-Computer is not available')
  }, 120_000)

  it('is refused as restricted by policy in Constrained Language Mode', async () => {
    const result = await run(INPUT, machine(), 1, 'ConstrainedLanguage')
    expect(failureOf(result).failure).toBe('constrained-language')
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  for (const scenario of SCENARIOS) {
    it(`agrees with fix-effects.ts on ${scenario.id}`, async () => {
      const points = (scenario.runtime?.restorePoints ?? []).map((p) => ({
        SequenceNumber: p.sequenceNumber,
        Description: p.description,
        CreationTime: p.creationTime,
      }))
      const fakeMachine = machine({ protectedC: scenario.runtime?.systemProtection !== false, points, lastPointMinutesAgo: 30 })
      const real = await run(INPUT, fakeMachine, scenario.windows.installationType === 'Client' ? 1 : 3)
      const simulated = applyFix(scenario, 'restore-point', INPUT, { now: NOW })
      if (simulated.ok) expect(stepResultOf(real)).toEqual(simulated.result)
      else expect(failureOf(real).detail).toContain(simulated.error)
      expect(callsOf(real, 'Checkpoint-Computer').length).toBe(simulated.ok ? 1 : 0)
    }, 120_000)
  }
})
