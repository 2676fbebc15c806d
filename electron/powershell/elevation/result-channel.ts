import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type Socket } from 'node:net'
import { z } from 'zod'
import { parseProgressEvent, type ElevatedProgress } from './progress'

/**
 * Node's side of the elevation pipe (docs/security.md#elevation, "a JSON detail result through a named
 * pipe"). The protocol, one UTF-8 line each way, then JSON lines back:
 *
 *   elevated -> node   <nonce>                                      hello (bare: the bootstrap
 *                                                                   is size-bound, scripts.ts)
 *   node -> elevated   <base64 of the payload's UTF-8 bytes>        payload = runner + script
 *   elevated -> node   {"event":"<json>"}                           zero or more, as they happen
 *   elevated -> node   {"stdout":"..."}                             the result, or
 *                      {"error":"hash-mismatch"}                    nothing ran
 *                      {"stdout":"...","error":"script-error","detail":"..."}
 *
 * A connection whose first line is not the right nonce is dropped and the server keeps listening;
 * the first right hello gets the payload, and then the server stops listening. The lines after the
 * hello carry no nonce: they arrive on the one connection that already proved it, which no other
 * process can write into.
 */

/** Where the pipe lives: Node listens on `listenPath`; the elevated side connects to `pipeName`. */
export interface PipeEndpoint {
  /** `\\.\pipe\<name>` on Windows; a Unix socket path in tests. */
  readonly listenPath: string
  /** What `NamedPipeClientStream` takes (the bare name); in tests, the socket path again. */
  readonly pipeName: string
}

/** A fresh unguessable pipe per run, so another process cannot prepare for it (§4). */
export function randomPipeEndpoint(): PipeEndpoint {
  const pipeName = `wnd-elevate-${randomBytes(16).toString('hex')}`
  return { listenPath: `\\\\.\\pipe\\${pipeName}`, pipeName }
}

/** How the one accepted connection ended. */
export type ChannelOutcome =
  /** `beforeDeliver` said no (or failed): the elevated side got no script. */
  | { readonly kind: 'aborted' }
  /** The script ran and this is what it printed (the composed script's envelope line, §3). */
  | { readonly kind: 'result'; readonly stdout: string }
  /** The elevated side received bytes whose SHA-256 was not the pinned one, and ran nothing. `detail`: the SHA-256 served. */
  | { readonly kind: 'refused'; readonly reason: 'hash-mismatch'; readonly detail: string }
  /** The script threw out of the bootstrap (a parse error, or a script that is not composed). */
  | { readonly kind: 'script-error'; readonly stdout: string; readonly detail: string }
  /** The script was sent but no valid answer came back (dropped, garbage, wrong nonce, too long). */
  | { readonly kind: 'broken'; readonly detail: string }

export interface ResultChannel {
  /** Settles with the accepted connection's answer; never rejects; stays pending until one comes. */
  readonly outcome: Promise<ChannelOutcome>
  /** True once the payload went to a client that said the right nonce (something may have run). */
  scriptDelivered(): boolean
  /** Connections dropped for a wrong or missing hello. */
  ignoredConnections(): number
  /** Stops listening and drops every connection. Idempotent. */
  close(): Promise<void>
}

export interface ResultChannelOptions {
  readonly listenPath: string
  readonly nonce: string
  /** The exact text whose SHA-256 the bootstrap pins (scripts.ts `payloadScript`). */
  readonly payload: string
  /**
   * Called once the right hello arrived (UAC was approved) and before the script is sent: the
   * unelevated steps that must run first. False ends the run: the script is never sent.
   */
  readonly beforeDeliver?: () => Promise<boolean>
  /** A connection must say hello within this time or it is dropped. Default 5 s. */
  readonly helloTimeoutMs?: number
  /** Upper bound for each line after the hello. Default 32 MiB. */
  readonly maxResultBytes?: number
  /** Every sign of life of the accepted connection: the hello, the delivery, each line after. */
  readonly onActivity?: () => void
  /** Each progress event that fits the contract (progress.ts), as it arrives. */
  readonly onProgress?: (event: ElevatedProgress) => void
}

export type OpenResultChannel = { readonly ok: true; readonly channel: ResultChannel } | { readonly ok: false; readonly detail: string }

const MAX_HELLO_BYTES = 1024
const AnswerMessage = z.object({
  event: z.string().optional(),
  stdout: z.string().optional(),
  error: z.enum(['hash-mismatch', 'script-error']).optional(),
  detail: z.string().optional(),
})

/**
 * Opens the one-shot server before the UAC prompt, so the pipe name is already ours when the
 * elevated side looks for it. Never rejects: a failure to listen comes back as `{ ok: false }`.
 */
