import { BRIDGE_EVENTS, BRIDGE_METHODS, type DoctorApi } from '../../../shared/ipc/bridge'
import { err, type Result } from '../../../shared/ipc/result'

/**
 * The browser demo's bridge: the same named methods, carried over HTTP to the demo server, which
 * runs the real handlers on a simulated PC. Events arrive as server-sent events.
 */
export function createHttpBridge(origin: string): DoctorApi {
  const api: Record<string, unknown> = {}
  for (const [method, channel] of Object.entries(BRIDGE_METHODS)) {
    api[method] = async (input?: unknown): Promise<Result<unknown>> => {
      try {
        const response = await fetch(`${origin}/api/invoke`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ channel, input }),
        })
        return (await response.json()) as Result<unknown>
      } catch (error) {
        return err('bridge-unavailable', String(error))
      }
    }
  }
  for (const [method, channel] of Object.entries(BRIDGE_EVENTS)) {
    api[method] = (listener: (payload: unknown) => void) => {
      const source = new EventSource(`${origin}/api/events`)
      const onMessage = (event: MessageEvent<string>) => listener(JSON.parse(event.data))
      source.addEventListener(channel, onMessage)
      return () => source.close()
    }
  }
  return api as DoctorApi
}
