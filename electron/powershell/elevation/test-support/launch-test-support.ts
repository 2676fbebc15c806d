import { connect, type Socket } from 'node:net'

/**
 * Test support, never imported by the app: the two parts of an elevation run that a real
 * PowerShell cannot play on Linux CI (everything else runs for real, real-elevated-side.ts):
 * - `decodeLaunch`: what Windows would do with the launcher's arguments up to the UAC prompt. The
 *   launcher's `Process.Start` with `Verb = 'runas'` cannot run here, so tests decode its
 *   `-EncodedCommand` (base64 of UTF-16LE, twice) to get the exact bootstrap it would elevate;
 * - `actAsForeignClient`: another process squatting or probing the pipe, which by definition is
 *   not our PowerShell.
 */

/** What the elevated process would be told, recovered from the launcher's `-EncodedCommand`. */
export interface DecodedLaunch {
  readonly launcher: string
  readonly bootstrap: string
  /** The `-EncodedCommand` argument the launcher hands to the elevated powershell.exe. */
  readonly bootstrapBase64: string
  readonly pipeName: string
  readonly nonce: string
  /** SHA-256 (lowercase hex) of the payload the bootstrap accepts. */
  readonly payloadSha256: string
}

/** Decodes launcher arguments back to both scripts and the bootstrap's embedded parameters. */
export function decodeLaunch(args: readonly string[]): DecodedLaunch {
  const at = args.indexOf('-EncodedCommand')
  const launcherBase64 = args[at + 1]
  if (at < 0 || launcherBase64 === undefined) throw new Error('no -EncodedCommand in the launcher arguments')
  const launcher = Buffer.from(launcherBase64, 'base64').toString('utf16le')
  const bootstrapBase64 = /-EncodedCommand ([A-Za-z0-9+/=]+)'/.exec(launcher)?.[1]
  if (bootstrapBase64 === undefined) throw new Error('no bootstrap in the launcher')
  const bootstrap = Buffer.from(bootstrapBase64, 'base64').toString('utf16le')
  const pipeName = /NamedPipeClientStream\]::new\('\.','([^']+)'/.exec(bootstrap)?.[1]
  const nonce = /^\$w\.WriteLine\('([0-9a-f]+)'\)$/m.exec(bootstrap)?.[1]
  const pinned = /-cne'([A-Za-z0-9+/=]{44})'/.exec(bootstrap)?.[1]
  if (pipeName === undefined || nonce === undefined || pinned === undefined) {
    throw new Error('bootstrap parameters not found')
  }
  return { launcher, bootstrap, bootstrapBase64, pipeName, nonce, payloadSha256: Buffer.from(pinned, 'base64').toString('hex') }
}

/**
 * A foreign client: sends `firstLine` and reports whether the server answered anything before
 * dropping the connection (it must not: only the right hello gets the script).
 */
export async function actAsForeignClient(pipeName: string, firstLine: string): Promise<{ readonly received: string }> {
  const socket = await connectTo(pipeName)
  let received = ''
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8')
  })
  socket.write(`${firstLine}\n`)
  await new Promise<void>((resolve) => socket.once('close', () => resolve()))
  return { received }
}

function connectTo(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(path)
    socket.once('connect', () => {
      socket.off('error', reject)
      socket.on('error', () => undefined)
      resolve(socket)
    })
    socket.once('error', reject)
  })
}
