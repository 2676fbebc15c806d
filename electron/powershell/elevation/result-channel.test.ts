import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { actAsForeignClient } from './test-support/launch-test-support'
import type { ElevatedProgress } from './progress'
import { openResultChannel, randomPipeEndpoint, type ResultChannel, type ResultChannelOptions } from './result-channel'
import { sha256Hex } from './scripts'

// The server's unit tests: the elevated side is played line by line by a raw client here, for the
// misbehaving cases a real PowerShell would not produce. bootstrap.pwsh.test.ts runs the real one.
const dir = mkdtempSync(join(tmpdir(), 'wnd-rc-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let count = 0
const socketPath = () => join(dir, `p${count++}.sock`)

const NONCE = '0123456789abcdef0123456789abcdef'
const PAYLOAD = "Write-Output ('WND-RESULT-x:' + '{\"ok\":true}') # 网络 $(x) 'q'\r\n"

type Extra = Partial<Pick<ResultChannelOptions, 'helloTimeoutMs' | 'maxResultBytes' | 'onProgress' | 'onActivity' | 'beforeDeliver'>>

async function open(options: Extra = {}) {
  const path = socketPath()
  const opened = await openResultChannel({ listenPath: path, nonce: NONCE, payload: PAYLOAD, ...options })
  if (!opened.ok) throw new Error(opened.detail)
  return { path, channel: opened.channel }
}

function rawClient(path: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void>; line: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(path)
    let received = ''
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8')
    })
    const closed = new Promise<void>((done) => socket.once('close', () => done()))
    const line = async () => {
      while (!received.includes('\n')) await new Promise((wait) => setTimeout(wait, 5))
      return received.slice(0, received.indexOf('\n'))
    }
    socket.once('error', reject)
    socket.once('connect', () => resolve({ socket, received: () => received, closed, line }))
  })
}

/** Says the right hello, takes the payload, sends `answers` (one line each); returns the payload. */
async function elevated(path: string, answers: readonly string[]): Promise<string> {
  const client = await rawClient(path)
  client.socket.write(`${NONCE}\n`)
  const payload = Buffer.from(await client.line(), 'base64').toString('utf8')
  for (const answer of answers) client.socket.write(`${answer}\n`)
  return payload
}

const event = (value: unknown) => JSON.stringify({ event: JSON.stringify(value) })

async function settled(channel: ResultChannel) {
  return Promise.race([channel.outcome, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 100))])
}

