import type { FactOf } from '../../shared/probes/facts'
import { EVENT_LOGS, type EventRecord } from '../../shared/probes/facts/events'
import type { Scenario } from '../../shared/scenarios/scenario'
import { natFailureOf } from './nat-failure-model'
import { hasHyperVRole, hasVirtualizationStack } from './windows-capabilities'
import { hyperVFirewallUsable } from './wsl-feature-warnings'
import { simulateWslStart } from './wsl-startup-model'

type Log = (typeof EVENT_LOGS)[number]

/** When the user last started WSL on the simulated PC (the scan runs shortly after). */
const LAST_START_MS = Date.parse('2026-11-21T08:52:17Z')

function at(offsetSeconds: number): string {
  // .NET round-trip format ('o'), seven fractional digits, as the probe prints `TimeCreated`.
  return new Date(LAST_START_MS + offsetSeconds * 1000).toISOString().replace(/\.(\d{3})Z$/, (_, ms: string) => `.${ms}0000Z`)
}

/** HNS network ids WSL uses for NAT, without and with the Hyper-V firewall (docs/knowledge/wsl-checks.md#nat-network-internals). */
const WSL_NETWORK_ID = '{b95d0c5e-57d4-412b-b571-18a81a16e005}'
const WSL_FIREWALL_NETWORK_ID = '{790e58b4-7939-4434-9358-89ae7ddbe87e}'

/**
 * Which channels exist (docs/knowledge/probes.md#events): Application and System always; the HNS, Hyper-V-Compute and VmSwitch
 * channels come with the virtualization stack (VMP or the role, Medium); VMMS-Admin only with the
 * Hyper-V role (docs/knowledge/seed-reports.md#nat-0x80041002, docs/knowledge/probes.md#events).
 */
function available(scenario: Scenario, log: Log): boolean {
  switch (log) {
    case 'Application':
    case 'System':
      return true
    case 'Microsoft-Windows-Hyper-V-VMMS-Admin':
      return hasHyperVRole(scenario.windows)
    default:
      return hasVirtualizationStack(scenario.windows)
  }
}

/**
 * Events a failed NAT creation leaves (docs/knowledge/error-codes.md#hresult-table, docs/knowledge/host-causes.md#vmware-leftovers, docs/knowledge/seed-reports.md#nat-0x80041002):
 * - HNS-Admin 1013 "HNS-Network-Create" with the result code, text as quoted in #12055 (Medium);
 * - for 0x80041002, HNS-Admin 1000 "HNS failed to create vmswitch…" (#12055 shows its wording),
 *   a VmSwitch-Operational error for `NetMgmt::CreateVirtualSwitch` (#11505, docs/knowledge/error-codes.md#triage-bot-rules; the event id and
 *   wording are not in the KB: Low) and, with the Hyper-V role only, VMMS-Admin 16000 (#12019, High).
 */
function natFailureEvents(scenario: Scenario, code: string): Partial<Record<Log, EventRecord[]>> {
  const networkId = hyperVFirewallUsable(scenario) ? WSL_FIREWALL_NETWORK_ID : WSL_NETWORK_ID
  const hns = 'Microsoft-Windows-Host-Network-Service'
  const out: Partial<Record<Log, EventRecord[]>> = {
    'Microsoft-Windows-Host-Network-Service-Admin': [
      {
        provider: hns,
        id: 1013,
        level: 2,
        timeCreated: at(2),
        message: `HNS-Network-Create :- \n Network id = '${networkId}'.\n Network type = 'ICS'.\n  Result code = '${code}'. `,
      },
    ],
  }
  if (code.toLowerCase() !== '0x80041002') return out
  out['Microsoft-Windows-Host-Network-Service-Admin']?.push({
    provider: hns,
    id: 1000,
    level: 2,
    timeCreated: at(2),
    message: `HNS failed to create vmswitch with error '${code}' and adapter id = 'C08CB7B8-9B3C-408E-8E30-5E16A3AEB444'.`,
  })
  out['Microsoft-Windows-Hyper-V-VmSwitch-Operational'] = [
    {
      provider: 'Microsoft-Windows-Hyper-V-VmSwitch',
      id: 25,
      level: 2,
      timeCreated: at(1),
      message: `NetMgmt::CreateVirtualSwitch: CreateVSwitchExtensionMiniport call failed for switch WSL. Status: Not found (${code}).`,
    },
  ]
  if (hasHyperVRole(scenario.windows)) {
    out['Microsoft-Windows-Hyper-V-VMMS-Admin'] = [
      {
        provider: 'Microsoft-Windows-Hyper-V-VMMS',
        id: 16000,
        level: 2,
        timeCreated: at(1),
        message: `The Hyper-V Virtual Machine Management service encountered an unexpected error: Not found (${code}).`,
      },
    ]
  }
  return out
}

/**
 * What the `events` probe reads (docs/knowledge/probes.md#events): the last 7 days of each log. Derived from
 * the PC's state — the last WSL start's warnings in the Application log under source `WSL` (docs/knowledge/wslconfig.md,
 * docs/knowledge/probes.md#wsl-startup, Medium; the event id is not in the KB, 0 is used, Low) and the NAT-failure events above —
 * plus the scenario's explicit records. Newest first, as `Get-WinEvent` returns them.
 */
export function eventsFact(scenario: Scenario): FactOf<'events'> {
  const start = simulateWslStart(scenario)
  const derived: Partial<Record<Log, EventRecord[]>> = {
    Application: start.lines
      .filter((line) => line.startsWith('wsl: '))
      .map((line, index) => ({ provider: 'WSL', id: 0, level: 3, timeCreated: at(3 + index), message: line.slice(5) })),
  }
  const failure = natFailureOf(scenario)
  const natTried = start.lines.some((l) => l.includes('networkingMode Nat') || l.includes('ConfigureNetworking/HNS/'))
  if (failure !== null && natTried) Object.assign(derived, natFailureEvents(scenario, failure.code))
  return {
    sinceDays: 7,
    logs: EVENT_LOGS.map((log) => {
      if (!available(scenario, log)) return { log, available: false, error: null, events: [] }
      const events = [...(derived[log] ?? []), ...(scenario.events?.[log] ?? [])]
      events.sort((a, b) => b.timeCreated.localeCompare(a.timeCreated))
      return { log, available: true, error: null, events }
    }),
  }
}
