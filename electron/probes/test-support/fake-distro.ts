/**
 * TEST SUPPORT (never shipped): a fake Linux distro for running wsl-network-check.sh for real under
 * dash. The script reads /etc, /proc and /sys under $WND_ROOT, and finds its tools on PATH: here a
 * bin folder holding the basic utilities every distro has (links to this machine's) and, per case,
 * fake `ip`, `getent`, `curl`, `openssl`, `ping` that print recorded outputs, plus a `python3`
 * that is the real one except for the TCP connect to the public test address (no network here).
 * Outputs are copied from real tools: `ip -o addr` / `ip route` (iproute2), /proc/net/route
 * (Linux fib_route_seq_show), `openssl x509 -issuer` (OpenSSL 3), resolv.conf as WSL writes it
 * (src/shared/inc/lxinitshared.h) and as systemd-resolved writes it.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'

export type FakeTool = 'ip' | 'getent' | 'curl' | 'openssl' | 'ping' | 'python3' | 'timeout' | 'wslinfo'

export interface FakeDistro {
  readonly tools: readonly FakeTool[]
  readonly files: Readonly<Record<string, string>>
  /** /etc/resolv.conf as a symlink to this path (inside the fake root), as WSL makes it. */
  readonly resolvLink?: string
  readonly interfaces: readonly { readonly name: string; readonly operstate: string; readonly mtu: number }[]
  readonly ipAddr?: string
  readonly ipRoute?: string
  readonly getent?: { readonly stdout: string; readonly exit: number }
  /** curl exit code for the HTTPS request (0, 6, 28, 60). */
  readonly curlExit?: number
  readonly issuer?: string
  readonly verify?: string
  readonly pingExit?: number
  /** What wslinfo --networking-mode prints. */
  readonly mode?: string
  /** Whether python3's connect to the public address on 443 succeeds. */
  readonly tcp443?: boolean
}

/** Utilities the script uses that every distro ships (coreutils / busybox / sed). */
const BASICS = ['cat', 'cut', 'head', 'tr', 'wc', 'sed', 'readlink', 'sleep']

export function makeFakeDistro(spec: FakeDistro): { root: string; path: string; dispose: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'wnd-distro-'))
  const bin = join(root, 'bin')
  mkdirSync(bin)
  for (const tool of BASICS) symlinkSync(which(tool), join(bin, tool))
  for (const [path, text] of Object.entries(spec.files)) write(root, path, text)
  if (spec.resolvLink !== undefined) {
    mkdirSync(join(root, 'etc'), { recursive: true })
    symlinkSync(join(root, spec.resolvLink), join(root, 'etc', 'resolv.conf'))
  }
  for (const i of spec.interfaces) {
    write(root, `sys/class/net/${i.name}/operstate`, `${i.operstate}\n`)
    write(root, `sys/class/net/${i.name}/mtu`, `${i.mtu}\n`)
  }
  const fake = join(root, 'fake')
  mkdirSync(fake, { recursive: true })
  const tool = (name: string, body: string) => {
    writeFileSync(join(bin, name), `#!/bin/sh\n# TEST SUPPORT fake ${name}\n${body}\n`)
    chmodSync(join(bin, name), 0o755)
  }
  for (const name of spec.tools) {
    switch (name) {
      case 'timeout':
        symlinkSync(which('timeout'), join(bin, 'timeout'))
        break
      case 'ip':
        writeFileSync(join(fake, 'ip-addr'), spec.ipAddr ?? '')
        writeFileSync(join(fake, 'ip-route'), spec.ipRoute ?? '')
        tool('ip', `case "$*" in "-o addr show") cat "${fake}/ip-addr" ;; "route show default") cat "${fake}/ip-route" ;; *) exit 1 ;; esac`)
        break
      case 'getent':
        writeFileSync(join(fake, 'getent'), spec.getent?.stdout ?? '')
        tool('getent', `[ "$1" = hosts ] || exit 1\ncat "${fake}/getent"\nexit ${spec.getent?.exit ?? 2}`)
        break
      case 'curl':
        tool(
          'curl',
          [
            'for a in "$@"; do case "$a" in -sv) verbose=1 ;; %{http_code}) code=1 ;; esac; done',
            `if [ -n "$verbose" ]; then echo "*  issuer: ${spec.issuer ?? ''}" >&2; exit ${spec.curlExit ?? 0}; fi`,
            `if [ -n "$code" ] && [ ${spec.curlExit ?? 0} -eq 0 ]; then printf 200; fi`,
            `exit ${spec.curlExit ?? 0}`,
          ].join('\n'),
        )
        break
      case 'openssl':
        tool(
          'openssl',
          [
            'case "$1" in',
            `  s_client) echo CONNECTED; echo "-----BEGIN CERTIFICATE-----"; echo "-----END CERTIFICATE-----"; echo "    Verify return code: ${spec.verify ?? '0 (ok)'}" ;;`,
            `  x509) cat >/dev/null; ${spec.issuer === undefined ? 'exit 1' : `echo "issuer=${spec.issuer}"`} ;;`,
            'esac',
          ].join('\n'),
        )
        break
      case 'ping':
        tool('ping', `exit ${spec.pingExit ?? 0}`)
        break
      case 'wslinfo':
        // Store WSL's /usr/bin/wslinfo: `--networking-mode` prints the mode and a newline.
        tool('wslinfo', `[ "$1" = --networking-mode ] && echo ${spec.mode ?? 'nat'}`)
        break
      case 'python3':
        // The real interpreter, except the connect to the public test address (no network here).
        tool('python3', `case "$*" in *create_connection*" 1.1.1.1 443") exit ${spec.tcp443 === false ? 1 : 0} ;; esac\nexec ${realPython()} "$@"`)
        break
    }
  }
  return { root, path: bin, dispose: () => rmSync(root, { recursive: true, force: true }) }
}

function write(root: string, path: string, text: string): void {
  const full = join(root, path)
  mkdirSync(join(full, '..'), { recursive: true })
  writeFileSync(full, text)
}

/** The interpreter itself, not a version manager's shim (pyenv's is a bash script). */
function realPython(): string {
  return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim()
}

function which(tool: string): string {
  return execFileSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim()
}

/** /proc/net/route of a NAT-mode WSL: header (padded to 127 columns by the kernel) and two routes. */
export const PROC_NET_ROUTE_NAT = [
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT'.padEnd(127),
  'eth0\t00000000\t01F01CAC\t0003\t0\t0\t0\t00000000\t0\t0\t0'.padEnd(127),
  'eth0\t00F01CAC\t00000000\t0001\t0\t0\t0\t00F0FFFF\t0\t0\t0'.padEnd(127),
  '',
].join('\n')

/** `ip -o addr show` of the same distro (iproute2 one-line format: `\` joins the continuation). */
export const IP_ADDR_NAT = [
  '1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever',
  '1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever',
  '2: eth0    inet 172.28.240.2/20 brd 172.28.255.255 scope global eth0\\       valid_lft forever preferred_lft forever',
  '2: eth0    inet6 fe80::215:5dff:fe2b:1a7c/64 scope link \\       valid_lft forever preferred_lft forever',
  '',
].join('\n')

/** The resolv.conf WSL generates with DNS tunneling (header: LX_INIT_AUTO_GENERATED_FILE_HEADER). */
export const RESOLV_WSL_TUNNELING = [
  '# This file was automatically generated by WSL. To stop automatic generation of this file, add the following entry to /etc/wsl.conf:',
  '# [network]',
  '# generateResolvConf = false',
  'nameserver 10.255.255.254',
  'search localdomain',
  '',
].join('\n')
