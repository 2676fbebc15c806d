import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ElevatedProgress } from './progress'
import { openResultChannel, type ChannelOutcome } from './result-channel'
import { requirePwsh, runElevatedSide, unixPipeEndpoint, type PwshRun } from './real-elevated-side'
import { composeScript } from '../compose-script'
import { readEnvelope } from '../envelope'
import { buildElevationPlan, payloadScript, sha256Hex } from './scripts'

/**
 * The elevated side FOR REAL: the generated bootstrap runs in PowerShell 7 (pwsh), connects to the
 * real result channel over a .NET named pipe (a Unix socket here), fetches the payload, checks its
 * SHA-256 and runs it. Only the UAC prompt (`Process.Start` + `runas`) is skipped: pwsh is started
 * directly with the exact `-EncodedCommand` the launcher would elevate (real-elevated-side.ts).
 */

// Short: Unix socket paths are limited to 108 bytes.
const dir = mkdtempSync('/tmp/wnd-boot-')
afterAll(() => rmSync(dir, { recursive: true, force: true }))
beforeAll(() => {
  requirePwsh()
})
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe'
const NONCE = '0123456789abcdef0123456789abcdef'
const SLOW = { timeout: 30_000 }
let count = 0

interface Served {
  readonly outcome: ChannelOutcome
  readonly run: PwshRun
  readonly delivered: boolean
  readonly ignored: number
  readonly progress: readonly { readonly at: number; readonly event: ElevatedProgress }[]
  readonly finishedAt: number
}

/**
 * One run: a plan for `scriptText`, the real channel serving `served` (default: the payload the
 * plan pins), the real bootstrap in pwsh. `clientNonce` overrides the nonce the bootstrap says.
 */
async function elevate(
  scriptText: string,
  options: { readonly served?: string; readonly clientNonce?: string; readonly env?: Record<string, string> } = {},
): Promise<Served> {
  const endpoint = unixPipeEndpoint(dir)
  const plan = buildElevationPlan({
    scriptText,
    pipeName: endpoint.pipeName,
    nonce: options.clientNonce ?? NONCE,
    powershellPath: POWERSHELL,
    connectTimeoutMs: 5000,
  })
  const started = performance.now()
  const progress: { at: number; event: ElevatedProgress }[] = []
  const opened = await openResultChannel({
    listenPath: endpoint.listenPath,
    nonce: NONCE,
    payload: options.served ?? plan.payload,
    helloTimeoutMs: 5000,
    onProgress: (event) => progress.push({ at: performance.now() - started, event }),
  })
  if (!opened.ok) throw new Error(opened.detail)
  const channel = opened.channel
  try {
    const running = runElevatedSide({ bootstrapBase64: plan.bootstrapBase64, tempDir: dir, ...(options.env ? { env: options.env } : {}) })
    const outcome = await Promise.race([
      channel.outcome,
      running.then(async (run) => {
        // The process ended: give the socket a moment to deliver what it wrote, then give up.
        await new Promise((resolve) => setTimeout(resolve, 200))
        return Promise.race([channel.outcome, Promise.resolve<ChannelOutcome>({ kind: 'broken', detail: `no answer (exit ${run.code})` })])
      }),
    ])
    const finishedAt = performance.now() - started
    const run = await running
    return { outcome, run, delivered: channel.scriptDelivered(), ignored: channel.ignoredConnections(), progress, finishedAt }
  } finally {
    await channel.close()
  }
}

const marker = () => join(dir, `marker-${count++}.txt`)
const createsMarker = (path: string) => `Set-Content -LiteralPath '${path}' -Value 'ran'\nWrite-Output 'tampered script ran'`