export function openResultChannel(options: ResultChannelOptions): Promise<OpenResultChannel> {
  const helloTimeoutMs = options.helloTimeoutMs ?? 5000
  const maxResultBytes = options.maxResultBytes ?? 32 * 1024 * 1024
  const payload = `${Buffer.from(options.payload, 'utf8').toString('base64')}\n`
  const servedSha256 = createHash('sha256').update(Buffer.from(options.payload, 'utf8')).digest('hex')
  const activity = () => notify(options.onActivity)
  const sockets = new Set<Socket>()
  let accepted: Socket | null = null
  let delivered = false
  let ignored = 0
  let closed = false
  let settled = false
  let resolveOutcome: (outcome: ChannelOutcome) => void = () => undefined
  const outcome = new Promise<ChannelOutcome>((resolve) => {
    resolveOutcome = resolve
  })
  const settle = (value: ChannelOutcome) => {
    if (settled) return
    settled = true
    resolveOutcome(value)
  }

  const server = createServer((socket) => {
    socket.on('error', () => undefined)
    if (closed || accepted !== null) {
      socket.destroy()
      return
    }
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    const ignore = () => {
      if (socket.destroyed) return
      ignored += 1
      socket.destroy()
    }
    const helloTimer = setTimeout(ignore, helloTimeoutMs)
    let phase: 'hello' | 'answer' = 'hello'
    socket.on('close', () => {
      clearTimeout(helloTimer)
      if (phase === 'answer') settle({ kind: 'broken', detail: 'the elevated side disconnected without a result' })
    })
    readLines(socket, {
      maxLineBytes: () => (phase === 'hello' ? MAX_HELLO_BYTES : maxResultBytes),
      onOverflow: () => {
        if (phase === 'hello') return ignore()
        settle({ kind: 'broken', detail: `the result is larger than ${maxResultBytes} bytes` })
        socket.destroy()
      },
      onLine: (line) => {
        if (phase === 'hello') {
          if (!sameNonce(line.trim(), options.nonce) || accepted !== null || closed) return ignore()
          clearTimeout(helloTimer)
          phase = 'answer'
          accepted = socket
          activity()
          // One real client per run: stop listening and drop everyone else.
          server.close(() => undefined)
          for (const other of sockets) if (other !== socket) other.destroy()
          const deliver = options.beforeDeliver ?? (async () => true)
          void deliver().then(
            (go) => {
              if (go && !socket.destroyed) {
                delivered = true
                socket.write(payload)
                activity()
              } else {
                settle({ kind: 'aborted' })
                socket.destroy()
              }
            },
            () => {
              settle({ kind: 'aborted' })
              socket.destroy()
            },
          )
          return
        }
        activity()
        const answer = readAnswer(line, servedSha256)
        if (answer.kind === 'progress') {
          if (answer.event !== null) notify(options.onProgress, answer.event)
          return
        }
        settle(answer)
        socket.destroy()
      },
    })
  })

  const channel: ResultChannel = {
    outcome,
    scriptDelivered: () => delivered,
    ignoredConnections: () => ignored,
    close: () => {
      closed = true
      for (const socket of sockets) socket.destroy()
      return new Promise<void>((resolve) => {
        if (!server.listening) return resolve()
        server.close(() => resolve())
      })
    },
  }

  return new Promise<OpenResultChannel>((resolve) => {
    const onError = (error: Error) => resolve({ ok: false, detail: `${error.name}: ${error.message}` })
    server.once('error', onError)
    server.listen(options.listenPath, () => {
      server.off('error', onError)
      server.on('error', () => undefined)
      resolve({ ok: true, channel })
    })
  })
}

function readAnswer(line: string, servedSha256: string): ChannelOutcome | { readonly kind: 'progress'; readonly event: ElevatedProgress | null } {
  const answer = AnswerMessage.safeParse(parseJson(line))
  if (!answer.success) return { kind: 'broken', detail: 'the elevated side sent an unreadable result' }
  const { data } = answer
  if (data.event !== undefined) return { kind: 'progress', event: parseProgressEvent(data.event) }
  if (data.error === 'hash-mismatch') return { kind: 'refused', reason: 'hash-mismatch', detail: servedSha256 }
  if (data.error === 'script-error') return { kind: 'script-error', stdout: data.stdout ?? '', detail: data.detail ?? '' }
  if (data.stdout === undefined) return { kind: 'broken', detail: 'the result has no stdout' }
  return { kind: 'result', stdout: data.stdout }
}

/** Calls a caller's callback; its exceptions must not break the protocol. */
function notify<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    callback?.(...args)
  } catch {
    // The caller's problem, not the channel's.
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}

/** Constant-time comparison, so response timing does not leak how much of a guessed nonce was right. */
function sameNonce(received: string, expected: string): boolean {
  const a = Buffer.from(received, 'utf8')
  const b = Buffer.from(expected, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Splits a socket's bytes into UTF-8 lines without re-copying the buffer for every chunk (results
 * can be megabytes). Strips a trailing CR and a leading BOM, which .NET writers may add.
 */
function readLines(
  socket: Socket,
  handlers: {
    readonly maxLineBytes: () => number
    readonly onLine: (line: string) => void
    readonly onOverflow: () => void
  },
): void {
  let pending: Buffer[] = []
  let pendingBytes = 0
  socket.on('data', (chunk: Buffer) => {
    let rest = chunk
    for (;;) {
      if (socket.destroyed) return
      const end = rest.indexOf(0x0a)
      if (end < 0) break
      const bytes = Buffer.concat([...pending, rest.subarray(0, end)])
      pending = []
      pendingBytes = 0
      rest = rest.subarray(end + 1)
      if (bytes.length > handlers.maxLineBytes()) return handlers.onOverflow()
      const line = bytes.toString('utf8')
      handlers.onLine(line.replace(/^\uFEFF/, '').replace(/\r$/, ''))
    }
    if (rest.length > 0) {
      pending.push(rest)
      pendingBytes += rest.length
    }
    if (pendingBytes > handlers.maxLineBytes()) handlers.onOverflow()
  })
}
