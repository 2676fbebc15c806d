import { describe, expect, it } from 'vitest'
import type { MachineSnapshot } from '../machine/snapshot'
import { HEALTHY_MIRRORED, HEALTHY_NAT, networkCheckFact, type InsideWslState } from '../probes/network-check/network-check-text'
import { issuerOrganisation, readNetworkCheck } from '../probes/network-check/network-check-results'
import type { WslNetworkCheckFact } from '../probes/facts/wsl-network-check'
import { encodeBase64 } from '../util/base64'
import { encodeUtf8 } from '../wslconfig/utf8'
import { networkingStatus } from './networking-verdict'

const snap = (entry: MachineSnapshot['facts']['wsl-network-check']): Pick<MachineSnapshot, 'facts'> => ({
  facts: entry === undefined ? {} : { 'wsl-network-check': entry },
})
const known = (data: WslNetworkCheckFact) => snap({ status: 'known', durationMs: 3000, data })
const state = (patch: Partial<InsideWslState>) => known(networkCheckFact({ ...HEALTHY_NAT, ...patch }))

describe('networkingStatus', () => {
  it('works on healthy NAT and mirrored distros', () => {
    expect(networkingStatus(known(networkCheckFact(HEALTHY_NAT)))).toEqual({ kind: 'works' })
    expect(networkingStatus(known(networkCheckFact(HEALTHY_MIRRORED)))).toEqual({ kind: 'works' })
  })

  it('is not-checked without consent or when the check never ran, unknown with the reason otherwise', () => {
    expect(networkingStatus(snap(undefined))).toEqual({ kind: 'not-checked' })
    expect(networkingStatus(snap({ status: 'unknown', durationMs: 0, reason: 'no-consent' }))).toEqual({ kind: 'not-checked' })
    expect(networkingStatus(snap({ status: 'unknown', durationMs: 150000, reason: 'timeout' }))).toEqual({
      kind: 'unknown',
      reason: { kind: 'probe', reason: 'timeout' },
    })
  })

  it('names the core checks that failed, in table order', () => {
    expect(networkingStatus(state({ dns: { ok: false, ms: 10020, code: 2 }, https: { curlExit: 6, ms: 10030 } }))).toEqual({
      kind: 'fails',
      failed: ['dns-resolution', 'https'],
    })
    expect(
      networkingStatus(
        state({
          interfaces: [{ name: 'lo', state: 'unknown', mtu: 65536, inet: ['127.0.0.1/8'] }],
          defaultRoute: null,
          dns: { ok: false, ms: 10, code: 2 },
          tcp443: { ok: false, ms: 0 },
          https: { curlExit: 6, ms: 10 },
        }),
      ),
    ).toEqual({ kind: 'fails', failed: ['interfaces', 'default-route', 'dns-resolution', 'tcp-443', 'https'] })
  })

  it('does not fail networking for localhost forwarding or a re-signed certificate alone', () => {
    expect(networkingStatus(state({ localhostIn: false, localhostOut: false, gatewayPing: false }))).toEqual({ kind: 'works' })
    // Interception that Linux trusts (the product's root was installed): HTTPS works.
    expect(networkingStatus(state({ tlsIssuer: 'C = US, O = Zscaler Inc., CN = Zscaler Intermediate Root CA' }))).toEqual({ kind: 'works' })
  })

  it('is unknown when the distro is absent or the output was cut off', () => {
    const absent = networkCheckFact(HEALTHY_NAT)
    const stdout = 'There is no distribution with the supplied name.\r\nError code: Wsl/Service/WSL_E_DISTRO_NOT_FOUND\r\n'
    const run = { exitCode: -1, timedOut: false, stdoutBase64: Buffer.from(stdout, 'utf16le').toString('base64'), stderrBase64: '' }
    expect(networkingStatus(known({ ...absent, distro: 'Debian', run }))).toEqual({ kind: 'unknown', reason: { kind: 'not-run', reason: 'distro-absent' } })
    const cut = { ...absent, run: { ...absent.run, stdoutBase64: encodeBase64(encodeUtf8('wnd.format=1\ntool=ip present\niface=eth0 up 1500\n')) } }
    expect(networkingStatus(known(cut))).toEqual({
      kind: 'unknown',
      reason: { kind: 'incomplete', missing: ['default-route', 'dns-resolution', 'tcp-443', 'https'] },
    })
  })

  it('lets TCP 443 stand in for HTTPS only when the distro has no HTTPS client, never when HTTPS failed', () => {
    const base = networkCheckFact(HEALTHY_NAT)
    const text = Buffer.from(base.run.stdoutBase64, 'base64').toString('utf8')
    const noClient = text.replace(/^https=.*$/m, 'https=not-checked - no-https-tool')
    expect(networkingStatus(known({ ...base, run: { ...base.run, stdoutBase64: encodeBase64(encodeUtf8(noClient)) } }))).toEqual({ kind: 'works' })
    const noTcpEither = noClient.replace(/^tcp443=.*$/m, 'tcp443=not-checked - no-tcp-tool')
    expect(networkingStatus(known({ ...base, run: { ...base.run, stdoutBase64: encodeBase64(encodeUtf8(noTcpEither)) } }))).toEqual({
      kind: 'unknown',
      reason: { kind: 'incomplete', missing: ['tcp-443', 'https'] },
    })
  })
})

