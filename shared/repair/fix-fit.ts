import { configuredMode, mirroredBlocked, service } from '../diagnosis/derived'
import type { FindingId } from '../diagnosis/finding-ids'
import { firewallBlocksWslDns } from '../diagnosis/firewall-setting-owner'
import type { FixId } from '../diagnosis/fix-ids'
import type { MachineView } from '../diagnosis/machine-view'

/**
 * How a fix meets one cause, best first (docs/knowledge/fix-ladder.md#fit):
 * - `removes-cause`: it changes the very fact the finding rests on (turns the service back on,
 *   deletes the registry value, corrects the key);
 * - `likely`: a WSL maintainer or the knowledge base names it as the fix for this cause;
 * - `may-help`: reported to clear it in some cases, not certainly;
 * - `works-around`: the cause stays; the fix avoids it (NAT instead of mirrored, no networking,
 *   WSL 1). Verify then says "still true — here is what you can do", never "fixed".
 */
export type Fit = 'removes-cause' | 'likely' | 'may-help' | 'works-around'

export const FIT_RANK: Readonly<Record<Fit, number>> = { 'removes-cause': 0, likely: 1, 'may-help': 2, 'works-around': 3 }

/** A fit, or a function of the PC: null means the fix cannot help this cause on this PC. */
type FitRule = Fit | ((view: MachineView) => Fit | null)

/** Restarting WSL cannot re-enable a disabled service: only offered when the service is not disabled. */
const shutdownUnlessDisabled =
  (name: string) =>
  (view: MachineView): Fit | null => {
    const s = service(view, name)
    return s === null || s.startType !== 'disabled' ? 'may-help' : null
  }

/** NAT avoids a mirrored-only problem only while mirrored is asked for (NAT is WSL's default). */
const natIfMirrored = (view: MachineView): Fit | null => (configuredMode(view) === 'mirrored' ? 'works-around' : null)

/** Mirrored asked for where Windows cannot run it: WSL fell back to no network, and only NAT brings one. */
const mirroredCannotRun = (view: MachineView): boolean =>
  configuredMode(view) === 'mirrored' && (mirroredBlocked(view) === true || (view.windows.known && view.windows.value.isServer === true))
const unlessMirroredBlocked = (view: MachineView): Fit | null => (mirroredCannotRun(view) ? null : 'may-help')
const natForMissingNetwork = (view: MachineView): Fit | null => (mirroredCannotRun(view) ? 'likely' : natIfMirrored(view))

/** The hypervisor launch setting matters only when firmware virtualization is on (docs/knowledge/host-causes.md#virtualization-off). */
const hypervisorLaunch = (view: MachineView): Fit | null => {
  const v = view.virtualization.known ? view.virtualization.value : null
  if (v === null) return 'may-help'
  if (v.hypervisorLaunchType !== null && /off/i.test(v.hypervisorLaunchType)) return 'removes-cause'
  if (v.firmwareVirtualization === false) return null
  return 'may-help'
}

/**
 * Every (finding, fix) pair a rule can name, with how well the fix meets that cause. A pair not
 * listed here is offered as `may-help` (and `fix-fit.test.ts` fails on any scenario that shows one).
 */