describe('result channel', () => {
  it('names Windows pipes wnd-elevate-<32 hex>, fresh each time', () => {
    const a = randomPipeEndpoint()
    expect(a.pipeName).toMatch(/^wnd-elevate-[0-9a-f]{32}$/)
    expect(a.listenPath).toBe(`\\\\.\\pipe\\${a.pipeName}`)
    expect(randomPipeEndpoint().pipeName).not.toBe(a.pipeName)
  })

  it('serves the payload, byte for byte, to the right hello and returns its output', async () => {
    const { path, channel } = await open()
    expect(channel.scriptDelivered()).toBe(false)
    expect(await elevated(path, [JSON.stringify({ stdout: 'ran\r\n' })])).toBe(PAYLOAD)
    expect(await channel.outcome).toEqual({ kind: 'result', stdout: 'ran\r\n' })
    expect(channel.scriptDelivered()).toBe(true)
    await channel.close()
  })

  it('passes on progress events as they come, before the result, and counts every line as activity', async () => {
    const events: ElevatedProgress[] = []
    let activity = 0
    const { path, channel } = await open({ onProgress: (e) => events.push(e), onActivity: () => (activity += 1) })
    const client = await rawClient(path)
    client.socket.write(`${NONCE}\n`)
    await client.line()
    client.socket.write(`${event({ step: 0, status: 'done', data: { detail: '好' } })}\n`)
    client.socket.write(`${JSON.stringify({ event: 'not json' })}\n`)
    client.socket.write(`${event({ step: -1, status: 'done' })}\n`)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(events).toEqual([{ step: 0, status: 'done', data: { detail: '好' } }])
    expect(await settled(channel)).toBe('pending')
    client.socket.write(`${event({ step: 1, status: 'failed', data: 'x' })}\n${JSON.stringify({ stdout: 'end' })}\n`)
    expect(await channel.outcome).toEqual({ kind: 'result', stdout: 'end' })
    expect(events).toHaveLength(2)
    // The hello, the delivery, four events (readable or not: the process is alive), the result.
    expect(activity).toBe(7)
    await channel.close()
  })

  it('survives an onProgress callback that throws', async () => {
    const { path, channel } = await open({
      onProgress: () => {
        throw new Error('caller bug')
      },
    })
    await elevated(path, [event({ step: 0, status: 'started' }), JSON.stringify({ stdout: 'ok' })])
    expect(await channel.outcome).toEqual({ kind: 'result', stdout: 'ok' })
    await channel.close()
  })

  it('drops foreign connections without answering and keeps listening for the real one', async () => {
    const { path, channel } = await open()
    expect(await actAsForeignClient(path, 'ffffffffffffffffffffffffffffffff')).toEqual({ received: '' })
    expect(await actAsForeignClient(path, 'GET / HTTP/1.1')).toEqual({ received: '' })
    expect(await actAsForeignClient(path, JSON.stringify({ nonce: NONCE }))).toEqual({ received: '' })
    expect(await actAsForeignClient(path, NONCE.slice(0, 31))).toEqual({ received: '' })
    expect(channel.ignoredConnections()).toBe(4)
    expect(channel.scriptDelivered()).toBe(false)
    expect(await elevated(path, [JSON.stringify({ stdout: '' })])).toBe(PAYLOAD)
    expect(await channel.outcome).toMatchObject({ kind: 'result' })
    await channel.close()
  })

  it('drops a connection that stays silent or sends an endless first line', async () => {
    const { path, channel } = await open({ helloTimeoutMs: 50 })
    const silent = await rawClient(path)
    const flood = await rawClient(path)
    flood.socket.write('x'.repeat(4096))
    await Promise.all([silent.closed, flood.closed])
    expect(silent.received() + flood.received()).toBe('')
    expect(channel.ignoredConnections()).toBe(2)
    expect(await elevated(path, [JSON.stringify({ stdout: '' })])).toBe(PAYLOAD)
    await channel.close()
  })

  it('serves one client only: once served it stops listening and drops the others', async () => {
    const { path, channel } = await open()
    const bystander = await rawClient(path)
    const client = await rawClient(path)
    client.socket.write(`${NONCE}\n`)
    await bystander.closed
    await expect(rawClient(path)).rejects.toThrow()
    client.socket.destroy()
    expect(await channel.outcome).toEqual({ kind: 'broken', detail: 'the elevated side disconnected without a result' })
    await channel.close()
  })

  it('reports the elevated side refusing the payload, with the SHA-256 of what was served', async () => {
    const { path, channel } = await open()
    await elevated(path, ['{"error":"hash-mismatch"}'])
    expect(await channel.outcome).toEqual({ kind: 'refused', reason: 'hash-mismatch', detail: sha256Hex(PAYLOAD) })
    await channel.close()
  })

  it('treats garbage, a result without stdout or an oversized line as broken', async () => {
    const cases: readonly [string, string][] = [
      ['not json', 'the elevated side sent an unreadable result'],
      [JSON.stringify({ nonce: NONCE }), 'the result has no stdout'],
      [JSON.stringify({ error: 'other' }), 'the elevated side sent an unreadable result'],
      [JSON.stringify({ stdout: 'y'.repeat(300) }), 'the result is larger than 100 bytes'],
    ]
    for (const [answer, detail] of cases) {
      const { path, channel } = await open({ maxResultBytes: 100 })
      const client = await rawClient(path)
      client.socket.write(`${NONCE}\n`)
      client.socket.write(`${answer}\n`)
      expect(await channel.outcome).toEqual({ kind: 'broken', detail })
      await channel.close()
    }
  })

  it('passes on a script error with the partial output', async () => {
    const { path, channel } = await open()
    await elevated(path, [JSON.stringify({ stdout: 'half', error: 'script-error', detail: 'ParseException' })])
    expect(await channel.outcome).toEqual({ kind: 'script-error', stdout: 'half', detail: 'ParseException' })
    await channel.close()
  })

  it('reads a large result that arrives in many chunks, with CRLF and a BOM (hello too)', async () => {
    const { path, channel } = await open()
    const client = await rawClient(path)
    client.socket.write(`\uFEFF${NONCE}\r\n`)
    const stdout = `WND-RESULT-x:${JSON.stringify({ ok: true, data: '数据'.repeat(200_000) })}\r\n`
    const line = Buffer.from(`\uFEFF${JSON.stringify({ stdout })}\r\n`, 'utf8')
    for (let at = 0; at < line.length; at += 7001) client.socket.write(line.subarray(at, at + 7001))
    expect(await channel.outcome).toEqual({ kind: 'result', stdout })
    await channel.close()
  })

  it('stays pending until an answer comes, and close() ends everything', async () => {
    const { path, channel } = await open()
    expect(await settled(channel)).toBe('pending')
    await channel.close()
    await channel.close()
    await expect(rawClient(path)).rejects.toThrow()
  })

  it('reports a path it cannot listen on instead of throwing', async () => {
    const opened = await openResultChannel({ listenPath: join(dir, 'missing', 'p.sock'), nonce: NONCE, payload: PAYLOAD })
    expect(opened).toMatchObject({ ok: false, detail: expect.stringMatching(/ENOENT|EACCES/) })
  })
})

describe('result channel: steps that must run before the elevated ones', () => {
  it('sends the payload only after beforeDeliver finished, once elevation is granted', async () => {
    const order: string[] = []
    const { path, channel } = await open({
      beforeDeliver: async () => {
        order.push('before')
        return true
      },
    })
    await elevated(path, [JSON.stringify({ stdout: '' })])
    order.push('ran')
    expect(order).toEqual(['before', 'ran'])
    expect(await channel.outcome).toMatchObject({ kind: 'result' })
  })

  it('never sends the payload when beforeDeliver says no', async () => {
    const { path, channel } = await open({ beforeDeliver: async () => false })
    const client = await rawClient(path)
    client.socket.write(`${NONCE}\n`)
    await client.closed
    expect(client.received()).toBe('')
    expect(await channel.outcome).toEqual({ kind: 'aborted' })
    expect(channel.scriptDelivered()).toBe(false)
  })
})
