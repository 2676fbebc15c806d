/**
 * The real host against the real PowerShell 7 (`npm run setup:powershell`): node-powershell's
 * session, our one-line session command, the envelope and the pool — in Full and Constrained
 * Language Mode. Windows PowerShell 5.1 itself runs only on the Windows workflow.
 */
import { existsSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { MISSING_TOOLCHAIN, pwshPath } from '../dev/powershell-toolchain/toolchain'
import { composeScript } from './compose-script'
import { readBetweenDelimiters } from './delimited-output'
import { readEnvelope } from './envelope'
import type { PsRunOutcome, PsScript } from './host'
import { NodePowerShellHost, createShellFactory } from './node-powershell-host'
import { PowerShellPool } from './powershell-pool'
import { ENTER_CONSTRAINED_LANGUAGE, LANGUAGE_MODES } from './test-support/pwsh-harness'

if (!existsSync(pwshPath())) throw new Error(MISSING_TOOLCHAIN)

const CLM_SETUP = ENTER_CONSTRAINED_LANGUAGE
const hosts: NodePowerShellHost[] = []

function newHost(mode: 'FullLanguage' | 'ConstrainedLanguage', executable = pwshPath()): NodePowerShellHost {
  const host = new NodePowerShellHost(createShellFactory({ executable }), mode === 'ConstrainedLanguage' ? { setup: CLM_SETUP } : {})
  hosts.push(host)
  return host
}

afterAll(async () => {
  await Promise.all(hosts.map((host) => host.dispose()))
})

function compose(body: string, input?: unknown): PsScript {
  return composeScript({ id: 'test', body, prelude: '', input })
}

function dataOf(outcome: PsRunOutcome, script: PsScript): unknown {
  if (!outcome.ok) throw new Error(`host failed: ${JSON.stringify(outcome.error)}`)
  const reading = readEnvelope(outcome.stdout, script.sentinel)
  if (reading.kind !== 'data') throw new Error(`no data: ${JSON.stringify(reading)} stdout=${outcome.stdout} stderr=${outcome.stderr}`)
  return reading.data
}

describe.each(LANGUAGE_MODES)('the real host in %s', (mode) => {
  const host = newHost(mode)

  it('runs in the language mode it was given and reuses one session', async () => {
    const script = compose('return [ordered]@{ pid = $PID; mode = [string]$ExecutionContext.SessionState.LanguageMode }')
    const first = dataOf(await host.run(script, { timeoutMs: 30_000 }), script) as { pid: number; mode: string }
    const again = compose('return [ordered]@{ pid = $PID; mode = [string]$ExecutionContext.SessionState.LanguageMode }')
    const second = dataOf(await host.run(again, { timeoutMs: 30_000 }), again) as { pid: number; mode: string }
    expect(first.mode).toBe(mode)
    expect(second.pid).toBe(first.pid)
  }, 60_000)

  it('answers a burst of trivial scripts, each within seconds (no wait for a delimiter already read)', async () => {
    for (let i = 0; i < 60; i++) {
      const script = compose(`return ${i}`)
      expect(dataOf(await host.run(script, { timeoutMs: 10_000 }), script)).toBe(i)
    }
  }, 120_000)

  it('finds the result among stray output, warnings and errors', async () => {
    const script = compose(
      "Write-Host 'WND-RESULT-forged:{\"ok\":true,\"data\":\"forged\"}'; Write-Warning 'careful'; Write-Error 'soft' -ErrorAction Continue; return 'real'",
    )
    const outcome = await host.run(script, { timeoutMs: 30_000 })
    expect(dataOf(outcome, script)).toBe('real')
  }, 60_000)

  it('carries Chinese, quotes and control characters both ways unchanged', async () => {
    const input = { name: "张三's “发行版” ‘x’ \t\n é 😀", path: 'C:\\Users\\张三\\.wslconfig' }
    const script = compose('return [ordered]@{ name = $WndInput.name; path = $WndInput.path; length = $WndInput.name.Length }', input)
    expect(dataOf(await host.run(script, { timeoutMs: 30_000 }), script)).toEqual({ ...input, length: input.name.length })
  }, 60_000)

  it('takes a 1 MiB input and returns it whole', async () => {
    const content = 'networkingMode=mirrored\r\n'.repeat(Math.ceil((1024 * 1024) / 25)).slice(0, 1024 * 1024)
    const script = compose(
      'return [ordered]@{ length = $WndInput.text.Length; head = $WndInput.text.Substring(0, 25); tail = $WndInput.text.Substring($WndInput.text.Length - 5) }',
      { text: content },
    )
    expect(dataOf(await host.run(script, { timeoutMs: 60_000 }), script)).toEqual({
      length: content.length,
      head: content.slice(0, 25),
      tail: content.slice(-5),
    })
  }, 90_000)

  it('reports a script error inside the envelope with its error id', async () => {
    const script = compose("throw 'boom'")
    const outcome = await host.run(script, { timeoutMs: 30_000 })
    if (!outcome.ok) throw new Error('host failed')
    expect(readEnvelope(outcome.stdout, script.sentinel)).toMatchObject({ kind: 'script-error', failure: 'failed', detail: expect.stringContaining('boom') })
  }, 60_000)

  it('kills a hung script at its timeout and answers the next one from a fresh session', async () => {
    const pidScript = compose('return $PID')
    const before = dataOf(await host.run(pidScript, { timeoutMs: 30_000 }), pidScript)
    const hung = await host.run(compose('Start-Sleep -Seconds 60; return 1'), { timeoutMs: 1500 })
    expect(hung).toMatchObject({ ok: false, error: { kind: 'timeout', timeoutMs: 1500 } })
    const next = compose('return $PID')
    const after = dataOf(await host.run(next, { timeoutMs: 30_000 }), next)
    expect(after).not.toBe(before)
  }, 90_000)

  it('treats output without a result line as garbage, and a session that exits as died, then recovers', async () => {
    const garbage = await host.run(
      { id: 't', text: "Write-Output 'no envelope here'", input: null, sentinel: 'WND-RESULT-0000000000000000:' },
      { timeoutMs: 30_000 },
    )
    if (!garbage.ok) throw new Error('host failed')
    expect(readEnvelope(garbage.stdout, 'WND-RESULT-0000000000000000:').kind).toBe('garbage')
    const dies = await host.run(compose('exit 3'), { timeoutMs: 30_000 })
    expect(dies.ok).toBe(false)
    const next = compose('return 7')
    expect(dataOf(await host.run(next, { timeoutMs: 30_000 }), next)).toBe(7)
  }, 90_000)
})

describe('the session shell', () => {
  it("reads each command's output with our delimiter reader, not child-shell's (delimited-output.ts)", async () => {
    const shell = createShellFactory({ executable: pwshPath() })()
    try {
      expect(Object.getOwnPropertyDescriptor(shell, 'readBulkFromOutput')?.value).toBe(readBetweenDelimiters)
    } finally {
      await shell.dispose()
    }
  })
})

describe('the real host when PowerShell cannot start', () => {
  it('reports not-available instead of waiting', async () => {
    const host = newHost('FullLanguage', '/nonexistent/pwsh')
    const outcome = await host.run(compose('return 1'), { timeoutMs: 10_000 })
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'not-available' } })
  }, 30_000)
})

describe('a pool of real sessions', () => {
  it('runs concurrent probes on separate sessions, each answer its own', async () => {
    const pool = new PowerShellPool([newHost('FullLanguage'), newHost('FullLanguage')])
    // Warm both sessions, so the timing below measures the scripts, not PowerShell's start.
    await Promise.all([0, 1].map(async (i) => pool.run(compose(`return ${i}`), { timeoutMs: 30_000 })))
    const scripts = [0, 1, 2, 3].map((i) => compose(`Start-Sleep -Milliseconds 800; return [ordered]@{ i = ${i}; pid = $PID }`))
    const started = performance.now()
    const answers = await Promise.all(
      scripts.map(async (script) => dataOf(await pool.run(script, { timeoutMs: 30_000 }), script) as { i: number; pid: number }),
    )
    const elapsed = performance.now() - started
    expect(answers.map((answer) => answer.i)).toEqual([0, 1, 2, 3])
    expect(new Set(answers.map((answer) => answer.pid)).size).toBe(2)
    // Four 0.8 s scripts on two sessions: about 1.6 s, well under the 3.2 s one session needs.
    expect(elapsed).toBeLessThan(3000)
  }, 90_000)
})
