import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { MISSING_TOOLCHAIN, pwshPath } from '../../dev/powershell-toolchain/toolchain'
import { randomPipeEndpoint, type PipeEndpoint } from './result-channel'

/**
 * Test support, never imported by the app: runs the REAL elevated side (the generated bootstrap,
 * then the payload it fetches) in the project's PowerShell 7 on Linux. Only what Linux cannot do is
 * left out: `Process.Start` with `Verb = 'runas'` (the UAC prompt) is replaced by starting pwsh
 * directly with the same `-EncodedCommand`.
 *
 * .NET on Unix implements named pipes as Unix domain sockets: `NamedPipeClientStream('.', name)`
 * connects to `Path.GetTempPath() + 'CoreFxPipe_' + name` (dotnet/runtime PipeStream.Unix.cs
 * GetPipePath; GetTempPath reads TMPDIR). So the bootstrap keeps its Windows-shaped bare pipe name
 * and each test gives pwsh its own TMPDIR, where the result channel listens: no shared /tmp
 * sockets, no clashes between parallel runs. `TokenImpersonationLevel.Identification` is accepted
 * and ignored on Unix (the constructor stores it; only Windows' CreateFile uses it), so the
 * bootstrap text runs unchanged.
 */

/** The pwsh executable, or a thrown MISSING_TOOLCHAIN: these tests fail, never skip. */
export function requirePwsh(): string {
  const path = pwshPath()
  if (!existsSync(path)) throw new Error(MISSING_TOOLCHAIN)
  return path
}

/** A fresh Windows-shaped pipe name whose .NET-on-Unix socket lives in `tempDir`. */
export function unixPipeEndpoint(tempDir: string): PipeEndpoint {
  const { pipeName } = randomPipeEndpoint()
  return { pipeName, listenPath: join(tempDir, `CoreFxPipe_${pipeName}`) }
}

export interface PwshRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Starts `pwsh -NoProfile -NonInteractive -EncodedCommand <bootstrapBase64>` (the elevated flags
 * minus the Windows-only `-ExecutionPolicy`/`-WindowStyle`) with TMPDIR = `tempDir`.
 */
export function runElevatedSide(options: {
  readonly bootstrapBase64: string
  readonly tempDir: string
  readonly env?: Readonly<Record<string, string>>
  readonly timeoutMs?: number
}): Promise<PwshRun> {
  const pwsh = requirePwsh()
  return new Promise((resolve, reject) => {
    const child = spawn(pwsh, ['-NoProfile', '-NonInteractive', '-EncodedCommand', options.bootstrapBase64], {
      env: { ...process.env, ...options.env, TMPDIR: options.tempDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const timer = setTimeout(() => child.kill(), options.timeoutMs ?? 30_000)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}
