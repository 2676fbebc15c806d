/**
 * `ipconfig /all` as Windows prints it in English and Simplified Chinese. Its labels are localized
 * (`Description` / `描述`, `DNS Servers` / `DNS 服务器`, `Media State … Media disconnected` /
 * `媒体状态 … 媒体已断开连接`); real outputs are quoted in pasted-outputs-ipconfig.test.ts with their
 * sources. Read: each adapter's name (`Ethernet adapter vEthernet (WSL):` / `以太网适配器 vEthernet
 * (WSL):`), description, whether its media is disconnected, its DNS servers, and whether it has any
 * IPv6 address. Anything else is left unread.
 */
export interface PastedAdapter {
  /** The connection name after "adapter" / "适配器": `vEthernet (WSL)`, `Ethernet 3`, `以太网`. */
  readonly name: string
  readonly description: string | null
  readonly mediaDisconnected: boolean
  readonly dnsServers: readonly string[]
  /** Any `IPv6 Address`, `Link-local IPv6 Address`, `临时 IPv6 地址` … line with an address. */
  readonly hasIpv6: boolean
}

/** A line that starts an adapter section: not indented, "… adapter NAME:" or "…适配器 NAME:". */
const HEADER = /^(?:[A-Za-z][A-Za-z -]{0,30}\badapter|\S{0,12}适配器) (.{1,120}?):\s*$/u
/** `   Label . . . . . : value` (dots and spaces between label and colon). */
const FIELD = /^\s+([^:：]{1,60}?)[ .]*[:：] ?(.*?)\s*$/u
/** A value-only continuation line (second DNS server, second gateway). */
const CONTINUATION = /^\s{20,}(\S+)\s*$/u
const DESCRIPTION = /^(Description|描述)$/u
const MEDIA_STATE = /^(Media State|媒体状态)$/u
const DISCONNECTED = /^(Media disconnected|媒体已断开连接)$/u
const DNS_SERVERS = /^(DNS Servers|DNS 服务器)$/u
const IP_ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*(?:%\d+)?)$/iu
const IPV6_VALUE = /^[0-9a-f]{0,4}:[0-9a-f:]*(?:%\d+)?(?:\(.*\))?$/iu

export function pastedIpconfig(lines: readonly string[]): PastedAdapter[] {
  const adapters: { name: string; description: string | null; mediaDisconnected: boolean; dnsServers: string[]; hasIpv6: boolean }[] = []
  let current: (typeof adapters)[number] | null = null
  let inDns = false
  for (const line of lines) {
    if (line.length > 300) continue
    const header = HEADER.exec(line)
    if (header?.[1] !== undefined) {
      current = { name: header[1].trim(), description: null, mediaDisconnected: false, dnsServers: [], hasIpv6: false }
      adapters.push(current)
      inDns = false
      continue
    }
    if (current === null) continue
    if (line.trim() === '') continue
    // A non-indented line that is not a header ends the section (a prompt, prose, another output).
    if (!/^\s/u.test(line)) {
      current = null
      continue
    }
    // Before FIELD: an IPv6 DNS server on its own line (`fec0:0:0:ffff::2%1`) holds colons too.
    const continuation = CONTINUATION.exec(line)
    if (continuation?.[1] !== undefined) {
      if (inDns && IP_ADDRESS.test(continuation[1])) current.dnsServers.push(continuation[1])
      continue
    }
    const field = FIELD.exec(line)
    if (field?.[1] === undefined) continue
    const label = field[1].trim()
    const value = field[2] ?? ''
    inDns = DNS_SERVERS.test(label)
    if (inDns) {
      if (IP_ADDRESS.test(value)) current.dnsServers.push(value)
    } else if (DESCRIPTION.test(label)) {
      current.description = value === '' ? null : value
    } else if (MEDIA_STATE.test(label)) {
      current.mediaDisconnected = DISCONNECTED.test(value)
    } else if (/IPv6/u.test(label) && IPV6_VALUE.test(value)) {
      current.hasIpv6 = true
    }
  }
  return adapters
}

/** WSL's NAT switch adapter: `vEthernet (WSL)`, and on newer WSL `vEthernet (WSL (Hyper-V firewall))`. */
export function isWslAdapter(adapter: PastedAdapter): boolean {
  return /^vEthernet \(WSL\b/u.test(adapter.name)
}
