import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'
import { parseArgs } from 'node:util'
import { PROBE_IDS, isProbeId } from '../../shared/probes/probe-ids'
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp'
import type { EventSink } from '../ipc/dispatcher'
import { createSimulatedRuntime } from '../simulated-pc/simulated-runtime'

/**
 * `npm run demo [-- --scenario NAME] [--hang PROBE] [--port N]`: the wizard in a browser on a simulated PC.
 *
 * Builds the renderer in `--mode web`, serves it on localhost only, and answers the page's HTTP
 * bridge with the real handler layer running here in Node. For machines without Electron/Windows.
 */
const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    /** A probe that never answers (repeatable): shows the Findings step usable while it still runs. */
    hang: { type: 'string', multiple: true, default: [] },
    port: { type: 'string', default: '5317' },
    'no-build': { type: 'boolean', default: false },
  },
})

const repoRoot = join(__dirname, '..', '..')
const webRoot = join(repoRoot, 'out', 'web')

if (!values['no-build'] || !existsSync(join(webRoot, 'index.html'))) {
  const build = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.mts', '--mode', 'web', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

let runtime: ReturnType<typeof createSimulatedRuntime>
try {
  const hang = values.hang ?? []
  const unknownProbe = hang.find((id) => !isProbeId(id))
  if (unknownProbe !== undefined) throw new Error(`Unknown probe "${unknownProbe}". Known probes: ${PROBE_IDS.join(', ')}`)
  runtime = createSimulatedRuntime({ ...(values.scenario ? { scenarioId: values.scenario } : {}), hang: hang.filter(isProbeId) })
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(2)
}

const listeners = new Set<ServerResponse>()
const broadcast: EventSink = (event, payload) => {
  for (const response of listeners) response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
}

const MIME: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' }

const server = createServer((request, response) => {
  void route(request, response).catch((error: unknown) => {
    response.writeHead(500).end(String(error))
  })
})

async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (request.method === 'POST' && url.pathname === '/api/invoke') {
    const body = await readBody(request, 64 * 1024)
    let message: { channel?: unknown; input?: unknown } = {}
    try {
      message = JSON.parse(body) as typeof message
    } catch {
      // Falls through to the dispatcher, which rejects the unknown channel.
    }
    const result = await runtime.dispatch(message.channel, { frameUrl: null, isMainFrame: true }, message.input, broadcast)
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result))
    return
  }
  if (request.method === 'GET' && url.pathname === '/api/events') {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
    response.write(': connected\n\n')
    listeners.add(response)
    request.on('close', () => listeners.delete(response))
    return
  }
  const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '')
  const file = normalize(join(webRoot, relative))
  if (!file.startsWith(webRoot + sep) || !existsSync(file)) {
    response.writeHead(404).end('Not found')
    return
  }
  response
    .writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
    })
    .end(readFileSync(file))
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new Error('request too large'))
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

const port = Number.parseInt(values.port ?? '5317', 10)
server.listen(port, '127.0.0.1', () => {
  const scenario = runtime.host.scenario
  console.log(`WSL Network Doctor demo — simulated PC "${scenario.id}": ${scenario.title.en}`)
  console.log(`Open http://127.0.0.1:${port}/ in a browser. Press Ctrl+C to stop.`)
})
