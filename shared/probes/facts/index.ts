import type { z } from 'zod'
import type { ProbeId } from '../probe-ids'
import { ServicesFact } from './services'
import { MirroredReadinessFact } from './mirrored-readiness'
import { VirtualizationFact } from './virtualization'
import { EventsFact } from './events'
import { NetworkAdaptersFact } from './network-adapters'
import { ProxySettingsFact } from './proxy-settings'
import { WinsockCatalogFact } from './winsock-catalog'
import { InstalledProductsFact } from './installed-products'
import { FirewallProfilesFact } from './firewall-profiles'
import { HyperVFirewallFact } from './hyperv-firewall'
import { HostNetworkingFact } from './host-networking'
import { HostDnsFact } from './host-dns'
import { WindowsVersionFact } from './windows-version'
import { WslconfigFileFact } from './wslconfig-file'
import { WslInstallFact } from './wsl-install'
import { WslStartupFact } from './wsl-startup'
import { WslNetworkCheckFact } from './wsl-network-check'

/** The schema of each probe's data: PowerShell output is `unknown` until it passes this. */
export const FACT_SCHEMAS = {
  'windows-version': WindowsVersionFact,
  'wsl-install': WslInstallFact,
  'wslconfig-file': WslconfigFileFact,
  services: ServicesFact,
  'mirrored-readiness': MirroredReadinessFact,
  virtualization: VirtualizationFact,
  events: EventsFact,
  'network-adapters': NetworkAdaptersFact,
  'proxy-settings': ProxySettingsFact,
  'winsock-catalog': WinsockCatalogFact,
  'installed-products': InstalledProductsFact,
  'firewall-profiles': FirewallProfilesFact,
  'hyperv-firewall': HyperVFirewallFact,
  'host-networking': HostNetworkingFact,
  'host-dns': HostDnsFact,
  'wsl-startup': WslStartupFact,
  'wsl-network-check': WslNetworkCheckFact,
} as const satisfies Record<ProbeId, z.ZodType>

export type FactOf<P extends ProbeId> = z.infer<(typeof FACT_SCHEMAS)[P]>
