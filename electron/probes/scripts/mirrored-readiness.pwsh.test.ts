import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { factOf } from '../../powershell/test-support/system-probes-fakes'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { REQUIRED_EXPORTS } from '../../../shared/probes/facts/mirrored-readiness'
import { exportFakes, loadRecorded, mirroredReadinessFake, runNetworkProbe, scenarioExports } from '../../powershell/test-support/network-probes-fakes'

const TIMEOUT = 30_000
const PROBE = 'mirrored-readiness' satisfies ProbeId
let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

/** The probe's fact, checked with the app's own schema (one helper for every probe suite). */
const fact = (run: ScriptRun) => factOf(PROBE, run)

const all = (names: readonly string[], present: boolean) => Object.fromEntries(names.map((n) => [n, present]))

describe.each(LANGUAGE_MODES)('mirrored-readiness.ps1 in %s', (mode) => {
  const full = mode === 'FullLanguage'

  it.each(['win11-24h2-ready', 'win10-19045-no-hyperv-firewall', 'ipv6-off-firewall-disabled-cim-denied'])(
    'reads the recorded PC %s',
    async (name) => {
      const recorded = loadRecorded(PROBE, name)
      const data = fact(await runNetworkProbe(harness, PROBE, recorded, mode, exportFakes(recorded.exports ?? {})))
      expect(data).toMatchObject(recorded.expected!)
    },
    TIMEOUT,
  )

  it(
    full ? 'finds every required export on Windows 11 24H2' : 'reports the export check as not possible (Add-Type is blocked), not as missing exports',
    async () => {
      const recorded = loadRecorded(PROBE, 'win11-24h2-ready')
      const data = fact(await runNetworkProbe(harness, PROBE, recorded, mode, exportFakes(recorded.exports ?? {})))
      if (full) {
        expect(data.exports).toEqual({
          computeNetwork: all(REQUIRED_EXPORTS.computeNetwork, true),
          dnsapi: all(REQUIRED_EXPORTS.dnsapi, true),
          winhttp: all(REQUIRED_EXPORTS.winhttp, true),
        })
        expect(data.exportsError).toBeNull()
      } else {
        expect(data.exports).toBeNull()
        expect(data.exportsError).toMatch(/^WndNeedsFullLanguage: .*ConstrainedLanguage/)
      }
    },
    TIMEOUT,
  )

  it(
    'reads a Windows 10 without the Hyper-V firewall classes as absent, without calling the missing cmdlets',
    async () => {
      const recorded = loadRecorded(PROBE, 'win10-19045-no-hyperv-firewall')
      const run = await runNetworkProbe(harness, PROBE, recorded, mode, exportFakes(recorded.exports ?? {}))
      const data = fact(run)
      expect(data.hyperVFirewall).toEqual({ vmCreatorClassExists: false, profileCount: null, error: null })
      expect(run.calls.some((c) => c.name === 'Get-NetFirewallHyperVVMCreator')).toBe(false)
      if (full) expect(data.exports?.computeNetwork).toEqual(all(REQUIRED_EXPORTS.computeNetwork, false))
    },
    TIMEOUT,
  )

  it(
    'keeps a refused CIM read as an error and the count unknown, and reads 0xFF as 255',
    async () => {
      const recorded = loadRecorded(PROBE, 'ipv6-off-firewall-disabled-cim-denied')
      const data = fact(await runNetworkProbe(harness, PROBE, recorded, mode, exportFakes(recorded.exports ?? {})))
      expect(data.hyperVFirewall.error).toContain('Access is denied')
      expect(data.ipv6DisabledComponents).toBe(0xff)
    },
    TIMEOUT,
  )

  it('agrees with the simulated PC on every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const run = await runNetworkProbe(harness, PROBE, mirroredReadinessFake(scenario), mode, exportFakes(scenarioExports(scenario)))
      const expected = probeResponse(PROBE, scenario)
      // In Constrained Language Mode the export check cannot run: exports unknown, with the reason.
      const modeExpected = full ? expected : { ...expected, exports: null, exportsError: expect.stringMatching(/^WndNeedsFullLanguage: /) }
      expect(fact(run), scenario.id).toEqual(modeExpected)
    }
  }, 180_000)
})

describe('mirrored-readiness.ps1 P/Invoke signature', () => {
  it(
    'compiles with Add-Type (the calls themselves need Windows)',
    async () => {
      const text = readFileSync(join(__dirname, 'mirrored-readiness.ps1'), 'utf8')
      const signature = /\$signature = @'\r?\n([\s\S]*?)\r?\n'@/.exec(text)?.[1]
      expect(signature).toBeDefined()
      const body = `Add-Type -Namespace 'WndSignatureCheck' -Name ('V' + [guid]::NewGuid().ToString('N')) -MemberDefinition @'\n${signature}\n'@ -PassThru | ForEach-Object { $_.GetMethods() } | Where-Object { $_.IsStatic -and $_.DeclaringType.Name -like 'V*' } | ForEach-Object { $_.Name } | Sort-Object -Unique`
      const run = await harness.run({ id: 'signature', body: `return ,@(${body})`, fake: { source: 'none', commands: {} }, mode: 'FullLanguage' })
      expect(run.reading).toMatchObject({ kind: 'data', data: ['FreeLibrary', 'GetProcAddress', 'LoadLibrary'] })
    },
    TIMEOUT,
  )
})
