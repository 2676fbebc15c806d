import { createHash } from 'node:crypto'
import { connect, type Socket } from 'node:net'

/**
 * Test support, never imported by the app: plays the elevated `powershell.exe` on Linux CI, where
 * there is no PowerShell and no UAC (engineering.md §4). It reads its parameters out of the
 * generated launcher arguments exactly as Windows would receive them (base64 of UTF-16LE, twice),
 * so the tests exercise the real generated text, then follows the bootstrap's protocol.
 */

/** What the elevated process would be told, recovered from the launcher's `-EncodedCommand`. */
export interface DecodedLaunch {
  readonly launcher: string
  readonly bootstrap: string
  readonly pipeName: string
  readonly nonce: string
  readonly scriptSha256: string
}

/** How the fake elevated side ended. */
export type ElevatedSideReport =
  | { readonly kind: 'ran'; readonly scriptText: string }
  | { readonly kind: 'refused'; readonly receivedSha256: string }
  | { readonly kind: 'no-script' }

/** Decodes launcher arguments back to both scripts and the bootstrap's embedded parameters. */
export function decodeLaunch(args: readonly string[]): DecodedLaunch {
  const at = args.indexOf('-EncodedCommand')
  const launcherBase64 = args[at + 1]
  if (at < 0 || launcherBase64 === undefined) throw new Error('no -EncodedCommand in the launcher arguments')
  const launcher = Buffer.from(launcherBase64, 'base64').toString('utf16le')
  const bootstrapBase64 = /-EncodedCommand ([A-Za-z0-9+/=]+)'/.exec(launcher)?.[1]
  if (bootstrapBase64 === undefined) throw new Error('no bootstrap in the launcher')
  const bootstrap = Buffer.from(bootstrapBase64, 'base64').toString('utf16le')
  const pipeName = /NamedPipeClientStream\]::new\('\.', '([^']+)'/.exec(bootstrap)?.[1]
  const nonce = /^\$n = '([0-9a-f]+)'$/m.exec(bootstrap)?.[1]
  const scriptSha256 = /^\$h = '([0-9a-f]{64})'$/m.exec(bootstrap)?.[1]
  if (pipeName === undefined || nonce === undefined || scriptSha256 === undefined) {
    throw new Error('bootstrap parameters not found')
  }
  return { launcher, bootstrap, pipeName, nonce, scriptSha256 }
}

/**
 * Does what the bootstrap does: hello with `nonce`, read the base64 script, compare its SHA-256 to
 * `pinnedSha256`, then either "run" it (`run` maps the script text to what it would print) and
 * send the result, or send the hash-mismatch refusal.
 */
export async function actAsElevatedSide(options: {
  readonly pipeName: string
  readonly nonce: string
  readonly pinnedSha256: string
  readonly run: (scriptText: string) => string
  /** False: take the script and hang up without answering, like a crashed elevated process. */
  readonly reply?: boolean
}): Promise<ElevatedSideReport> {
  const socket = await connectTo(options.pipeName)
  try {
    const lines = lineQueue(socket)
    socket.write(`${JSON.stringify({ nonce: options.nonce })}\n`)
    const line = await lines.next()
    if (line === null) return { kind: 'no-script' }
    const bytes = Buffer.from(line, 'base64')
    const receivedSha256 = createHash('sha256').update(bytes).digest('hex')
    if (receivedSha256 !== options.pinnedSha256) {
      await writeLine(socket, JSON.stringify({ nonce: options.nonce, error: 'hash-mismatch', detail: receivedSha256 }))
      return { kind: 'refused', receivedSha256 }
    }
    const scriptText = bytes.toString('utf8')
    if (options.reply === false) return { kind: 'ran', scriptText }
    await writeLine(socket, JSON.stringify({ nonce: options.nonce, stdout: options.run(scriptText) }))
    return { kind: 'ran', scriptText }
  } finally {
    socket.end()
  }
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

function writeLine(socket: Socket, line: string): Promise<void> {
  return new Promise((resolve) => socket.write(`${line}\n`, () => resolve()))
}

function lineQueue(socket: Socket): { next(): Promise<string | null> } {
  let buffered = ''
  let ended = false
  let waiter: (() => void) | null = null
  socket.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8')
    waiter?.()
  })
  socket.on('close', () => {
    ended = true
    waiter?.()
  })
  return {
    async next() {
      for (;;) {
        const end = buffered.indexOf('\n')
        if (end >= 0) {
          const line = buffered.slice(0, end)
          buffered = buffered.slice(end + 1)
          return line
        }
        if (ended) return null
        await new Promise<void>((resolve) => {
          waiter = resolve
        })
        waiter = null
      }
    },
  }
}
