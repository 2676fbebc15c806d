import type { Port53Endpoint } from './facts/host-dns'

/**
 * The sockets on UDP port 53 that keep WSL's NAT network from being created
 * (docs/knowledge/causes.md#dns-server-on-port-53): a program bound to every address (0.0.0.0 or
 * ::). Not counted: one bound to loopback or to a single address — the DNS servers' maintainers give
 * that as the fix (docs/knowledge/host-network-probes.md#port-53) — and svchost, where Windows' own DNS
 * proxy for shared networks (SharedAccess, which the NAT network uses) runs. A socket whose process
 * could not be named is counted: it is a holder, only not a named one.
 */
export function port53Blockers(endpoints: readonly Port53Endpoint[]): Port53Endpoint[] {
  return endpoints.filter((e) => e.scope === 'all' && e.processName?.toLowerCase() !== 'svchost')
}
