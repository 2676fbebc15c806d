/**
 * The three remove-* registry fixes and their undo, run for real in PowerShell 7 against a fake
 * registry (fix-machine-fakes.ps1): the exact value removed or written back, the undo record, and
 * the refusals. Value layout: DisabledComponents is a REG_DWORD under Tcpip6\Parameters
 * (https://learn.microsoft.com/troubleshoot/windows-server/networking/configure-ipv6-in-windows);
 * Get-ItemProperty returns a REG_DWORD as a signed Int32, so 0xFFFFFFFF arrives as -1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import type { Scenario } from '../../../shared/scenarios/scenario'
import { applyFix } from '../../simulated-pc/fix-effects'
import {
  callsOf,
  changingCalls,
  failureOf,
  registryValue,
  runOnMachine,
  stepResultOf,
  type FakeRegistry,
  type FixMachine,
} from '../../powershell/test-support/fix-machine'
import { LANGUAGE_MODES, PwshHarness, type FakeWindows, type LanguageMode } from '../../powershell/test-support/pwsh-harness'

const TCPIP6 = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters'
const MPSSVC = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\MpsSvc\\Parameters'
const TCPIP = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters'

const REMOVALS = [
  { script: 'remove-ipv6-disabled-components', key: TCPIP6, name: 'DisabledComponents', undoValue: 'ipv6-disabled-components', reboot: true },
  { script: 'remove-hyperv-firewall-disable', key: MPSSVC, name: 'HyperVFirewallDisable', undoValue: 'hyperv-firewall-disable', reboot: false },
  { script: 'remove-port-tracker', key: TCPIP, name: 'PortTrackerEnabledMode', undoValue: 'port-tracker-enabled-mode', reboot: true },
] as const

/** FSE absent: Get-Service -ErrorAction SilentlyContinue returns nothing (Get-Service docs, NoServiceFoundForGivenName). */
function fseFake(status: 'Running' | 'Stopped' | null): FakeWindows {
  return {
    source:
      'https://learn.microsoft.com/powershell/module/microsoft.powershell.management/get-service (Status: Running/Stopped; a missing name raises NoServiceFoundForGivenName)',
    commands: {
      'Get-Service': {
        rules: [
          status === null
            ? {
                match: { Name: 'FSE' },
                throw: {
                  errorId: 'NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.GetServiceCommand',
                  message: "Cannot find any service with service name 'FSE'.",
                  category: 'ObjectNotFound',
                },
              }
            : { match: { Name: 'FSE' }, result: { Name: 'FSE', Status: status } },
        ],
      },
    },
  }
}

function dword(value: number): { kind: 'DWord'; value: { $uint32: number } } {
  return { kind: 'DWord', value: { $uint32: value } }
}

/** The three keys exist on every Windows; only the values differ. */
function registry(values: Partial<Record<string, { kind: 'DWord' | 'String'; value: unknown }>>): FakeRegistry {
  const out: Record<string, Record<string, { kind: 'DWord' | 'String'; value: unknown }>> = { [TCPIP6]: {}, [MPSSVC]: {}, [TCPIP]: {} }
  for (const removal of REMOVALS) {
    const value = values[removal.name]
    if (value !== undefined) (out[removal.key] as Record<string, unknown>)[removal.name] = value
  }
  return out
}

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

function run(
  script: (typeof REMOVALS)[number]['script'] | 'undo-registry-value',
  input: unknown,
  machine: FixMachine,
  mode: LanguageMode,
  fse: 'Running' | 'Stopped' | null = null,
) {
  return runOnMachine(harness, { fix: script }, input, fseFake(fse), machine, mode)
}

