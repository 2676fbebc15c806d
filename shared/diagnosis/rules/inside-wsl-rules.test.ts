import { describe, expect, it } from 'vitest'
import { HEALTHY_MIRRORED, HEALTHY_NAT, networkCheckFact, type InsideWslState } from '../../probes/network-check/network-check-text'
import { diagnose } from '../diagnose'
import { snapshot, text, wslconfig } from '../test-support/test-snapshot'

const inside = (patch: Partial<InsideWslState>, base: InsideWslState = HEALTHY_NAT) => networkCheckFact({ ...base, ...patch })
const ids = (s: ReturnType<typeof snapshot>) => diagnose(s).map((f) => f.id)
const mirrored = { 'wslconfig-file': wslconfig('[wsl2]\nnetworkingMode=mirrored\n'), 'wsl-startup': { networkingModeOutput: text('mirrored\n') } } as const
const ONLY_LO = [{ name: 'lo', state: 'unknown', mtu: 65536, inet: ['127.0.0.1/8'] }]

describe('inside-WSL rules', () => {
  it('finds nothing on a healthy NAT or mirrored distro', () => {
    expect(ids(snapshot({ 'wsl-network-check': inside({}) }))).toEqual([])
    expect(ids(snapshot({ ...mirrored, 'wsl-network-check': inside({}, HEALTHY_MIRRORED) }))).toEqual([])
  })

  it('says nothing when the check did not run (no consent)', () => {
    expect(ids(snapshot({ 'wsl-network-check': { unknown: 'no-consent' } }))).toEqual([])
  })

  it('names a distro that has only the loopback, and offers NAT when mirrored was asked for', () => {
    const none = snapshot({
      ...mirrored,
      'wsl-startup': { networkingModeOutput: text('none\n') },
      'wsl-network-check': inside({
        interfaces: ONLY_LO,
        defaultRoute: null,
        dns: { ok: false, ms: 5, code: 2 },
        tcp443: { ok: false, ms: 0 },
        https: { curlExit: 6, ms: 5 },
        tlsIssuer: null,
      }),
    })
    const found = diagnose(none).find((f) => f.id === 'inside-no-network-interface')
    expect(found).toMatchObject({ severity: 'error', confidence: 'high' })
    expect(found?.fixes).toContain('wslconfig-set-nat')
    const natOnly = snapshot({
      'wsl-startup': { networkingModeOutput: text('none\n') },
      'wsl-network-check': inside({ interfaces: ONLY_LO, defaultRoute: null }),
    })
    expect(diagnose(natOnly).find((f) => f.id === 'inside-no-network-interface')?.fixes).not.toContain('wslconfig-set-nat')
    // Near miss: eth0 is there and up.
    expect(ids(snapshot({ 'wsl-network-check': inside({ dns: { ok: false, ms: 5, code: 2 } }) }))).not.toContain('inside-no-network-interface')
  })

  it('blames DNS when names fail but TCP 443 works, and not when TCP fails too', () => {
    const dnsBroken = inside({ dns: { ok: false, ms: 10020, code: 2 }, https: { curlExit: 6, ms: 10030 }, tlsIssuer: null })
    const found = diagnose(snapshot({ 'wsl-network-check': dnsBroken })).find((f) => f.id === 'inside-dns-fails')
    expect(found?.evidence.map((e) => e.key)).toEqual(['ev.insideDnsFailed', 'ev.insideTcpWorks', 'ev.insideNameservers'])
    expect(found?.evidence[2]?.args).toEqual({ servers: '10.255.255.254' })
    const allBroken = inside({ dns: { ok: false, ms: 10020, code: 2 }, tcp443: { ok: false, ms: 5010 }, https: { curlExit: 28, ms: 12000 }, tlsIssuer: null })
    expect(ids(snapshot({ 'wsl-network-check': allBroken }))).not.toContain('inside-dns-fails')
  })

  it('names a resolv.conf WSL did not write when its server does not answer, citing generateResolvConf=false', () => {
    const staticFile = inside({
      resolv: { symlink: null, lines: ['nameserver 10.8.0.1'] },
      wslConf: ['[network]', 'generateResolvConf = false'],
      dns: { ok: false, ms: 10020, code: 2 },
      https: { curlExit: 6, ms: 10030 },
      tlsIssuer: null,
    })
    const findings = diagnose(snapshot({ 'wsl-network-check': staticFile }))
    const found = findings.find((f) => f.id === 'inside-resolv-conf-not-wsl')
    expect(found).toMatchObject({ severity: 'error', confidence: 'high', fixes: ['distro-restore-resolv-conf'], args: { servers: '10.8.0.1' } })
    expect(found?.evidence.map((e) => e.key)).toEqual(['ev.insideResolvWriter', 'ev.insideGenerateResolvConfOff', 'ev.insideDnsFailed'])
    // The generic DNS finding does not repeat it.
    expect(findings.map((f) => f.id)).not.toContain('inside-dns-fails')
    // Near miss: the same static file, but its server answers.
    expect(ids(snapshot({ 'wsl-network-check': inside({ resolv: { symlink: null, lines: ['nameserver 10.8.0.1'] } }) }))).toEqual([])
  })

  it('names TLS interception from the issuer, as an error when HTTPS then fails', () => {
    const zscaler = 'C = US, ST = California, O = Zscaler Inc., OU = Zscaler Inc., CN = Zscaler Intermediate Root CA (zscaler.net) (t)'
    const failing = diagnose(snapshot({ 'wsl-network-check': inside({ tlsIssuer: zscaler, https: { curlExit: 60, ms: 240 } }) })).find(
      (f) => f.id === 'inside-tls-intercepted',
    )
    expect(failing).toMatchObject({ severity: 'error', fixes: ['distro-trust-proxy-ca'] })
    expect(String(failing?.args['issuer'])).toContain('Zscaler')
    const trusted = diagnose(snapshot({ 'wsl-network-check': inside({ tlsIssuer: zscaler }) })).find((f) => f.id === 'inside-tls-intercepted')
    expect(trusted?.severity).toBe('warning')
    expect(ids(snapshot({ 'wsl-network-check': inside({}) }))).not.toContain('inside-tls-intercepted')
  })

  it('names broken localhost forwarding only where WSL provides it', () => {
    // NAT: Windows → Linux should work (localhostForwarding defaults to true).
    expect(ids(snapshot({ 'wsl-network-check': inside({ localhostIn: false }) }))).toContain('inside-localhost-broken')
    // NAT with localhostForwarding=false: the user turned it off.
    expect(
      ids(snapshot({ 'wslconfig-file': wslconfig('[wsl2]\nlocalhostForwarding=false\n'), 'wsl-network-check': inside({ localhostIn: false }) })),
    ).not.toContain('inside-localhost-broken')
    // NAT: Linux → Windows over 127.0.0.1 never works, by design: not a finding.
    expect(ids(snapshot({ 'wsl-network-check': inside({ localhostOut: false }) }))).not.toContain('inside-localhost-broken')
    // Mirrored: both directions must work.
    const out = diagnose(snapshot({ ...mirrored, 'wsl-network-check': inside({ localhostOut: false }, HEALTHY_MIRRORED) })).find(
      (f) => f.id === 'inside-localhost-broken',
    )
    expect(out?.evidence.map((e) => e.key)).toEqual(['ev.insideLocalhostOut'])
  })
})
