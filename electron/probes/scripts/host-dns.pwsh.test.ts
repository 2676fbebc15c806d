/**
 * The real host-dns.ps1 in PowerShell 7 (Full and Constrained Language Mode) on recorded Windows
 * answers (__recorded__/host-dns, each citing where its shape and values come from) and on every
 * shipped scenario against the simulated PC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { hostDnsFake } from '../../powershell/test-support/host-dns-fakes'
import { LANGUAGE_MODES, PwshHarness } from '../../powershell/test-support/pwsh-harness'
import { factOf, loadRecorded, withCommands } from '../../powershell/test-support/system-probes-fakes'

const TIMEOUT = 60_000
let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

describe.each(LANGUAGE_MODES)('host-dns.ps1 in %s', (mode) => {
  it.each(['anyconnect-split-dns', 'directaccess-docs-example', 'no-network-cmdlets', 'nrpt-access-denied'])(
    'reads the recorded %s',
    async (name) => {
      const recorded = loadRecorded('host-dns', name)
      expect(factOf('host-dns', await harness.runProbe('host-dns', recorded, mode))).toEqual(recorded.expected)
    },
    TIMEOUT,
  )

  it.each(['port53-technitium', 'port53-zh-cn-process-gone'])(
    'reads who holds UDP port 53 on the recorded %s',
    async (name) => {
      const base = loadRecorded('host-dns', 'anyconnect-split-dns')
      const port = loadRecorded('host-dns', name)
      const getCommand = [
        ...(base.commands['Get-Command']?.rules ?? []).filter((r) => r.match?.['Name'] !== 'Get-NetUDPEndpoint'),
        ...(port.commands['Get-Command']?.rules ?? []),
      ]
      const run = await harness.runProbe('host-dns', withCommands(base, { ...port.commands, 'Get-Command': { rules: getCommand } }), mode)
      expect(factOf('host-dns', run).port53).toEqual(port.expected?.['port53'])
      // One Get-Process per owner, not per socket.
      expect(run.calls.filter((c) => c.name === 'Get-Process').length).toBe(
        new Set(run.calls.filter((c) => c.name === 'Get-Process').map((c) => String(c.arguments['Id']))).size,
      )
    },
    TIMEOUT,
  )

  it(
    'reports a failed port-53 read as failed, not as a free port',
    async () => {
      const recorded = loadRecorded('host-dns', 'anyconnect-split-dns')
      const broken = withCommands(recorded, {
        'Get-NetUDPEndpoint': {
          rules: [
            { match: { LocalPort: '53' }, throw: { errorId: 'HRESULT 0x80041032,Get-NetUDPEndpoint', message: 'Call cancelled', category: 'NotSpecified' } },
          ],
        },
      })
      expect(factOf('host-dns', await harness.runProbe('host-dns', broken, mode)).port53).toEqual({
        available: false,
        reason: 'failed',
        detail: 'HRESULT 0x80041032: Call cancelled',
      })
    },
    TIMEOUT,
  )

  it(
    'asks for the NRPT in force (-Effective), the active routes and hidden adapters too',
    async () => {
      const run = await harness.runProbe('host-dns', loadRecorded('host-dns', 'anyconnect-split-dns'), mode)
      expect(run.calls.find((c) => c.name === 'Get-DnsClientNrptPolicy')?.arguments).toMatchObject({ Effective: true })
      expect(run.calls.find((c) => c.name === 'Get-NetRoute')?.arguments).toMatchObject({ PolicyStore: 'ActiveStore' })
      expect(run.calls.find((c) => c.name === 'Get-NetAdapter')?.arguments).toMatchObject({ IncludeHidden: true })
    },
    TIMEOUT,
  )

  it(
    'keeps the other parts when one fails for another reason, and says why',
    async () => {
      const recorded = loadRecorded('host-dns', 'anyconnect-split-dns')
      const broken = withCommands(recorded, {
        'Get-NetRoute': {
          rules: [
            {
              match: { PolicyStore: 'ActiveStore' },
              throw: { errorId: 'HRESULT 0x80041032,Get-NetRoute', message: 'Call cancelled', category: 'NotSpecified' },
            },
          ],
        },
      })
      const fact = factOf('host-dns', await harness.runProbe('host-dns', broken, mode))
      expect(fact.routes).toEqual({ available: false, reason: 'failed', detail: 'HRESULT 0x80041032: Call cancelled' })
      expect(fact.nrpt).toEqual(recorded.expected?.['nrpt'])
      expect(fact.interfaces).toEqual(recorded.expected?.['interfaces'])
    },
    TIMEOUT,
  )

  it('agrees with the simulated PC on every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      expect(factOf('host-dns', await harness.runProbe('host-dns', hostDnsFake(scenario), mode)), scenario.id).toEqual(probeResponse('host-dns', scenario))
    }
  }, 180_000)
})
