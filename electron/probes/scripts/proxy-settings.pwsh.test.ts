import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { factOf } from '../../powershell/test-support/system-probes-fakes'
import { loadRecorded, proxySettingsFake, runNetworkProbe } from '../../powershell/test-support/network-probes-fakes'

const TIMEOUT = 30_000
const PROBE = 'proxy-settings' satisfies ProbeId
let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

/** The probe's fact, checked with the app's own schema (one helper for every probe suite). */
const fact = (run: ScriptRun) => factOf(PROBE, run)

describe.each(LANGUAGE_MODES)('proxy-settings.ps1 in %s', (mode) => {
  it.each(['zh-cn-clash-localhost', 'nothing-set', 'pac-and-winhttp-proxy'])(
    'reads the recorded PC %s',
    async (name) => {
      const recorded = loadRecorded(PROBE, name)
      expect(fact(await runNetworkProbe(harness, PROBE, recorded, mode))).toEqual(recorded.expected)
    },
    TIMEOUT,
  )

  it(
    'returns the WinHttpSettings bytes unchanged (decoded in shared/, not from netsh text)',
    async () => {
      const recorded = loadRecorded(PROBE, 'pac-and-winhttp-proxy')
      const data = fact(await runNetworkProbe(harness, PROBE, recorded, mode))
      expect(Buffer.from(data.winHttpSettingsBase64 ?? '', 'base64').toString('latin1')).toContain('proxy.corp.example:8080')
    },
    TIMEOUT,
  )

  it('agrees with the simulated PC on every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const run = await runNetworkProbe(harness, PROBE, proxySettingsFake(scenario), mode)
      expect(fact(run), scenario.id).toEqual(probeResponse(PROBE, scenario))
    }
  }, 180_000)
})
