import { describe, expect, it } from 'vitest'
import { snapshotOfScenario } from '../../../electron/simulated-pc/scenario-snapshot'
import type { ProbeId } from '../../probes/probe-ids'
import { SCENARIOS } from '../../scenarios'
import { RULES, diagnose, diagnoseProgress } from '../diagnose'
import { buildMachineView, type MachineView } from '../machine-view'

/** The probe behind each part of the machine view. */
const PROBE_OF: Readonly<Record<keyof MachineView, ProbeId>> = {
  windows: 'windows-version',
  wsl: 'wsl-install',
  config: 'wslconfig-file',
  services: 'services',
  servicePolicy: 'services',
  readiness: 'mirrored-readiness',
  virtualization: 'virtualization',
  events: 'events',
  adapters: 'network-adapters',
  proxy: 'proxy-settings',
  winsock: 'winsock-catalog',
  installedProducts: 'installed-products',
  firewall: 'firewall-profiles',
  hypervFirewall: 'hyperv-firewall',
  hostNetworking: 'host-networking',
  hostDns: 'host-dns',
  output: 'wsl-startup',
  networkCheck: 'wsl-network-check',
  eventCodes: 'events',
  // What the user's own words say comes with the pasted text, which stands in for the startup output.
  pastedFacts: 'wsl-startup',
}

/** The view parts a check reads, seen through a proxy. */
function probesRead(view: MachineView, check: (view: MachineView) => unknown): Set<ProbeId> {
  const read = new Set<ProbeId>()
  const spy = new Proxy(view, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key in PROBE_OF) read.add(PROBE_OF[key as keyof MachineView])
      return Reflect.get(target, key, receiver) as unknown
    },
  })
  check(spy)
  return read
}

const snapshots = SCENARIOS.flatMap((scenario) => [true, false].map((allowWslStart) => snapshotOfScenario(scenario, { appVersion: 'test', allowWslStart })))

describe('rule needs', () => {
  it('declare every fact the rule reads, in every scenario', () => {
    for (const [index, rule] of RULES.entries()) {
      for (const snapshot of snapshots) {
        const read = probesRead(buildMachineView(snapshot), rule.check)
        const undeclared = [...read].filter((probe) => !rule.needs.includes(probe))
        expect({ rule: index, name: rule.check.name, undeclared }).toEqual({ rule: index, name: rule.check.name, undeclared: [] })
      }
    }
  })

  it('progressive diagnosis with nothing pending is the plain diagnosis', () => {
    for (const snapshot of snapshots) {
      const progress = diagnoseProgress(snapshot, new Set())
      expect(progress.findings).toEqual(diagnose(snapshot))
      expect(progress.waitingFor).toEqual({})
    }
  })

  it('marks a finding whose rule waits for a pending probe, and keeps the others final', () => {
    const scenario = SCENARIOS.find((s) => s.id === 'wslservice-disabled')!
    const full = snapshotOfScenario(scenario, { appVersion: 'test' })
    const { 'wsl-startup': _startup, ...rest } = full.facts
    const { findings, waitingFor } = diagnoseProgress({ ...full, facts: rest }, new Set<ProbeId>(['wsl-startup']))
    expect(findings.map((f) => f.id)).toContain('wsl-service-disabled')
    expect(waitingFor['wsl-service-disabled']).toEqual(['wsl-startup'])
    // Pasted WSL output stands in for the startup probe.
    expect(
      diagnoseProgress({ ...full, facts: rest }, new Set<ProbeId>(['wsl-startup']), 'Error code: Wsl/0x80070422').waitingFor['wsl-service-disabled'],
    ).toBeUndefined()
  })
})