describe('readNetworkCheck rows', () => {
  const rows = (patch: Partial<InsideWslState>) => {
    const reading = readNetworkCheck(networkCheckFact({ ...HEALTHY_NAT, ...patch }))
    if (reading.kind !== 'read') throw new Error('not read')
    return Object.fromEntries(reading.checks.map((c) => [c.id, c]))
  }

  it('fails interfaces when only lo (and loopback0) are there, as after a fallback to None', () => {
    expect(
      rows({
        interfaces: [
          { name: 'lo', state: 'unknown', mtu: 65536, inet: ['127.0.0.1/8'] },
          { name: 'loopback0', state: 'unknown', mtu: 1500, inet: [] },
        ],
      })['interfaces'],
    ).toMatchObject({ outcome: 'fail' })
    expect(rows({})['interfaces']).toMatchObject({ outcome: 'pass', evidence: 'eth0 up 172.28.240.2/20; lo unknown 127.0.0.1/8' })
  })

  it('flags an issuer that is not the one signing www.microsoft.com as interception', () => {
    expect(rows({})['tls-interception']).toMatchObject({ outcome: 'pass' })
    expect(rows({ tlsIssuer: 'C = US, ST = California, O = Zscaler Inc., CN = Zscaler Intermediate Root CA' })['tls-interception']).toMatchObject({
      outcome: 'fail',
    })
    expect(rows({ tlsIssuer: null })['tls-interception']).toMatchObject({ outcome: 'not-checked', reason: 'no-connection' })
    expect(issuerOrganisation('C=US; O=Microsoft Corporation; CN=Microsoft Azure RSA TLS Issuing CA 04')).toBe('Microsoft Corporation')
    expect(issuerOrganisation('C = US, O = "DigiCert, Inc.", CN = X')).toBe('DigiCert, Inc.')
    expect(issuerOrganisation('CN = Fortinet CA')).toBeNull()
  })

  it('reports localhost both ways from both sides', () => {
    expect(rows({ localhostOut: true })['localhost-linux-to-windows']).toMatchObject({ outcome: 'pass' })
    // NAT never forwards Linux's 127.0.0.1 to Windows: shown as how NAT works, not as a failure.
    expect(rows({ localhostOut: false })['localhost-linux-to-windows']).toMatchObject({ outcome: 'info', note: 'nat-by-design' })
    expect(rows({ ...HEALTHY_MIRRORED, localhostOut: false })['localhost-linux-to-windows']).toMatchObject({ outcome: 'fail' })
    expect(rows({ mode: null, localhostOut: false })['localhost-linux-to-windows']).toMatchObject({ outcome: 'fail' })
    expect(rows({ localhostIn: false })['localhost-windows-to-linux']).toMatchObject({ outcome: 'fail' })
    const clm = { ...networkCheckFact(HEALTHY_NAT), windowsListener: null, windowsToLinux: { status: 'not-checked', reason: 'constrained-language' } as const }
    const reading = readNetworkCheck(clm)
    expect(reading.kind === 'read' && reading.checks.filter((c) => c.id.startsWith('localhost')).map((c) => c.outcome === 'not-checked' && c.reason)).toEqual([
      'no-windows-listener',
      'constrained-language',
    ])
  })
})
