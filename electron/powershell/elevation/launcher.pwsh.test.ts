/**
 * The real unelevated launcher in the project's PowerShell 7. Only `runas` itself cannot happen on
 * Linux: there, starting the Windows path fails, which exercises the launcher's failure report.
 * In Constrained Language Mode it must refuse before any .NET call, with the untranslated id the
 * app shows as "restricted by policy".
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MISSING_TOOLCHAIN, pwshPath } from '../../dev/powershell-toolchain/toolchain'
import { ENTER_CONSTRAINED_LANGUAGE } from '../test-support/pwsh-harness'
import { singleQuotedAsciiLine } from '../ps-literal'
import { parseLauncherOutput } from './launcher-output'
import { CONSTRAINED_LANGUAGE_LAUNCH, buildElevationPlan } from './scripts'

if (!existsSync(pwshPath())) throw new Error(MISSING_TOOLCHAIN)

const plan = buildElevationPlan({
  scriptText: "Write-Output 'x'",
  pipeName: 'wnd-elevate-0123456789abcdef0123456789abcdef',
  nonce: 'fedcba9876543210fedcba9876543210',
  powershellPath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  connectTimeoutMs: 1000,
})

describe('the real launcher', () => {
  it('runs from its -EncodedCommand arguments and reports a start it could not make as failed', () => {
    const run = spawnSync(pwshPath(), [...plan.launcherArgs], { encoding: 'utf8', timeout: 60_000 })
    expect(run.status).toBe(0)
    const status = parseLauncherOutput(run.stdout)
    expect(status).toMatchObject({ kind: 'failed' })
    expect(status).not.toMatchObject({ message: CONSTRAINED_LANGUAGE_LAUNCH })
  }, 90_000)

  it('refuses in Constrained Language Mode before anything that mode forbids, saying why', () => {
    const lines = plan.launcher.split('\n').map(singleQuotedAsciiLine).join(',')
    const input = `${ENTER_CONSTRAINED_LANGUAGE}\n& { Invoke-Expression (@(${lines}) -join [char]10) }\n`
    const run = spawnSync(pwshPath(), ['-NoProfile', '-NonInteractive', '-Command', '-'], { input, encoding: 'utf8', timeout: 60_000 })
    expect(parseLauncherOutput(run.stdout)).toEqual({ kind: 'failed', code: null, message: CONSTRAINED_LANGUAGE_LAUNCH })
    // Nothing forbidden was even tried: no Constrained Language error on stderr.
    expect(run.stderr).not.toMatch(/core types|language mode/i)
  }, 90_000)
})