describe('remove-* registry fixes in Full Language', () => {
  const mode = 'FullLanguage'

  for (const removal of REMOVALS) {
    it(`${removal.script} removes exactly ${removal.name} and returns its previous DWORD as the undo record`, async () => {
      const result = await run(removal.script, null, { registry: registry({ [removal.name]: dword(1) }) }, mode)
      expect(stepResultOf(result)).toEqual({
        changed: true,
        rebootRequired: removal.reboot,
        undo: { kind: 'restore-registry-value', value: removal.undoValue, previous: 1 },
        detail: `Removed ${removal.name} (was 1) from ${removal.key}.`,
      })
      expect(callsOf(result, 'Remove-ItemProperty').map((c) => c.arguments)).toEqual([{ LiteralPath: removal.key, Name: removal.name }])
      expect(changingCalls(result).map((c) => c.name)).toEqual(['Remove-ItemProperty'])
      expect(registryValue(result.state, removal.key, removal.name)).toBeUndefined()
    }, 120_000)

    it(`${removal.script} changes nothing when ${removal.name} is not set`, async () => {
      const result = await run(removal.script, null, { registry: registry({}) }, mode)
      expect(stepResultOf(result)).toEqual({ changed: false, rebootRequired: false, undo: null, detail: `${removal.name} is not set under ${removal.key}.` })
      expect(changingCalls(result)).toEqual([])
    }, 120_000)

    it(`${removal.script} leaves a ${removal.name} that is not a number alone`, async () => {
      const result = await run(removal.script, null, { registry: registry({ [removal.name]: { kind: 'String', value: 'yes' } }) }, mode)
      expect(failureOf(result).detail).toContain('is not a number; left alone')
      expect(changingCalls(result)).toEqual([])
    }, 120_000)

    it(`${removal.script} refuses any input`, async () => {
      const result = await run(removal.script, { key: 'HKLM:\\SOFTWARE', name: 'Anything' }, { registry: registry({ [removal.name]: dword(1) }) }, mode)
      expect(failureOf(result).detail).toContain('This step takes no input.')
      expect(changingCalls(result)).toEqual([])
      expect(registryValue(result.state, removal.key, removal.name)).toEqual({ kind: 'DWord', value: 1 })
    }, 120_000)
  }

  it('remove-ipv6-disabled-components reads 0xFFFFFFFF (a signed -1 from Get-ItemProperty) as 4294967295', async () => {
    const result = await run('remove-ipv6-disabled-components', null, { registry: registry({ DisabledComponents: dword(0xffffffff) }) }, mode)
    expect(stepResultOf(result).undo).toEqual({ kind: 'restore-registry-value', value: 'ipv6-disabled-components', previous: 4294967295 })
  }, 120_000)

  it('remove-port-tracker refuses while the FSE service runs (docs/knowledge/host-causes.md#fse-and-porttrackerenabledmode) and removes the value when FSE is stopped', async () => {
    const machine = { registry: registry({ PortTrackerEnabledMode: dword(1) }) }
    const running = await run('remove-port-tracker', null, machine, mode, 'Running')
    expect(failureOf(running).detail).toContain('The FSE service is running')
    expect(changingCalls(running)).toEqual([])
    const stopped = await run('remove-port-tracker', null, machine, mode, 'Stopped')
    expect(stepResultOf(stopped).changed).toBe(true)
    expect(callsOf(stopped, 'Get-Service').map((c) => c.arguments)).toEqual([{ Name: 'FSE', ErrorAction: 'SilentlyContinue' }])
  }, 120_000)
})

