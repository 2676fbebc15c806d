import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../../shared/diagnosis/diagnose'
import { FINDING_IDS } from '../../../../shared/diagnosis/finding-ids'
import { snapshot } from '../../../../shared/diagnosis/test-support/test-snapshot'
import { PROBE_IDS } from '../../../../shared/probes/probe-ids'
import { encodeBase64 } from '../../../../shared/util/base64'
import { encodeUtf8 } from '../../../../shared/wslconfig/utf8'
import { CHECK_AREAS, checkResults } from './passed-checks'

const ids = (areas: readonly { readonly id: string }[]) => areas.map((a) => a.id)

describe('checkResults', () => {
  it('passes every area on a healthy PC where every probe was read', () => {
    const s = snapshot()
    const results = checkResults(
      s,
      diagnose(s).map((f) => f.id),
    )
    expect(ids(results.passed)).toEqual(ids(CHECK_AREAS))
    expect(results.notChecked).toEqual([])
  })

  it('lists an area whose probe is unknown as not checked, with the reason, never as passed', () => {
    const s = snapshot({ 'wsl-startup': { unknown: 'no-consent' }, 'winsock-catalog': null })
    const results = checkResults(
      s,
      diagnose(s).map((f) => f.id),
    )
    expect(ids(results.passed)).not.toContain('nat-network')
    expect(ids(results.passed)).not.toContain('winsock')
    expect(results.notChecked.map((n) => [n.area.id, n.unknown])).toEqual([
      ['nat-network', [{ probe: 'wsl-startup', reason: 'no-consent' }]],
      ['winsock', [{ probe: 'winsock-catalog', reason: 'not-run' }]],
    ])
  })

  it.each(PROBE_IDS)('never passes an area that reads %s when that probe is unknown', (probe) => {
    const s = snapshot({ [probe]: { unknown: 'timeout' } })
    const results = checkResults(s, [])
    for (const area of results.passed) expect(area.probes).not.toContain(probe)
    expect(results.notChecked.every((n) => n.unknown.every((u) => u.probe === probe && u.reason === 'timeout'))).toBe(true)
  })

  it('leaves an area with a finding out of both lists (its card explains it)', () => {
    const bytes = encodeUtf8('[wsl2]\nnetworkMode=mirrored\n')
    const s = snapshot({ 'wslconfig-file': { exists: true, sizeBytes: bytes.length, contentBase64: encodeBase64(bytes) } })
    const results = checkResults(
      s,
      diagnose(s).map((f) => f.id),
    )
    expect(ids(results.passed)).not.toContain('wslconfig')
    expect(results.notChecked.map((n) => n.area.id)).not.toContain('wslconfig')
  })

  it('never passes the DNS policy area while the NRPT is missed by WSL (docs/knowledge/host-network-probes.md#host-dns)', () => {
    const bytes = encodeUtf8('[wsl2]\ndnsTunneling=false\n')
    const s = snapshot({
      'wslconfig-file': { exists: true, sizeBytes: bytes.length, contentBase64: encodeBase64(bytes) },
      'host-dns': {
        nrpt: {
          available: true,
          rules: [{ namespaces: ['.corp.contoso.com'], nameServers: ['10.0.0.1'], directAccessEnabled: null, directAccessDnsServers: [] }],
        },
      },
    })
    const present = diagnose(s).map((f) => f.id)
    expect(present).toContain('nrpt-not-applied-in-wsl')
    expect(ids(checkResults(s, present).passed)).not.toContain('host-dns')
  })

  // docs/knowledge/installed-products.md#what-a-finding-may-claim: a connected VPN names its product in vpn-detected.
  it('does not pass the installed programs area while vpn-detected names an installed VPN', () => {
    const s = snapshot({
      'network-adapters': {
        adapters: [{ name: 'Ethernet 3', interfaceDescription: 'PANGP Virtual Ethernet Adapter', status: 'Up', hidden: false }],
      },
      'installed-products': { programs: [{ hive: 'machine', displayName: 'GlobalProtect', publisher: null, displayVersion: null }] },
    })
    const present = diagnose(s).map((f) => f.id)
    expect(present).toEqual(['vpn-detected'])
    expect(ids(checkResults(s, present).passed)).not.toContain('installed-products')
  })

  it('covers every finding the rules can produce', () => {
    const covered = new Set(CHECK_AREAS.flatMap((a) => a.findings))
    expect(FINDING_IDS.filter((id) => !covered.has(id))).toEqual([])
  })
})