describe('the real bootstrap in pwsh', () => {
  it('says hello with the nonce, fetches the pinned payload, runs the script and reports its output', SLOW, async () => {
    const result = await elevate(`Write-Output 'line one'\n'line two'\n42`)
    expect(result.outcome).toEqual({ kind: 'result', stdout: 'line one\nline two\n42\n' })
    expect(result.delivered).toBe(true)
    expect(result.ignored).toBe(0)
    expect(result.run).toMatchObject({ code: 0, stderr: '' })
  })

  it("returns a composed script's envelope (compose-script.ts prints it with Write-Output)", SLOW, async () => {
    const script = composeScript({ id: 'probe', body: `@{ fixed = '是' }`, prelude: '' })
    const result = await elevate(script.text)
    if (result.outcome.kind !== 'result') throw new Error(JSON.stringify(result.outcome))
    expect(readEnvelope(result.outcome.stdout, script.sentinel)).toMatchObject({ kind: 'data', data: { fixed: '是' } })
  })

  it('refuses a tampered payload with hash-mismatch and runs none of it', SLOW, async () => {
    const path = marker()
    const tampered = payloadScript(createsMarker(path))
    const result = await elevate(`Write-Output 'the approved script'`, { served: tampered })
    expect(result.outcome).toEqual({ kind: 'refused', reason: 'hash-mismatch', detail: sha256Hex(tampered) })
    expect(result.run.code).toBe(3)
    expect(existsSync(path)).toBe(false)
  })

  it('(control) the tampered script does create its marker when it is the pinned one', SLOW, async () => {
    const path = marker()
    const result = await elevate(createsMarker(path))
    expect(result.outcome).toEqual({ kind: 'result', stdout: 'tampered script ran\n' })
    expect(existsSync(path)).toBe(true)
  })

  it('gets nothing when it says the wrong nonce: the channel drops it, the bootstrap ends with code 1', SLOW, async () => {
    const path = marker()
    const result = await elevate(createsMarker(path), { clientNonce: 'ffffffffffffffffffffffffffffffff' })
    expect(result.delivered).toBe(false)
    expect(result.ignored).toBe(1)
    expect(result.run.code).toBe(1)
    expect(existsSync(path)).toBe(false)
  })

  it('reports a script that throws as script-error, with the output produced before', SLOW, async () => {
    const result = await elevate(`Write-Output 'half done'\nthrow 'boom at step 2'`)
    expect(result.outcome).toEqual({ kind: 'script-error', stdout: 'half done\n', detail: 'boom at step 2' })
    expect(result.run.code).toBe(4)
  })

  it('reports a script that does not parse as script-error', SLOW, async () => {
    const result = await elevate(`if ( {`)
    expect(result.outcome).toMatchObject({ kind: 'script-error', stdout: '' })
    expect(result.run.code).toBe(4)
  })

  it('sends no result when the script calls exit (the caller sees no-result)', SLOW, async () => {
    const result = await elevate(`Write-Output 'before'\nexit 7`)
    expect(result.outcome).toEqual({ kind: 'broken', detail: 'the elevated side disconnected without a result' })
    expect(result.run.code).toBe(7)
  })

  it('round-trips non-ASCII output (Chinese, a dash, a check mark) byte for byte', SLOW, async () => {
    const text = '修复 WSL 网络 — 已完成 ✓'
    const result = await elevate(`Write-Output '${text}'\n& $WndProgress '{"step":0,"status":"done","data":"${text}"}'`)
    expect(result.outcome).toEqual({ kind: 'result', stdout: `${text}\n` })
    expect(result.progress.map((p) => p.event)).toEqual([{ step: 0, status: 'done', data: text }])
  })

  it('connects with Identification impersonation: the constructor call as generated stores that level', SLOW, () => {
    const plan = buildElevationPlan({ scriptText: 'x', pipeName: 'wnd-elevate-probe', nonce: NONCE, powershellPath: POWERSHELL, connectTimeoutMs: 1000 })
    const construct = plan.bootstrap.split('\n').find((line) => line.startsWith('$p=[IO.Pipes.NamedPipeClientStream]::new('))
    expect(construct).toBeDefined()
    // Private field of .NET's NamedPipeClientStream: only Windows uses it (SECURITY_IDENTIFICATION
    // for CreateFile); reading it proves the string arguments converted to the intended enums.
    const probe = `${construct}\n$p.GetType().GetField('_impersonationLevel', [Reflection.BindingFlags]'NonPublic,Instance').GetValue($p).ToString()`
    const run = spawnSync(requirePwsh(), ['-NoProfile', '-NonInteractive', '-Command', probe], { encoding: 'utf8' })
    expect(run.stdout.trim()).toBe('Identification')
  })
})

