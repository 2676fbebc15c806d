import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { factOf } from '../../powershell/test-support/system-probes-fakes'
import { hostNetworkingFake, loadRecorded, runNetworkProbe } from '../../powershell/test-support/network-probes-fakes'

const TIMEOUT = 30_000
const PROBE = 'host-networking' satisfies ProbeId
let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

/** The probe's fact, checked with the app's own schema (one helper for every probe suite). */
const fact = (run: ScriptRun) => factOf(PROBE, run)

describe.each(LANGUAGE_MODES)('host-networking.ps1 in %s', (mode) => {
  it.each(['en-us-hyperv-exclusions', 'zh-cn-gbk-netsh', 'port-tracker-no-fse-netsh-fails'])(
    'reads the recorded PC %s',
    async (name) => {
      const recorded = loadRecorded(PROBE, name)
      expect(fact(await runNetworkProbe(harness, PROBE, recorded, mode))).toMatchObject(recorded.expected!)
    },
    TIMEOUT,
  )

  it(
    'reads only the numeric rows of the GBK netsh output (headers are localized) and keeps the administered row',
    async () => {
      const data = fact(await runNetworkProbe(harness, PROBE, loadRecorded(PROBE, 'zh-cn-gbk-netsh'), mode))
      expect(data.excludedPortRanges).toHaveLength(18)
      expect(data.excludedPortRanges).toContainEqual({ start: 50000, end: 50059 })
    },
    TIMEOUT,
  )

  it(
    'runs netsh from System32 with the documented arguments',
    async () => {
      const run = await runNetworkProbe(harness, PROBE, loadRecorded(PROBE, 'en-us-hyperv-exclusions'), mode)
      const netsh = run.calls.filter((c) => c.name === 'Invoke-WndNative')
      expect(netsh).toHaveLength(1)
      expect(String(netsh[0]!.arguments['FilePath'])).toMatch(/System32.netsh\.exe$/)
      expect(netsh[0]!.arguments['Arguments']).toEqual(['interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp'])
    },
    TIMEOUT,
  )

  it('agrees with the simulated PC on every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const run = await runNetworkProbe(harness, PROBE, hostNetworkingFake(scenario), mode)
      expect(fact(run), scenario.id).toEqual(probeResponse(PROBE, scenario))
    }
  }, 180_000)
})
