/**
 * wsl-network-check.sh executed for real under dash (Debian's /bin/sh, the strictest common POSIX
 * shell) against fake distros (test-support/fake-distro.ts): its output must parse, each check
 * must come out as the distro's state says, missing tools must be reported as such, and the
 * localhost listener and connect must really work over 127.0.0.1.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createConnection, createServer, type Server } from 'node:net'
import { networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { NETWORK_CHECK_TARGETS, readNetworkCheck } from '../../../shared/probes/network-check/network-check-results'
import { parseNetworkCheck } from '../../../shared/probes/network-check/parse-network-check'
import { IP_ADDR_NAT, PROC_NET_ROUTE_NAT, RESOLV_WSL_TUNNELING, makeFakeDistro, type FakeDistro } from '../test-support/fake-distro'

const SCRIPT = readFileSync(join(__dirname, 'wsl-network-check.sh'), 'utf8')
const DASH = '/bin/dash'

const disposers: (() => void)[] = []
afterEach(() => {
  while (disposers.length > 0) disposers.pop()?.()
})

interface Run {
  readonly stdout: string
  readonly stderr: string
  readonly code: number | null
}

function runScript(spec: FakeDistro, ports: { windows: number; linux: number }, whileRunning?: () => void): Promise<Run> {
  const distro = makeFakeDistro(spec)
  disposers.push(distro.dispose)
  const { dnsName, tcpAddress, httpsHost } = NETWORK_CHECK_TARGETS
  const child = spawn(DASH, ['-c', SCRIPT, 'wnd-net', String(ports.windows), String(ports.linux), dnsName, tcpAddress, httpsHost], {
    env: { PATH: distro.path, WND_ROOT: distro.root },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  whileRunning?.()
  return new Promise((resolve) => child.on('close', (code) => resolve({ stdout, stderr, code })))
}

const UBUNTU_NAT: FakeDistro = {
  tools: ['ip', 'getent', 'curl', 'openssl', 'ping', 'python3', 'timeout', 'wslinfo'],
  files: {
    'proc/uptime': '1234.56 2345.67\n',
    'proc/net/route': PROC_NET_ROUTE_NAT,
    'mnt/wsl/resolv.conf': RESOLV_WSL_TUNNELING,
    'etc/wsl.conf': '[boot]\nsystemd=true\n',
  },
  resolvLink: 'mnt/wsl/resolv.conf',
  interfaces: [
    { name: 'eth0', operstate: 'up', mtu: 1500 },
    { name: 'lo', operstate: 'unknown', mtu: 65536 },
  ],
  ipAddr: IP_ADDR_NAT,
  ipRoute: 'default via 172.28.240.1 dev eth0 proto kernel \n',
  getent: { stdout: '23.212.249.45   e13678.dscb.akamaiedge.net www.microsoft.com\n', exit: 0 },
  curlExit: 0,
  issuer: 'C = US, O = Microsoft Corporation, CN = Microsoft Azure RSA TLS Issuing CA 04',
  pingExit: 0,
}

function listen(): Promise<{ server: Server; port: number; connections: () => number }> {
  let count = 0
  const server = createServer((socket) => {
    count += 1
    socket.destroy()
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      disposers.push(() => server.close())
      resolve({ server, port, connections: () => count })
    }),
  )
}

/** A free port on 127.0.0.1 (taken and released, as the probe does on Windows). */
async function freePort(): Promise<number> {
  const { server, port } = await listen()
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** Plays the probe's Windows side: keeps trying the Linux listener until it answers. */
function keepConnecting(port: number): () => boolean {
  let connected = false
  let stop = false
  const attempt = () => {
    if (stop || connected) return
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.on('connect', () => {
      connected = true
      socket.destroy()
    })
    socket.on('error', () => setTimeout(attempt, 100))
  }
  attempt()
  disposers.push(() => (stop = true))
  return () => connected
}

describe('wsl-network-check.sh under dash', () => {
  it('reports a healthy NAT Ubuntu: every core check passes, both localhost directions really tested', async () => {
    const windows = await listen()
    const linuxPort = await freePort()
    let reached: () => boolean = () => false
    const run = await runScript(UBUNTU_NAT, { windows: windows.port, linux: linuxPort }, () => (reached = keepConnecting(linuxPort)))
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const out = parseNetworkCheck(run.stdout)
    expect(out.complete).toBe(true)
    expect(out.format).toBe(1)
    expect(out.tools).toMatchObject({ ip: true, getent: true, curl: true, openssl: true, python3: true, wget: false, nc: false })
    expect(out.interfaces).toEqual([
      {
        name: 'eth0',
        state: 'up',
        mtu: 1500,
        addresses: [
          { family: 'inet', cidr: '172.28.240.2/20', scope: 'global' },
          { family: 'inet6', cidr: 'fe80::215:5dff:fe2b:1a7c/64', scope: 'link' },
        ],
      },
      {
        name: 'lo',
        state: 'unknown',
        mtu: 65536,
        addresses: [
          { family: 'inet', cidr: '127.0.0.1/8', scope: 'host' },
          { family: 'inet6', cidr: '::1/128', scope: 'host' },
        ],
      },
    ])
    expect(out.defaultRoute).toEqual({ iface: 'eth0', gateway: '172.28.240.1' })
    expect(out.gateway).toBe('172.28.240.1')
    expect(out.resolv).toMatchObject({ present: true, nameservers: ['10.255.255.254'], generatedByWsl: true })
    expect(out.resolv.symlinkTarget).toMatch(/mnt\/wsl\/resolv\.conf$/)
    expect(out.wslConf).toEqual({ present: true, size: 20, lines: ['[boot]', 'systemd=true'], truncated: false })
    expect(out.dns).toEqual({ status: 'ok', ms: 0, via: 'getent', detail: '23.212.249.45' })
    expect(out.tcp443).toMatchObject({ status: 'ok', via: 'python3' })
    expect(out.https).toMatchObject({ status: 'ok', via: 'curl', detail: '200' })
    expect(out.tls).toEqual({ status: 'read', issuer: 'C = US, O = Microsoft Corporation, CN = Microsoft Azure RSA TLS Issuing CA 04', verify: '0 (ok)' })
    expect(out.hostPing).toMatchObject({ status: 'ok' })
    expect(out.localhostOut).toMatchObject({ status: 'ok', via: 'python3' })
    expect(windows.connections()).toBe(1)
    expect(out.linuxListener).toMatchObject({ status: 'ok' })
    expect(out.localhostInReceived).toBe(true)
    expect(reached()).toBe(true)

    const reading = readNetworkCheck({
      distro: null,
      windowsListener: { port: windows.port, connectionSeen: true },
      linuxListenerPort: linuxPort,
      windowsToLinux: { status: 'connected' },
      run: { exitCode: 0, timedOut: false, stdoutBase64: Buffer.from(run.stdout).toString('base64'), stderrBase64: '' },
    })
    expect(reading.kind === 'read' && reading.checks.filter((c) => c.outcome !== 'pass').map((c) => [c.id, c.outcome])).toEqual([['mtu', 'info']])
    expect(out.mode).toBe('nat')
  }, 30_000)

  it('says which tools a minimal distro lacks instead of guessing, and still reads /proc, /sys and /etc', async () => {
    const run = await runScript(
      {
        tools: [],
        files: { 'proc/net/route': PROC_NET_ROUTE_NAT, 'etc/resolv.conf': 'nameserver 192.168.1.1\n' },
        interfaces: [{ name: 'eth0', operstate: 'up', mtu: 1400 }],
      },
      { windows: 0, linux: 50000 },
    )
    expect(run.code).toBe(0)
    const out = parseNetworkCheck(run.stdout)
    expect(out.complete).toBe(true)
    expect(out.notes).toEqual(['no-timeout-command'])
    expect(out.addressesKnown).toBe(false)
    expect(out.interfaces).toEqual([{ name: 'eth0', state: 'up', mtu: 1400, addresses: [] }])
    expect(out.defaultRoute).toEqual({ iface: 'eth0', gateway: '172.28.240.1' })
    expect(out.resolv).toMatchObject({ present: true, symlinkTarget: null, nameservers: ['192.168.1.1'], generatedByWsl: false })
    expect(out.wslConf.present).toBe(false)
    expect(out.dns).toEqual({ status: 'not-checked', reason: 'no-resolver-tool' })
    expect(out.tcp443).toEqual({ status: 'not-checked', reason: 'no-tcp-tool' })
    expect(out.https).toEqual({ status: 'not-checked', reason: 'no-https-tool' })
    expect(out.tls).toEqual({ status: 'not-checked', reason: 'no-openssl-or-curl' })
    expect(out.hostPing).toEqual({ status: 'not-checked', reason: 'no-ping' })
    expect(out.localhostOut).toEqual({ status: 'not-checked', reason: 'no-windows-listener' })
    expect(out.linuxListener).toEqual({ status: 'not-checked', reason: 'no-python3' })
    expect(out.mode).toBeNull()
  }, 30_000)

  it("shows DNS failing while TCP 443 works, a TLS issuer that is not Microsoft's, and a failed gateway ping", async () => {
    const run = await runScript(
      {
        ...UBUNTU_NAT,
        tools: ['ip', 'getent', 'curl', 'openssl', 'ping', 'timeout'],
        files: { ...UBUNTU_NAT.files, 'etc/resolv.conf': '# written by hand\nnameserver 10.0.0.53\n' },
        resolvLink: undefined,
        getent: { stdout: '', exit: 2 },
        curlExit: 60,
        issuer: 'C = US, ST = California, O = Zscaler Inc., OU = Zscaler Inc., CN = Zscaler Intermediate Root CA',
        verify: '20 (unable to get local issuer certificate)',
        pingExit: 1,
      },
      { windows: 0, linux: 50001 },
    )
    const out = parseNetworkCheck(run.stdout)
    expect(out.dns).toMatchObject({ status: 'fail', via: 'getent', code: '2' })
    expect(out.https).toMatchObject({ status: 'fail', via: 'curl', code: '60' })
    expect(out.tls).toEqual({
      status: 'read',
      issuer: 'C = US, ST = California, O = Zscaler Inc., OU = Zscaler Inc., CN = Zscaler Intermediate Root CA',
      verify: '20 (unable to get local issuer certificate)',
    })
    expect(out.hostPing).toMatchObject({ status: 'fail' })
    expect(out.resolv).toMatchObject({ symlinkTarget: null, nameservers: ['10.0.0.53'], generatedByWsl: false })
    // Without python3, the TCP test falls back to curl: the fake exits 60 after connecting (TLS), but
    // telnet:// with time_connect 0 reads as not connected: the script never claims a connect.
    expect(out.tcp443?.status).toBe('fail')
  }, 30_000)

  it('gives up on the Linux listener after its own time limit when Windows never connects, and never listens beyond 127.0.0.1', async () => {
    const started = Date.now()
    const linuxPort = await freePort()
    // Another address of this machine: the listener must not answer there (nothing exposed on the LAN).
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a !== undefined && a.family === 'IPv4' && !a.internal)?.address
    let lanAnswer: Promise<boolean> = Promise.resolve(false)
    const run = await runScript({ ...UBUNTU_NAT, tools: ['python3', 'timeout'] }, { windows: 0, linux: linuxPort }, () => {
      if (lan !== undefined) lanAnswer = new Promise((resolve) => setTimeout(() => void connects(lan, linuxPort).then(resolve), 1500))
    })
    expect(await lanAnswer).toBe(false)
    const out = parseNetworkCheck(run.stdout)
    expect(out.linuxListener).toMatchObject({ status: 'ok' })
    expect(out.localhostInReceived).toBe(false)
    expect(out.complete).toBe(true)
    expect(Date.now() - started).toBeLessThan(25_000)
  }, 40_000)

  it('refuses arguments that are not what the probe passes', async () => {
    const distro = makeFakeDistro({ tools: [], files: {}, interfaces: [] })
    disposers.push(distro.dispose)
    const child = spawn(DASH, ['-c', SCRIPT, 'wnd-net', '1;reboot', '2', 'a', 'b', 'c'], { env: { PATH: distro.path, WND_ROOT: distro.root } })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(2)
    expect(parseNetworkCheck(stdout).error).toBe('bad-arguments')
  })

  it('is printable ASCII and small enough for a Windows command line once quoted', () => {
    expect(SCRIPT).toMatch(/^[\x09\x0a\x20-\x7e]*$/)
    // CreateProcess takes at most 32767 characters; leave room for wsl.exe's path and the rest.
    expect(SCRIPT.length + (SCRIPT.match(/"/g)?.length ?? 0) * 2).toBeLessThan(24_000)
  })
})

function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port })
    socket.setTimeout(2000, () => {
      socket.destroy()
      resolve(false)
    })
    socket.on('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })
}
