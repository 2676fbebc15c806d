/**
 * The real events.ps1 in PowerShell 7 (Full and Constrained Language Mode): missing channels,
 * "no events" (NoMatchingEventsFound), a channel a standard user may not read, WSL's message-less
 * warning events (text only in the event data) and the SCM filter of the System log. Recorded cases
 * (__recorded__/events) and every shipped scenario against the simulated PC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness } from '../../powershell/test-support/pwsh-harness'
import { eventsFake, factOf, loadRecorded } from '../../powershell/test-support/system-probes-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

describe.each(LANGUAGE_MODES)('events.ps1 in %s', (mode) => {
  it('treats NoMatchingEventsFound as no events and a missing channel as unavailable', async () => {
    const run = await harness.runProbe('events', loadRecorded('events', 'nothing-found-no-vmms'), mode)
    const fact = factOf('events', run)
    for (const log of fact.logs) {
      expect(log, log.log).toEqual({ log: log.log, available: log.log !== 'Microsoft-Windows-Hyper-V-VMMS-Admin', error: null, events: [] })
    }
    // The unavailable channel is not queried; the others are queried by XPath for the last 7 days.
    const queries = run.calls.filter((c) => c.name === 'Get-WinEvent' && c.arguments.LogName !== undefined)
    expect(queries.map((c) => c.arguments.LogName)).not.toContain('Microsoft-Windows-Hyper-V-VMMS-Admin')
    expect(queries.find((c) => c.arguments.LogName === 'Application')?.arguments.FilterXPath).toBe(
      "*[System[Provider[@Name='WSL'] and TimeCreated[timediff(@SystemTime) <= 604800000]]]",
    )
  }, 90_000)

  it('reports a channel the standard user may not read as an error, not as absent', async () => {
    const fact = factOf('events', await harness.runProbe('events', loadRecorded('events', 'standard-user-log-denied'), mode))
    const denied = fact.logs.find((l) => l.log === 'Microsoft-Windows-Hyper-V-Compute-Admin')
    expect(denied).toMatchObject({ available: true, events: [] })
    expect(denied?.error).toContain('Attempted to perform an unauthorized operation')
    expect(fact.logs.filter((l) => l.error !== null)).toHaveLength(1)
  }, 90_000)

  it("reads WSL's warning from the event data and keeps only SCM events about WSL's services", async () => {
    const fact = factOf('events', await harness.runProbe('events', loadRecorded('events', 'wsl-warning-and-scm'), mode))
    expect(fact.logs.find((l) => l.log === 'Application')?.events).toEqual([
      { provider: 'WSL', id: 0, level: 3, timeCreated: '2026-11-21T08:52:20.0000000Z', message: 'Windows 版本 10.0.22000 没有所需的功能' },
    ])
    const system = fact.logs.find((l) => l.log === 'System')?.events ?? []
    expect(system.map((e) => e.message.split(' service ')[0])).toEqual(['The Host Network Service'])
  }, 90_000)

  it('answers like the simulated PC for every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const fact = factOf('events', await harness.runProbe('events', eventsFake(scenario), mode))
      expect(fact, scenario.id).toEqual(probeResponse('events', scenario))
    }
  }, 300_000)
})
