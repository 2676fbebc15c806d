import type { Scenario } from '../../shared/scenarios/scenario'
import { port53Blockers } from '../../shared/probes/port53-holders'
import { servicesOf } from './default-services'
import { port53Endpoints } from './host-dns-model'

/**
 * Why HNS cannot create WSL's NAT network on this PC, when it cannot (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/error-codes.md#hresult-table):
 * - `scenario`: the scenario states the HNS code (0x80041002 vmswitch, 0x803b0001 stale network…);
 * - `ics-disabled`: SharedAccess (ICS) is disabled. The KB gives both 0x80070422 (#12074, High) and
 *   HCN_E_ICS_DISABLED 0x803b002A (name High, mapping Medium, docs/knowledge/error-codes.md#hresult-table/F.6); the simulation prints
 *   0x80070422, the code a real report shows (Medium);
 * - `vmp-networking-missing`: WSL's own "is VMP installed" test fails (HNS and vmcompute exist, and
 *   build < 22621 or vfpext exists; docs/knowledge/error-codes.md#hresult-table), e.g. Hyper-V role on 22621+ without VMP → vfpext missing,
 *   0x800704db (#10666, Medium);
 * - `dns-port-53-held`: a program other than Windows holds UDP 53 on every address, so the NAT
 *   network's DNS proxy cannot bind it: HNS 0xffffffff
 *   (docs/knowledge/causes.md#dns-server-on-port-53, docs/knowledge/host-network-probes.md#port-53, High for the code, Medium for the cause).
 */
export type NatFailure =
  | { readonly cause: 'scenario'; readonly code: string }
  | { readonly cause: 'ics-disabled'; readonly code: '0x80070422' }
  | { readonly cause: 'vmp-networking-missing'; readonly code: '0x800704db' }
  | { readonly cause: 'dns-port-53-held'; readonly code: '0xffffffff' }

/** The NAT creation failure on this PC, or null when HNS creates the network (docs/knowledge/wsl-checks.md#nat-network-creation-and-fallback, docs/knowledge/error-codes.md#hresult-table, docs/knowledge/host-causes.md#ics-disabled). */
export function natFailureOf(scenario: Scenario): NatFailure | null {
  const explicit = scenario.host.natNetworkFailure
  if (explicit !== null) return { cause: 'scenario', code: explicit }
  if (!vmpInstalledForWsl(scenario)) return { cause: 'vmp-networking-missing', code: '0x800704db' }
  const ics = servicesOf(scenario).find((s) => s.name === 'SharedAccess')
  if (ics !== undefined && (!ics.exists || ics.startType === 'disabled')) return { cause: 'ics-disabled', code: '0x80070422' }
  if (port53Blockers(port53Endpoints(scenario)).length > 0) return { cause: 'dns-port-53-held', code: '0xffffffff' }
  return null
}

/** WSL's `IsVirtualMachinePlatformInstalled`: HNS and vmcompute exist, and (build < 22621 or vfpext) (docs/knowledge/error-codes.md#hresult-table). */
export function vmpInstalledForWsl(scenario: Scenario): boolean {
  const exists = (name: string) => servicesOf(scenario).some((s) => s.name === name && s.exists)
  const build = Number.parseInt(scenario.windows.currentBuild, 10)
  return exists('hns') && exists('vmcompute') && (build < 22621 || exists('vfpext'))
}
