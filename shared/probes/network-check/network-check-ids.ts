/**
 * The checks of the inside-WSL networking check, in the order the table shows them. One registry:
 * results, rules, the verdict and the table's texts are all keyed by these ids.
 */
export const NETWORK_CHECK_IDS = [
  'interfaces',
  'default-route',
  'dns-config',
  'dns-resolution',
  'tcp-443',
  'https',
  'tls-interception',
  'windows-host',
  'localhost-linux-to-windows',
  'localhost-windows-to-linux',
  'mtu',
] as const
export type NetworkCheckId = (typeof NETWORK_CHECK_IDS)[number]

/**
 * The checks that together say "networking works": an interface with a route, names resolve, and
 * the internet answers on 443 (plain TCP and HTTPS). The others explain a failure or a narrower
 * problem (localhost forwarding, a proxy re-signing TLS) but do not make networking "fail":
 * Linux → Windows localhost, for one, does not exist in NAT mode by design
 * (docs/knowledge/wsl-network-check.md#verdict).
 */
export const CORE_NETWORK_CHECKS: readonly NetworkCheckId[] = ['interfaces', 'default-route', 'dns-resolution', 'tcp-443', 'https']
