/**
 * The interfaces Linux lists inside the distro, from `ip addr` (iproute2) or `ifconfig` (net-tools).
 * Neither is localized. With mirrored networking that failed, only `lo` is left (#11090 `ip a`,
 * #11423 `ifconfig`): that is what the in-distro check's "interfaces" row reads
 * (shared/probes/network-check/network-check-results.ts), read here from what the user pasted.
 */
export interface PastedLinuxInterface {
  readonly name: string
  /** `ip addr`: `state UP/DOWN/UNKNOWN`; `ifconfig`: UP+RUNNING → up, else down. */
  readonly state: 'up' | 'down' | 'unknown'
  readonly loopback: boolean
  readonly ipv4: readonly string[]
}

/** `2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000` */
const IP_LINK = /^\d{1,5}: ([^\s:@]{1,32})(?:@\S{1,40})?: <([A-Z0-9_,-]{0,200})> mtu \d+(?:.*? state (UP|DOWN|UNKNOWN|DORMANT|LOWERLAYERDOWN)\b)?/u
/** `    inet 172.20.196.168/20 brd 172.20.207.255 scope global eth0` */
const IP_INET = /^\s+inet (\d{1,3}(?:\.\d{1,3}){3})(?:\/\d{1,2})?\s/u
/** `lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536` */
const IFCONFIG = /^([^\s:]{1,32}): flags=\d+<([A-Z0-9_,-]{0,200})>\s+mtu \d+/u
/** `        inet 127.0.0.1  netmask 255.0.0.0` */
const IFCONFIG_INET = /^\s+inet (\d{1,3}(?:\.\d{1,3}){3})\s+netmask\s/u

const LOOPBACK_NAMES = new Set(['lo', 'loopback0'])

/** Null when the paste holds neither form. */
export function pastedLinuxInterfaces(lines: readonly string[]): PastedLinuxInterface[] | null {
  const found = new Map<string, { name: string; state: PastedLinuxInterface['state']; loopback: boolean; ipv4: string[] }>()
  let current: { ipv4: string[] } | null = null
  for (const line of lines) {
    if (line.length > 400) continue
    const link = IP_LINK.exec(line)
    const ifc = link === null ? IFCONFIG.exec(line) : null
    const match = link ?? ifc
    if (match?.[1] !== undefined) {
      const flags = (match[2] ?? '').split(',')
      const state: PastedLinuxInterface['state'] = link !== null ? stateOf(link[3]) : flags.includes('UP') && flags.includes('RUNNING') ? 'up' : 'down'
      const entry = found.get(match[1]) ?? { name: match[1], state, loopback: flags.includes('LOOPBACK') || LOOPBACK_NAMES.has(match[1]), ipv4: [] }
      found.set(match[1], entry)
      current = entry
      continue
    }
    if (current === null) continue
    if (!/^\s/u.test(line) && line.trim() !== '') {
      current = null
      continue
    }
    const inet = IP_INET.exec(line) ?? IFCONFIG_INET.exec(line)
    if (inet?.[1] !== undefined && !current.ipv4.includes(inet[1])) current.ipv4.push(inet[1])
  }
  return found.size === 0 ? null : [...found.values()]
}

function stateOf(value: string | undefined): PastedLinuxInterface['state'] {
  switch (value) {
    case 'UP':
      return 'up'
    case 'DOWN':
    case 'LOWERLAYERDOWN':
    case 'DORMANT':
      return 'down'
    default:
      return 'unknown'
  }
}

/** No interface but loopback ones (`lo`, mirrored mode's `loopback0`) is up with an address. */
export function onlyLoopback(interfaces: readonly PastedLinuxInterface[]): boolean {
  return !interfaces.some((i) => !i.loopback && i.name !== 'loopback0' && i.state !== 'down' && i.ipv4.length > 0)
}
