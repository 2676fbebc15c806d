import firewallGpoLocalRulesOff from './firewall-gpo-local-rules-off.json'
import gsaDnsTunneling from './gsa-dns-tunneling.json'
import healthyWin1124h2 from './healthy-win11-24h2.json'
import hnsStale0x803b0001 from './hns-stale-0x803b0001.json'
import homeVmpMissing from './home-vmp-missing.json'
import hypervFirewallDisabledMirrored from './hyperv-firewall-disabled-mirrored.json'
import icsDisabled from './ics-disabled.json'
import icsDisabledByGpo from './ics-disabled-by-gpo.json'
import dnscacheDisabledZhCn from './dnscache-disabled-zh-cn.json'
import hypervFirewallOutboundBlock from './hyperv-firewall-outbound-block.json'
import inboxWslWin10 from './inbox-wsl-win10.json'
import ipv6DisabledMirrored from './ipv6-disabled-mirrored.json'
import ipv6DisabledMirroredWsl27 from './ipv6-disabled-mirrored-wsl-2-7.json'
import ipv6DisabledByDomainGpo from './ipv6-disabled-by-domain-gpo.json'
import nat0x80041002 from './nat-0x80041002.json'
import nat0x80041002FallbackVirtioproxy from './nat-0x80041002-fallback-virtioproxy.json'
import natDnsPort53Technitium from './nat-dns-port-53-technitium.json'
import policyForcesNat from './policy-forces-nat.json'
import portTrackerFse from './port-tracker-fse.json'
import seed22000Mirrored from './seed-22000-mirrored.json'
import server2025Mirrored from './server-2025-mirrored.json'
import virtualizationOffFirmware from './virtualization-off-firmware.json'
import vmwareLeftovers from './vmware-leftovers.json'
import vpnAnyconnectNat from './vpn-anyconnect-nat.json'
import vpnNrptDnsTunnelingOff from './vpn-nrpt-dns-tunneling-off.json'
import win1019045Mirrored from './win10-19045-mirrored.json'
import winsockLspProxifier from './winsock-lsp-proxifier.json'
import wslconfigBridgedWin10 from './wslconfig-bridged-win10.json'
import wslconfigNetworkmodeTypo from './wslconfig-networkmode-typo.json'
import wslconfigUtf16NoBom from './wslconfig-utf16-no-bom.json'
import wslconfigWindowsPathBackslashes from './wslconfig-windows-path-backslashes.json'
import wslserviceDisabled from './wslservice-disabled.json'
import zhCn22000Mirrored from './zh-cn-22000-mirrored.json'
import zhCnLocalhostProxy from './zh-cn-localhost-proxy.json'
import { Scenario } from './scenario'

/**
 * Every shipped scenario, validated at load. Imported statically (not read from disk) so Vite,
 * Vitest, tsx and Playwright all load the same files the same way.
 */
export const SCENARIOS: readonly Scenario[] = [
  healthyWin1124h2,
  seed22000Mirrored,
  nat0x80041002,
  win1019045Mirrored,
  zhCn22000Mirrored,
  server2025Mirrored,
  ipv6DisabledMirrored,
  ipv6DisabledMirroredWsl27,
  ipv6DisabledByDomainGpo,
  hypervFirewallDisabledMirrored,
  policyForcesNat,
  nat0x80041002FallbackVirtioproxy,
  natDnsPort53Technitium,
  vmwareLeftovers,
  hnsStale0x803b0001,
  icsDisabled,
  icsDisabledByGpo,
  dnscacheDisabledZhCn,
  hypervFirewallOutboundBlock,
  firewallGpoLocalRulesOff,
  wslserviceDisabled,
  homeVmpMissing,
  virtualizationOffFirmware,
  wslconfigNetworkmodeTypo,
  wslconfigWindowsPathBackslashes,
  zhCnLocalhostProxy,
  inboxWslWin10,
  winsockLspProxifier,
  gsaDnsTunneling,
  vpnAnyconnectNat,
  vpnNrptDnsTunnelingOff,
  wslconfigUtf16NoBom,
  portTrackerFse,
  wslconfigBridgedWin10,
].map((raw) => Scenario.parse(raw))

export const DEFAULT_SCENARIO_ID = 'seed-22000-mirrored'

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.id === id)
}