describe('the real bootstrap pins PSModulePath to the modules that ship with PowerShell', () => {
  // Two user-writable folders holding modules that shadow a real command (Compress-Archive) and add
  // a new one: pwsh 7's per-user folder ($XDG_DATA_HOME/powershell/Modules, first on its default
  // path like Documents\WindowsPowerShell\Modules in 5.1) and a folder the user put on PSModulePath.
  const userHome = join(dir, 'xdg')
  const userFolders = [join(userHome, 'powershell', 'Modules'), join(dir, 'user-set-modules')]
  const shadowMarker = join(dir, 'shadow-loaded.txt')
  const shadow = `Set-Content -LiteralPath '${shadowMarker}' -Value 'loaded'\nfunction Compress-Archive { 'shadowed' }\nfunction Get-WndShadow { 'shadowed' }`
  beforeAll(() => {
    for (const folder of userFolders) {
      for (const name of ['Microsoft.PowerShell.Archive', 'WndShadow']) {
        mkdirSync(join(folder, name), { recursive: true })
        writeFileSync(join(folder, name, `${name}.psm1`), shadow)
      }
    }
  })
  const probe = [
    `Write-Output ((Get-Command Compress-Archive).Module.ModuleBase.StartsWith($PSHOME))`,
    `Write-Output ($null -eq (Get-Command Get-WndShadow -ErrorAction SilentlyContinue))`,
    `Write-Output ($env:PSModulePath -eq "$PSHOME\\Modules")`,
  ].join('\n')
  const env = () => ({ XDG_DATA_HOME: userHome, PSModulePath: `${userFolders[1]}:${process.env['PSModulePath'] ?? ''}` })

  it('(control) without the bootstrap, the user folders shadow and add commands', SLOW, () => {
    const run = spawnSync(requirePwsh(), ['-NoProfile', '-NonInteractive', '-Command', probe], { encoding: 'utf8', env: { ...process.env, ...env() } })
    try {
      expect(run.stdout.split('\n').slice(0, 3)).toEqual(['False', 'False', 'False'])
      expect(existsSync(shadowMarker)).toBe(true)
    } finally {
      rmSync(shadowMarker, { force: true })
    }
  })

  it('under the bootstrap, no user module loads: PSModulePath is exactly $PSHOME\\Modules', SLOW, async () => {
    // On Linux "\\" is no separator, so that entry names no folder and pwsh 7 finds Compress-Archive
    // through its built-in $PSHOME fallback; in Windows PowerShell 5.1 it is the real folder.
    const result = await elevate(probe, { env: env() })
    expect(result.outcome).toEqual({ kind: 'result', stdout: 'True\nTrue\nTrue\n' })
    expect(existsSync(shadowMarker)).toBe(false)
  })
})

describe('the real bootstrap streams progress as it happens', () => {
  // A batch shaped like the composed one: steps run inside a captured block, so they report with
  // `& $WndProgress`; the last one also uses the top-level marker line. Step 2 sleeps.
  const batch = [
    `$WndResult = & {`,
    `  & $WndProgress '{"step":0,"status":"done","data":{"detail":"one"}}'`,
    `  Start-Sleep -Milliseconds 1500`,
    `  & $WndProgress '{"step":1,"status":"done","data":{"detail":"two"}}'`,
    `  'result of the batch'`,
    `}`,
    `'WND-PROGRESS:{"step":2,"status":"done"}'`,
    `Write-Output $WndResult`,
  ].join('\n')

  it('delivers step 1 before step 2 has finished, and the result after all of them', SLOW, async () => {
    const result = await elevate(batch)
    expect(result.outcome).toEqual({ kind: 'result', stdout: 'result of the batch\n' })
    expect(result.progress.map((p) => p.event)).toEqual([
      { step: 0, status: 'done', data: { detail: 'one' } },
      { step: 1, status: 'done', data: { detail: 'two' } },
      { step: 2, status: 'done' },
    ])
    const [first, second] = result.progress
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(1200)
    expect(result.finishedAt - first!.at).toBeGreaterThanOrEqual(1200)
  })

  it('keeps reporting when the script reuses the bootstrap variable names', SLOW, async () => {
    const result = await elevate(`$w = 'mine'; $n = 1; $WndSend = { 'not the pipe' }\n& $WndProgress '{"step":0,"status":"started"}'\n'ok'`)
    expect(result.outcome).toEqual({ kind: 'result', stdout: 'ok\n' })
    expect(result.progress.map((p) => p.event)).toEqual([{ step: 0, status: 'started' }])
  })
})
