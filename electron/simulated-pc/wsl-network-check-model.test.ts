import { describe, expect, it } from 'vitest'
import { networkingStatus } from '../../shared/diagnosis/networking-verdict'
import { readNetworkCheck } from '../../shared/probes/network-check/network-check-results'
import { SCENARIOS } from '../../shared/scenarios'
import type { Scenario } from '../../shared/scenarios/scenario'
import { wslNetworkCheck } from './wsl-network-check-model'

const scenario = (id: string) => {
  const found = SCENARIOS.find((s) => s.id === id)
  if (found === undefined) throw new Error(`no scenario ${id}`)
  return structuredClone(found)
}
const status = (s: Scenario) => networkingStatus({ facts: { 'wsl-network-check': { status: 'known', durationMs: 3000, data: wslNetworkCheck(s) } } })
const rows = (s: Scenario) => {
  const reading = readNetworkCheck(wslNetworkCheck(s))
  if (reading.kind !== 'read') throw new Error(`not read: ${reading.reason}`)
  return Object.fromEntries(reading.checks.map((c) => [c.id, c.outcome]))
}

describe('the simulated networking check', () => {
  it('works in mirrored mode with localhost both ways on the healthy PC', () => {
    expect(status(scenario('healthy-win11-24h2'))).toEqual({ kind: 'works' })
    expect(rows(scenario('healthy-win11-24h2'))).toMatchObject({ 'localhost-linux-to-windows': 'pass', 'localhost-windows-to-linux': 'pass' })
  })

  it('works in NAT after the seed PC falls back from mirrored, without Linux → Windows localhost', () => {
    const seed = scenario('seed-22000-mirrored')
    expect(status(seed)).toEqual({ kind: 'works' })
    expect(rows(seed)).toMatchObject({ 'localhost-linux-to-windows': 'info', 'localhost-windows-to-linux': 'pass' })
  })

  it('loses TCP and HTTPS with AnyConnect in NAT, and recovers in mirrored mode', () => {
    const vpn = scenario('vpn-anyconnect-nat')
    expect(status(vpn)).toEqual({ kind: 'fails', failed: ['tcp-443', 'https'] })
    vpn.wslconfig = { text: '[wsl2]\nnetworkingMode=mirrored\n', encoding: 'utf8', lineEnding: 'crlf' }
    expect(status(vpn)).toEqual({ kind: 'works' })
  })

  it('has only the loopback when mirrored falls back to None on Server 2025, and works after switching to NAT', () => {
    const server = scenario('server-2025-mirrored')
    expect(status(server)).toMatchObject({ kind: 'fails', failed: expect.arrayContaining(['interfaces', 'dns-resolution']) as unknown })
    server.wslconfig = { text: '[wsl2]\nnetworkingMode=nat\n', encoding: 'utf8', lineEnding: 'crlf' }
    expect(status(server)).toEqual({ kind: 'works' })
  })

  it('cannot tell when WSL does not start, and tells again once the cause is gone', () => {
    const broken = scenario('nat-0x80041002')
    expect(status(broken)).toEqual({ kind: 'unknown', reason: { kind: 'not-run', reason: 'wsl-error' } })
  })

  it('fails DNS in NAT without tunneling when the Public profile blocks inbound, and DNS tunneling repairs it', () => {
    const pc = scenario('seed-22000-mirrored')
    pc.network = { ...pc.network, firewall: { Public: { allowInboundRules: false } } }
    expect(status(pc)).toEqual({ kind: 'fails', failed: ['dns-resolution', 'https'] })
    const healthy = scenario('healthy-win11-24h2')
    healthy.wslconfig = { text: '[wsl2]\nnetworkingMode=nat\ndnsTunneling=false\n', encoding: 'utf8', lineEnding: 'crlf' }
    healthy.network = { firewall: { Public: { allowInboundRules: false } } }
    expect(status(healthy)).toMatchObject({ kind: 'fails' })
    healthy.wslconfig = { text: '[wsl2]\nnetworkingMode=nat\ndnsTunneling=true\n', encoding: 'utf8', lineEnding: 'crlf' }
    expect(status(healthy)).toEqual({ kind: 'works' })
  })

  it('loses DNS (WSL 2.1.5: no tunneling, so DNS goes out too), TCP and HTTPS when the Hyper-V firewall blocks outbound, and recovers when it allows it', () => {
    const pc = scenario('hyperv-firewall-outbound-block')
    expect(status(pc)).toEqual({ kind: 'fails', failed: ['dns-resolution', 'tcp-443', 'https'] })
    pc.network = { ...pc.network, hyperVFirewall: { defaultOutboundAction: 'Allow' } }
    expect(status(pc)).toEqual({ kind: 'works' })
  })

  it('uses the scenario overrides for what only the distro knows: TLS interception, a static resolv.conf', () => {
    const pc = scenario('healthy-win11-24h2')
    pc.insideWsl = { tlsIssuer: 'C = US, O = Zscaler Inc., CN = Zscaler Intermediate Root CA' }
    expect(rows(pc)).toMatchObject({ 'tls-interception': 'fail', https: 'fail', 'tcp-443': 'pass' })
    pc.insideWsl = { wslConf: ['[network]', 'generateResolvConf = false'], staticNameserver: { address: '10.8.0.1', answers: false } }
    expect(rows(pc)).toMatchObject({ 'dns-config': 'pass', 'dns-resolution': 'fail' })
  })

  it('answers for every shipped scenario with a reading or an honest reason', () => {
    for (const s of SCENARIOS) {
      const reading = readNetworkCheck(wslNetworkCheck(s))
      expect(['read', 'not-run'], s.id).toContain(reading.kind)
    }
  })
})