describe('undo-registry-value in Full Language', () => {
  const mode = 'FullLanguage'

  for (const removal of REMOVALS) {
    it(`puts ${removal.name} back as a REG_DWORD under its fixed key`, async () => {
      const result = await run(
        'undo-registry-value',
        { kind: 'restore-registry-value', value: removal.undoValue, previous: 1 },
        { registry: registry({}) },
        mode,
      )
      expect(stepResultOf(result)).toEqual({
        changed: true,
        rebootRequired: removal.reboot,
        undo: null,
        detail: `Set ${removal.name} under ${removal.key} back to 1.`,
      })
      expect(callsOf(result, 'New-ItemProperty').map((c) => c.arguments)).toEqual([
        { LiteralPath: removal.key, Name: removal.name, PropertyType: 'DWord', Value: 1, Force: true },
      ])
      expect(registryValue(result.state, removal.key, removal.name)).toEqual({ kind: 'DWord', value: 1 })
    }, 120_000)
  }

  it('writes 4294967295 as the signed Int32 -1, the bits REG_DWORD 0xFFFFFFFF holds', async () => {
    const result = await run('undo-registry-value', { value: 'ipv6-disabled-components', previous: 4294967295 }, { registry: registry({}) }, mode)
    expect(stepResultOf(result).changed).toBe(true)
    expect(callsOf(result, 'New-ItemProperty')[0]?.arguments['Value']).toBe(-1)
  }, 120_000)

  it('changes nothing when the value already is the previous one', async () => {
    const result = await run(
      'undo-registry-value',
      { value: 'ipv6-disabled-components', previous: 255 },
      { registry: registry({ DisabledComponents: dword(255) }) },
      mode,
    )
    expect(stepResultOf(result)).toEqual({ changed: false, rebootRequired: false, undo: null, detail: 'DisabledComponents already is 255.' })
    expect(changingCalls(result)).toEqual([])
  }, 120_000)

  const REFUSED: ReadonlyArray<readonly [string, unknown, string]> = [
    ['an unknown value name', { value: 'disabled-components', previous: 1 }, 'is not one this step may restore'],
    ['a registry path as value', { value: 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Tcpip6\\Parameters', previous: 1 }, 'is not one this step may restore'],
    ['an upper-case value name (the allow-list is exact)', { value: 'IPV6-DISABLED-COMPONENTS', previous: 1 }, 'is not one this step may restore'],
    ['a hostile value name', { value: "ipv6-disabled-components'; Remove-Item C:\\ -Recurse; '", previous: 1 }, 'is not one this step may restore'],
    ['a negative previous', { value: 'ipv6-disabled-components', previous: -1 }, 'previous must be a DWORD'],
    ['a previous above 0xFFFFFFFF', { value: 'ipv6-disabled-components', previous: 4294967296 }, 'previous must be a DWORD'],
    ['a previous that is a string', { value: 'ipv6-disabled-components', previous: '255' }, 'previous must be a DWORD'],
    ['a previous that is a fraction', { value: 'ipv6-disabled-components', previous: 1.5 }, 'previous must be a DWORD'],
    [
      'an UndoRecord of another kind',
      { kind: 'restore-file', value: 'ipv6-disabled-components', previous: 1 },
      'Expected an UndoRecord of kind restore-registry-value',
    ],
  ]
  for (const [what, input, message] of REFUSED) {
    it(`refuses ${what} and writes nothing`, async () => {
      const result = await run('undo-registry-value', input, { registry: registry({}) }, mode)
      expect(failureOf(result).detail).toContain(message)
      expect(changingCalls(result)).toEqual([])
    }, 120_000)
  }
})

describe('registry fixes in Constrained Language Mode', () => {
  const mode = 'ConstrainedLanguage'
  for (const removal of REMOVALS) {
    it(`${removal.script} is refused as restricted by policy and leaves ${removal.name} as it was`, async () => {
      const result = await run(removal.script, null, { registry: registry({ [removal.name]: dword(1) }) }, mode)
      expect(failureOf(result).failure).toBe('constrained-language')
      expect(changingCalls(result)).toEqual([])
      expect(registryValue(result.state, removal.key, removal.name)).toEqual({ kind: 'DWord', value: 1 })
    }, 120_000)
  }
  it('undo-registry-value is refused as restricted by policy and writes nothing', async () => {
    const result = await run('undo-registry-value', { value: 'hyperv-firewall-disable', previous: 1 }, { registry: registry({}) }, mode)
    expect(failureOf(result).failure).toBe('constrained-language')
    expect(changingCalls(result)).toEqual([])
  }, 120_000)
})

/** The registry values of a shipped scenario, as the simulated PC models them. */
function scenarioRegistry(scenario: Scenario): FakeRegistry {
  const values: Record<string, { kind: 'DWord'; value: { $uint32: number } }> = {}
  if (scenario.host.ipv6DisabledComponents !== null && scenario.host.ipv6DisabledComponents !== undefined)
    values['DisabledComponents'] = dword(scenario.host.ipv6DisabledComponents)
  if (scenario.host.hyperVFirewallDisabled === true) values['HyperVFirewallDisable'] = dword(1)
  if (scenario.host.portTrackerEnabledMode !== null && scenario.host.portTrackerEnabledMode !== undefined)
    values['PortTrackerEnabledMode'] = dword(scenario.host.portTrackerEnabledMode)
  return registry(values)
}

const NOW = new Date('2026-11-22T10:00:00.000Z')

describe.each(LANGUAGE_MODES.filter((m) => m === 'FullLanguage'))('the remove-* scripts agree with fix-effects.ts for every shipped scenario (%s)', (mode) => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}`, async () => {
      for (const removal of REMOVALS) {
        // The simulated FSE runs whenever it exists (fix-effects.ts); Get-Service answers the same.
        const fse = scenario.host.fseServiceExists === true ? 'Running' : null
        const real = await run(removal.script, null, { registry: scenarioRegistry(scenario) }, mode, fse)
        const simulated = applyFix(scenario, removal.script, null, { now: NOW })
        if (simulated.ok) expect(stepResultOf(real), removal.script).toEqual(simulated.result)
        else expect(failureOf(real).detail, removal.script).toContain(simulated.error)
      }
    }, 120_000)
  }
})
