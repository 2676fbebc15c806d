import { describe, expect, it } from 'vitest'
import { onlyLoopback, pastedLinuxInterfaces } from './pasted-outputs-ip-addr'

const lines = (text: string) => text.split(/\r?\n/)

/** microsoft/WSL#11090: mirrored mode, "`ip a` just shows loopback interface". */
const IP_A_11090 = `$ ip a
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
    inet6 ::1/128 scope host
       valid_lft forever preferred_lft forever`

/** microsoft/WSL#11423: mirrored mode, "`ifconfig` output is like this". */
const IFCONFIG_11423 = `lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536
        inet 127.0.0.1  netmask 255.0.0.0
        inet6 ::1  prefixlen 128  scopeid 0x10<host>
        loop  txqueuelen 1000  (Local Loopback)
        RX packets 76  bytes 6824 (6.8 KB)
        RX errors 0  dropped 0  overruns 0  frame 0
        TX packets 76  bytes 6824 (6.8 KB)
        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0`

/** microsoft/WSL#10650 (after DisabledComponents 255 → 32): mirrored interfaces, eth2 up with an address. */
const IP_10650 = `1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
    inet 127.0.0.1/8 scope host lo
       valid_lft forever preferred_lft forever
2: eth0: <BROADCAST,MULTICAST> mtu 1500 qdisc mq state DOWN group default qlen 1000
    link/ether 00:ff:b6:0b:78:c6 brd ff:ff:ff:ff:ff:ff
4: loopback0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000
    link/ether 00:15:5d:17:96:5a brd ff:ff:ff:ff:ff:ff
5: eth2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000
    link/ether 7c:8a:e1:c3:e8:64 brd ff:ff:ff:ff:ff:ff
    inet 191.168.4.38/21 brd 191.168.7.255 scope global noprefixroute eth2
       valid_lft forever preferred_lft forever`

/** microsoft/WSL#11002: docker0 exists but is not running; only lo carries traffic. */
const IFCONFIG_11002 = `docker0: flags=4099<UP,BROADCAST,MULTICAST>  mtu 1500
        inet 172.17.0.1  netmask 255.255.0.0  broadcast 172.17.255.255
        ether 02:42:84:95:1f:5b  txqueuelen 0  (Ethernet)

lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536
        inet 127.0.0.1  netmask 255.0.0.0`

describe('ip addr / ifconfig pasted from inside the distro (issue 11 #3)', () => {
  it('only lo, from ip a (#11090) and from ifconfig (#11423)', () => {
    for (const text of [IP_A_11090, IFCONFIG_11423]) {
      const found = pastedLinuxInterfaces(lines(text))
      expect(found).toEqual([{ name: 'lo', state: expect.any(String), loopback: true, ipv4: ['127.0.0.1'] }])
      expect(found && onlyLoopback(found)).toBe(true)
    }
  })

  it('mirrored interfaces with one up (#10650) are a network; a stopped docker0 is not (#11002)', () => {
    const mirrored = pastedLinuxInterfaces(lines(IP_10650))
    expect(mirrored?.map((i) => [i.name, i.state, i.ipv4.join(' ')])).toEqual([
      ['lo', 'unknown', '127.0.0.1'],
      ['eth0', 'down', ''],
      ['loopback0', 'up', ''],
      ['eth2', 'up', '191.168.4.38'],
    ])
    expect(mirrored && onlyLoopback(mirrored)).toBe(false)
    const docker = pastedLinuxInterfaces(lines(IFCONFIG_11002))
    expect(docker?.find((i) => i.name === 'docker0')).toMatchObject({ state: 'down', ipv4: ['172.17.0.1'] })
    expect(docker && onlyLoopback(docker)).toBe(true)
  })

  it('prose and garbage give nothing', () => {
    expect(pastedLinuxInterfaces(lines('I only see lo: in ip addr'))).toBeNull()
    expect(pastedLinuxInterfaces(lines(`1: ${'x'.repeat(2000)}: <UP> mtu 1`))).toBeNull()
  })
})