export const FIX_FIT: Readonly<Partial<Record<FindingId, Partial<Record<FixId, FitRule>>>>> = {
  'mirrored-unsupported-windows': { 'windows-feature-update': 'removes-cause', 'wslconfig-set-nat': natIfMirrored },
  'mirrored-unsupported-server': { 'wslconfig-set-nat': natIfMirrored },
  'mirrored-ipv6-disabled': {
    'remove-ipv6-disabled-components': 'removes-cause',
    reboot: null_,
    'wslconfig-set-nat': natIfMirrored,
    // On a domain PC (managed-pc-caution.ts): IT removes the policy that writes the value.
    'policy-contact-it': 'removes-cause',
  },
  'mirrored-hyperv-firewall-unavailable': {
    'enable-hyperv-firewall': 'removes-cause',
    // With HyperVFirewallDisable set, a restart changes nothing; with a broken WMI class it may.
    reboot: (view) => (view.readiness.known && view.readiness.value.hyperVFirewallDisable === 1 ? null : 'may-help'),
    'windows-update': 'may-help',
    'wslconfig-set-nat': natIfMirrored,
  },
  'mirrored-kernel-too-old': { 'wslconfig-fix-key': 'removes-cause', 'wslconfig-set-nat': natIfMirrored },
  'mirrored-fell-back-unknown-cause': { reboot: 'may-help', 'windows-update': 'may-help', 'wsl-update': 'may-help', 'wslconfig-set-nat': natIfMirrored },
  'networking-mode-set-by-policy': { 'policy-contact-it': 'removes-cause' },
  'nat-vmswitch-not-found': {
    // docs/knowledge/error-codes.md#hresult-table 0x80041002: the latest cumulative update (OneBlue, #11505) and the VMP toggle (benhillis, #10054).
    'windows-update': 'likely',
    'toggle-vmp': 'likely',
    'vmware-cleanup': 'removes-cause',
    'wsl-update': 'may-help',
    'wsl-update-prerelease': 'may-help',
    'delete-wsl-hns-network': 'may-help',
    reboot: 'may-help',
    'network-reset': 'may-help',
    'system-restore': 'may-help',
    'wslconfig-set-none': 'works-around',
    'wsl1-fallback': 'works-around',
  },
  'nat-vmware-leftovers': {
    'vmware-cleanup': 'removes-cause',
    'windows-update': 'may-help',
    'toggle-vmp': 'may-help',
    'wsl-update': 'may-help',
    'wsl-update-prerelease': 'may-help',
    'delete-wsl-hns-network': 'may-help',
    reboot: 'may-help',
    'network-reset': 'likely',
    'system-restore': 'may-help',
    'wslconfig-set-none': 'works-around',
    'wsl1-fallback': 'works-around',
  },
  // docs/knowledge/fixes.md#delete-wsl-hns-network: a stale WSL network is deleted (WSL recreates it) or cleared by a restart.
  'nat-hns-network-stale': { 'delete-wsl-hns-network': 'likely', reboot: 'likely', 'network-reset': 'may-help' },
  'nat-ics-disabled': { 'policy-contact-it': 'removes-cause', 'enable-sharedaccess': 'removes-cause', 'wsl-shutdown': shutdownUnlessDisabled('SharedAccess') },
  'wsl-service-disabled': { 'policy-contact-it': 'removes-cause', 'enable-wslservice': 'removes-cause' },
  'dns-client-disabled': { 'policy-contact-it': 'removes-cause', 'enable-dnscache': 'removes-cause' },
  'hyperv-firewall-blocks-outbound': { 'hyperv-firewall-allow-outbound': 'removes-cause', 'policy-contact-it': 'removes-cause' },
  // Inside WSL (docs/knowledge/wsl-network-check.md): restarting WSL recreates its network; NAT
  // avoids a mirrored network that did not come up.
  'inside-no-network-interface': { 'wsl-shutdown': unlessMirroredBlocked, reboot: unlessMirroredBlocked, 'wslconfig-set-nat': natForMissingNetwork },
  // A firewall profile that stops WSL's DNS rule outlives a restart of WSL.
  'inside-dns-fails': { 'wsl-shutdown': (view) => (firewallBlocksWslDns(view) ? null : 'may-help'), 'wslconfig-enable-dns-tunneling': 'works-around' },
  'inside-resolv-conf-not-wsl': { 'distro-restore-resolv-conf': 'removes-cause' },
  'inside-tls-intercepted': { 'distro-trust-proxy-ca': 'removes-cause' },
  'inside-localhost-broken': { 'wsl-shutdown': 'may-help', 'wslconfig-set-mirrored': 'works-around' },
  // A restart turns no feature on (docs/knowledge/fix-ladder.md#restart).
  'vmp-missing': { 'enable-vmp': 'removes-cause', reboot: null_, 'toggle-vmp': 'may-help' },
  'virtualization-disabled': {
    'firmware-virtualization': 'removes-cause',
    'hypervisor-launch-auto': hypervisorLaunch,
    'enable-vmp': 'removes-cause',
    reboot: null_,
    'wsl1-fallback': 'works-around',
  },
  'nat-fell-back': {
    'wsl-shutdown': 'may-help',
    'windows-update': 'may-help',
    'delete-wsl-hns-network': 'likely',
    reboot: 'may-help',
    'toggle-vmp': 'may-help',
    'network-reset': 'may-help',
  },
  'nat-dns-port-53-in-use': { 'free-port-53': 'removes-cause' },
  'nat-creation-failed': {
    'wsl-shutdown': 'may-help',
    'wsl-update': 'may-help',
    'windows-update': 'may-help',
    'delete-wsl-hns-network': 'may-help',
    reboot: 'may-help',
    'toggle-vmp': 'may-help',
    'network-reset': 'may-help',
    'wslconfig-set-none': 'works-around',
    'wsl1-fallback': 'works-around',
  },
  // A misspelled or misplaced key is not fixed by restarting WSL: only the edit is offered.
  'wslconfig-fails-to-load': { 'wslconfig-fix-key': 'removes-cause', 'wsl-shutdown': null_ },
  'wslconfig-networking-key-ignored': { 'wslconfig-fix-key': 'removes-cause', 'wsl-shutdown': null_ },
  'wslconfig-warnings': { 'wslconfig-fix-key': 'removes-cause' },
  'wslconfig-encoding': { 'wslconfig-reencode': 'removes-cause', 'wsl-shutdown': null_ },
  'wslconfig-misnamed': { 'wslconfig-rename-file': 'removes-cause', 'wsl-shutdown': null_ },
  // docs/knowledge/causes.md#bridged-on-windows-10: NAT lets WSL start but is not the bridge asked for; Windows 11 has what bridged mode needs.
  'wslconfig-bridged-unsupported': { 'wslconfig-set-nat': 'works-around', 'windows-feature-update': 'removes-cause' },
  'wsl-not-installed': { 'enable-vmp': 'likely', 'wsl-update': 'removes-cause' },
  'wsl-inbox-only': { 'wsl-update': 'removes-cause' },
  'wsl-outdated': { 'wsl-update': 'removes-cause' },
  'localhost-proxy-not-mirrored': {
    'wslconfig-set-mirrored': 'removes-cause',
    'proxy-listen-on-lan': 'removes-cause',
    'wslconfig-disable-autoproxy': 'works-around',
  },
  // A VPN stays connected: these avoid what it breaks in NAT (docs/knowledge/host-causes.md#vpn-clients), the adapter remains.
  'vpn-detected': { 'wslconfig-enable-dns-tunneling': 'works-around', 'wslconfig-set-mirrored': 'works-around' },
  // docs/knowledge/wsl-checks.md#dns-tunneling: with tunneling WSL's DNS queries go through the Windows DNS client, which applies the NRPT.
  'nrpt-not-applied-in-wsl': { 'wslconfig-enable-dns-tunneling': 'removes-cause' },
  // docs/knowledge/wsl-checks.md#dns-tunneling: Microsoft recommends dnsTunneling=false or NAT while the GSA client runs.
  'dns-tunneling-disabled-by-gsa': { 'wslconfig-disable-dns-tunneling': 'works-around', 'wslconfig-set-nat': natIfMirrored, 'wslconfig-fix-key': null_ },
  'firewall-blocks-wsl-dns': {
    'wslconfig-enable-dns-tunneling': 'works-around',
    'firewall-allow-local-rules': 'removes-cause',
    'policy-contact-it': 'removes-cause',
  },
  'winsock-lsp': { 'remove-lsp': 'removes-cause', 'winsock-reset': 'removes-cause', 'system-restore': 'may-help' },
  'hosts-file-too-large': { 'shrink-hosts-file': 'removes-cause', 'wslconfig-enable-dns-tunneling': 'works-around' },
  'port-tracker-fse': { 'remove-port-tracker': 'removes-cause', reboot: null_ },
}

function null_(): null {
  return null
}

/** How `fixId` meets `findingId` on this PC; null: it cannot help here. `listed`: the pair is in the table. */
export function fitOf(findingId: FindingId, fixId: FixId, view: MachineView): { readonly fit: Fit | null; readonly listed: boolean } {
  const rule = FIX_FIT[findingId]?.[fixId]
  if (rule === undefined) return { fit: 'may-help', listed: false }
  return { fit: typeof rule === 'function' ? rule(view) : rule, listed: true }
}
