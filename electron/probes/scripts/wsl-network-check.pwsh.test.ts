/**
 * The real wsl-network-check.ps1 in PowerShell 7 (Full and Constrained Language Mode) with wsl.exe
 * faked: the embedded sh script goes to wsl.exe as one argv item, byte for byte, with the ports
 * and targets as separate items (nothing spliced into the script); the distro comes from the input
 * and is refused unless it is a distro name; the localhost listener and poller exist only in Full
 * Language Mode and are closed afterwards; the output bytes pass through untouched.
 */
import { readFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../../shared/scenarios'
import type { Scenario } from '../../../shared/scenarios/scenario'
import type { FactOf } from '../../../shared/probes/facts'
import { NETWORK_CHECK_TARGETS } from '../../../shared/probes/network-check/network-check-results'
import type { NativeOutput } from '../../../shared/probes/facts/native-output'
import { probeResponse } from '../../simulated-pc/probe-responses'
import { LANGUAGE_MODES, PwshHarness, type FakeWindows, type ScriptRun } from '../../powershell/test-support/pwsh-harness'
import { factOf } from '../../powershell/test-support/system-probes-fakes'

let harness: PwshHarness
beforeAll(() => {
  harness = new PwshHarness()
})
afterAll(() => harness.dispose())

const SH = readFileSync(join(__dirname, 'wsl-network-check.sh'), 'utf8')
const HEALTHY = SCENARIOS.find((s) => s.id === 'healthy-win11-24h2')!
const answerFor = (scenario: Scenario) => probeResponse('wsl-network-check', scenario) as FactOf<'wsl-network-check'>

function fakeWsl(run: NativeOutput, args = '*--exec sh -c *'): FakeWindows {
  return {
    source: 'shared/scenarios/*.json through electron/simulated-pc/wsl-network-check-model.ts (the simulated PC)',
    env: { SystemRoot: 'C:\\Windows' },
    commands: { 'Invoke-WndNative': { rules: [{ match: { FilePath: 'C:\\Windows\\System32\\wsl.exe', _args: args }, result: { ...run } }] } },
  }
}

function wslCall(run: ScriptRun): { args: string[]; env: unknown; timeout: unknown } {
  const calls = run.calls.filter((c) => c.name === 'Invoke-WndNative')
  expect(calls).toHaveLength(1)
  const call = calls[0]!
  return { args: call.arguments['Arguments'] as string[], env: call.arguments['Environment'], timeout: call.arguments['TimeoutMs'] }
}

describe.each(LANGUAGE_MODES)('wsl-network-check.ps1 in %s', (mode) => {
  it('passes the sh script and its data to wsl.exe as separate argv items and returns the bytes as they came', async () => {
    const answer = answerFor(HEALTHY)
    const run = await harness.runProbe('wsl-network-check', fakeWsl(answer.run), mode)
    const fact = factOf('wsl-network-check', run)
    const { args, env, timeout } = wslCall(run)
    expect(args.slice(0, 3)).toEqual(['--exec', 'sh', '-c'])
    expect(args[3]).toBe(SH)
    expect(args.slice(4, 5)).toEqual(['wnd-net'])
    expect(args.slice(7)).toEqual([NETWORK_CHECK_TARGETS.dnsName, NETWORK_CHECK_TARGETS.tcpAddress, NETWORK_CHECK_TARGETS.httpsHost])
    expect(env).toEqual({ WSL_UTF8: '1' })
    expect(timeout).toBe(120000)
    expect(fact.run).toEqual(answer.run)
    expect(fact.distro).toBeNull()
    expect(Number(args[6])).toBe(fact.linuxListenerPort)
    if (mode === 'FullLanguage') {
      // The listener was real: its port went to the script, and nothing connected (wsl.exe is fake).
      expect(fact.windowsListener).toEqual({ port: Number(args[5]), connectionSeen: false })
      expect(Number(args[5])).toBeGreaterThan(0)
      expect(fact.windowsToLinux).toEqual({ status: 'failed' })
      // ...and it is closed again: nothing listens on that port any more.
      await expect(connects(Number(args[5]))).resolves.toBe(false)
    } else {
      expect(args[5]).toBe('0')
      expect(fact.windowsListener).toBeNull()
      expect(fact.windowsToLinux).toEqual({ status: 'not-checked', reason: 'constrained-language' })
    }
  }, 90_000)

  it('runs in the distro the input names, and refuses a name that is not a distro name before starting anything', async () => {
    const answer = answerFor(HEALTHY)
    const body = harness.catalog.probe('wsl-network-check')
    const named = await harness.run({ id: 'wsl-network-check', body, fake: fakeWsl(answer.run, '-d Debian --exec sh -c *'), mode, input: { distro: 'Debian' } })
    expect(factOf('wsl-network-check', named).distro).toBe('Debian')
    expect(wslCall(named).args.slice(0, 3)).toEqual(['-d', 'Debian', '--exec'])

    const bad = await harness.run({ id: 'wsl-network-check', body, fake: fakeWsl(answer.run), mode, input: { distro: 'Ubuntu --exec rm' } })
    expect(bad.reading).toMatchObject({ kind: 'script-error' })
    expect(bad.calls.filter((c) => c.name === 'Invoke-WndNative')).toHaveLength(0)
  }, 90_000)

  // One scenario per kind of answer: Linux's UTF-8 key=value lines (NAT, mirrored, only lo with a
  // `wsl: ` warning on stderr) and wsl.exe's own UTF-16LE failure. The script passes bytes through,
  // so the other scenarios add nothing but minutes on a shared machine.
  it('answers like the simulated PC for each kind of answer', async () => {
    const kinds = ['healthy-win11-24h2', 'seed-22000-mirrored', 'server-2025-mirrored', 'nat-0x80041002', 'inbox-wsl-win10']
    const chosen = SCENARIOS.filter((s) => kinds.includes(s.id))
    expect(chosen.map((s) => s.id).sort()).toEqual([...kinds].sort())
    for (const scenario of chosen) {
      const answer = answerFor(scenario)
      const fact = factOf('wsl-network-check', await harness.runProbe('wsl-network-check', fakeWsl(answer.run), mode))
      expect(fact.run, scenario.id).toEqual(answer.run)
    }
  }, 240_000)
})

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.on('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })
}
