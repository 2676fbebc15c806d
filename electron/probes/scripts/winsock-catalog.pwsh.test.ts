import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProbeId } from '../../../shared/probes/probe-ids'
import { SCENARIOS } from '../../../shared/scenarios'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { factOf } from '../../powershell/test-support/system-probes-fakes'
import {
  loadRecorded,
  runNetworkProbe,
  winsockCatalogFake,
  winsockRegistry,
  type CatalogName,
  type CatalogValue,
} from '../../powershell/test-support/network-probes-fakes'
import type { FakeWindows } from '../../powershell/test-support/pwsh-harness'

const TIMEOUT = 30_000
const PROBE = 'winsock-catalog' satisfies ProbeId
let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

/** The probe's fact, checked with the app's own schema (one helper for every probe suite). */
const fact = (run: ScriptRun) => factOf(PROBE, run)

const NLS = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage'

/** A recorded catalog case: the registry keys built from the netsh-reported fields. */
function recordedCatalog(name: string): { fake: FakeWindows; expected: unknown } {
  const recorded = loadRecorded(PROBE, name) as ReturnType<typeof loadRecorded> & { catalogs: Partial<Record<CatalogName, CatalogValue[]>>; acp?: string }
  const registry = winsockRegistry(recorded.catalogs)
  const acp = { match: { Path: NLS, Name: 'ACP' }, result: { ACP: recorded.acp ?? '1252' } }
  return {
    fake: {
      source: recorded.source,
      env: recorded.env ?? {},
      commands: { ...registry, 'Get-ItemProperty': { rules: [...(registry['Get-ItemProperty']?.rules ?? []), acp] } },
    },
    expected: recorded.expected,
  }
}

describe.each(LANGUAGE_MODES)('winsock-catalog.ps1 in %s', (mode) => {
  it.each(['stock', 'lavasoft-and-astrill-lsps', 'zh-cn-gbk-provider-path'])(
    'decodes the packed catalog items of %s',
    async (name) => {
      const { fake, expected } = recordedCatalog(name)
      expect(fact(await runNetworkProbe(harness, PROBE, fake, mode))).toEqual(expected)
    },
    TIMEOUT,
  )

  it(
    'lists an entry whose blob is too short with an empty path and no chain length',
    async () => {
      const registry = winsockRegistry({ protocol64: [] })
      const key =
        'Microsoft.PowerShell.Core\\Registry::HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\WinSock2\\Parameters\\Protocol_Catalog9\\Catalog_Entries64\\000000000001'
      const fake: FakeWindows = {
        source: 'constructed: a truncated PackedCatalogItem (a broken entry is itself a finding)',
        env: { SystemRoot: 'C:\\Windows' },
        commands: {
          ...registry,
          'Get-ChildItem': { rules: [{ result: [{ PSChildName: '000000000001', PSPath: key }] }] },
          'Get-ItemProperty': { rules: [{ match: { LiteralPath: key }, result: { PackedCatalogItem: { $bytes: Buffer.alloc(100).toString('base64') } } }] },
        },
      }
      expect(fact(await runNetworkProbe(harness, PROBE, fake, mode))).toEqual({ entries: [{ catalog: 'protocol64', providerPath: '', chainLength: null }] })
    },
    TIMEOUT,
  )

  it('agrees with the simulated PC on every shipped scenario', async () => {
    for (const scenario of SCENARIOS) {
      const run = await runNetworkProbe(harness, PROBE, winsockCatalogFake(scenario), mode)
      expect(fact(run), scenario.id).toEqual(probeResponse(PROBE, scenario))
    }
  }, 300_000)
})
