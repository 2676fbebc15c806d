import { mkdtempSync, rmSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { actAsElevatedSide, actAsForeignClient } from './fake-elevated-side'
import { openResultChannel, randomPipeEndpoint, type ResultChannel } from './result-channel'
import { sha256Hex } from './scripts'

const dir = mkdtempSync(join(tmpdir(), 'wnd-rc-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let count = 0
const socketPath = () => join(dir, `p${count++}.sock`)

const NONCE = '0123456789abcdef0123456789abcdef'
const SCRIPT = "[Console]::Out.WriteLine('WND-RESULT-x:' + '{\"ok\":true}') # 网络 $(x) 'q'\r\n"

async function open(options: { readonly helloTimeoutMs?: number; readonly maxResultBytes?: number } = {}) {
  const path = socketPath()
  const opened = await openResultChannel({ listenPath: path, nonce: NONCE, scriptText: SCRIPT, ...options })
  if (!opened.ok) throw new Error(opened.detail)
  return { path, channel: opened.channel }
}

const elevated = (path: string, overrides: { readonly nonce?: string; readonly pinnedSha256?: string } = {}) =>
  actAsElevatedSide({ pipeName: path, nonce: NONCE, pinnedSha256: sha256Hex(SCRIPT), run: (text) => `ran ${text.length} chars\r\n`, ...overrides })

/** A raw client for the misbehaving cases the fake elevated side does not cover. */
function rawClient(path: string): Promise<{ socket: Socket; received: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(path)
    let received = ''
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('utf8')
    })
    const closed = new Promise<void>((done) => socket.once('close', () => done()))
    socket.once('error', reject)
    socket.once('connect', () => resolve({ socket, received: () => received, closed }))
  })
}

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

  it('serves the script, byte for byte, to the right hello and returns its output', async () => {
    const { path, channel } = await open()
    expect(channel.scriptDelivered()).toBe(false)
    const report = await elevated(path)
    expect(report).toEqual({ kind: 'ran', scriptText: SCRIPT })
    expect(await channel.outcome).toEqual({ kind: 'result', stdout: `ran ${SCRIPT.length} chars\r\n` })
    expect(channel.scriptDelivered()).toBe(true)
    await channel.close()
  })

  it('drops foreign connections without answering and keeps listening for the real one', async () => {
    const { path, channel } = await open()
    expect(await actAsForeignClient(path, JSON.stringify({ nonce: 'ffffffffffffffffffffffffffffffff' }))).toEqual({ received: '' })
    expect(await actAsForeignClient(path, 'GET / HTTP/1.1')).toEqual({ received: '' })
    expect(await actAsForeignClient(path, JSON.stringify({ hello: NONCE }))).toEqual({ received: '' })
    expect(channel.ignoredConnections()).toBe(3)
    expect(channel.scriptDelivered()).toBe(false)
    expect(await elevated(path)).toMatchObject({ kind: 'ran' })
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
    expect(await elevated(path)).toMatchObject({ kind: 'ran' })
    await channel.close()
  })

  it('serves one client only: once served it stops listening and drops the others', async () => {
    const { path, channel } = await open()
    const bystander = await rawClient(path)
    const client = await rawClient(path)
    client.socket.write(`${JSON.stringify({ nonce: NONCE })}\n`)
    await bystander.closed
    await expect(rawClient(path)).rejects.toThrow()
    client.socket.destroy()
    expect(await channel.outcome).toEqual({ kind: 'broken', detail: 'the elevated side disconnected without a result' })
    await channel.close()
  })

  it('reports the elevated side refusing a script whose hash is not the pinned one', async () => {
    const { path, channel } = await open()
    const report = await elevated(path, { pinnedSha256: sha256Hex('a different script') })
    expect(report).toEqual({ kind: 'refused', receivedSha256: sha256Hex(SCRIPT) })
    expect(await channel.outcome).toEqual({ kind: 'refused', reason: 'hash-mismatch', detail: sha256Hex(SCRIPT) })
    await channel.close()
  })

  it('treats an answer with the wrong nonce, garbage or an oversized answer as broken', async () => {
    const cases: readonly [string, string][] = [
      [JSON.stringify({ nonce: 'ffffffffffffffffffffffffffffffff', stdout: 'forged' }), 'the result carried the wrong nonce'],
      ['not json', 'the elevated side sent an unreadable result'],
      [JSON.stringify({ nonce: NONCE }), 'the result has no stdout'],
      [`${JSON.stringify({ nonce: NONCE, stdout: 'y'.repeat(300) })}`, 'the result is larger than 100 bytes'],
    ]
    for (const [answer, detail] of cases) {
      const { path, channel } = await open({ maxResultBytes: 100 })
      const client = await rawClient(path)
      client.socket.write(`${JSON.stringify({ nonce: NONCE })}\n`)
      client.socket.write(`${answer}\n`)
      expect(await channel.outcome).toEqual({ kind: 'broken', detail })
      await channel.close()
    }
  })

  it('passes on a script error with the partial output', async () => {
    const { path, channel } = await open()
    const client = await rawClient(path)
    client.socket.write(`${JSON.stringify({ nonce: NONCE })}\n`)
    client.socket.write(`${JSON.stringify({ nonce: NONCE, stdout: 'half', error: 'script-error', detail: 'ParseException' })}\n`)
    expect(await channel.outcome).toEqual({ kind: 'script-error', stdout: 'half', detail: 'ParseException' })
    await channel.close()
  })

  it('reads a large result that arrives in many chunks, with CRLF and a BOM', async () => {
    const { path, channel } = await open()
    const client = await rawClient(path)
    client.socket.write(`${JSON.stringify({ nonce: NONCE })}\n`)
    const stdout = `WND-RESULT-x:${JSON.stringify({ ok: true, data: '数据'.repeat(200_000) })}\r\n`
    const line = Buffer.from(`\uFEFF${JSON.stringify({ nonce: NONCE, stdout })}\r\n`, 'utf8')
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
    const opened = await openResultChannel({ listenPath: join(dir, 'missing', 'p.sock'), nonce: NONCE, scriptText: SCRIPT })
    expect(opened).toMatchObject({ ok: false, detail: expect.stringMatching(/ENOENT|EACCES/) })
  })
})

describe('result channel: steps that must run before the elevated ones', () => {
  it('sends the script only after beforeDeliver finished, once elevation is granted', async () => {
    const path = socketPath()
    const order: string[] = []
    const opened = await openResultChannel({
      listenPath: path,
      nonce: NONCE,
      scriptText: SCRIPT,
      beforeDeliver: async () => {
        order.push('before')
        return true
      },
    })
    if (!opened.ok) throw new Error(opened.detail)
    await elevated(path)
    order.push('ran')
    expect(order).toEqual(['before', 'ran'])
    expect(await opened.channel.outcome).toMatchObject({ kind: 'result' })
  })

  it('never sends the script when beforeDeliver says no', async () => {
    const path = socketPath()
    const opened = await openResultChannel({ listenPath: path, nonce: NONCE, scriptText: SCRIPT, beforeDeliver: async () => false })
    if (!opened.ok) throw new Error(opened.detail)
    const client = await rawClient(path)
    client.socket.write(`{"nonce":"${NONCE}"}\n`)
    await client.closed
    expect(client.received()).toBe('')
    expect(await opened.channel.outcome).toEqual({ kind: 'aborted' })
    expect(opened.channel.scriptDelivered()).toBe(false)
  })
})
