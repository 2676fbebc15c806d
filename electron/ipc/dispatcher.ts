import { contract, events, isChannel, type EventChannel, type EventPayload } from '../../shared/ipc/contract'
import { err, ok, type Result } from '../../shared/ipc/result'
import type { HandlerContext, Handlers } from './handler-types'
import type { IpcSender } from './sender'

export type EventSink = <E extends EventChannel>(event: E, payload: EventPayload<E>) => void

export type Dispatch = (channel: unknown, sender: IpcSender, input: unknown, sink: EventSink) => Promise<Result<unknown>>

/**
 * The one wrapper every IPC call goes through, in this order: known channel, trusted sender,
 * valid input, handler, valid output. It never throws: every failure is a typed `Result`.
 *
 * It does not import `electron`, so the app binds it to `ipcMain` and tests bind it to a Playwright
 * page or call it directly.
 */
export function createDispatcher(handlers: Handlers, isTrusted: (sender: IpcSender) => boolean): Dispatch {
  return async (channel, sender, input, sink) => {
    if (!isChannel(channel)) return err('unknown-channel', typeof channel === 'string' ? channel.slice(0, 64) : typeof channel)
    if (!isTrusted(sender)) return err('untrusted-sender')
    const spec = contract[channel]
    let parsed: ReturnType<typeof spec.input.safeParse>
    try {
      parsed = spec.input.safeParse(input)
      if (!parsed.success) return err('invalid-input', summarize(parsed.error.issues))
    } catch (error) {
      // safeParse (and its lazily built messages) let exceptions from the value itself through: a
      // throwing getter or proxy trap. Electron's structured clone cannot deliver such values, but
      // this layer also serves other transports and promises never to throw (dispatcher.fuzz.test.ts).
      return err('invalid-input', error instanceof Error ? error.message.slice(0, 200) : 'unreadable input')
    }
    const context: HandlerContext = {
      emit(event, payload) {
        // Events are validated too: a handler bug must not push malformed data into the page.
        if (events[event].safeParse(payload).success) sink(event, payload)
      },
    }
    let value: unknown
    try {
      const handler = handlers[channel] as (input: unknown, context: HandlerContext) => Promise<unknown>
      value = await handler(parsed.data, context)
    } catch (error) {
      return err('handler-failed', error instanceof Error ? error.message : String(error))
    }
    const output = spec.output.safeParse(value)
    if (!output.success) return err('invalid-output', summarize(output.error.issues))
    return ok(output.data)
  }
}

function summarize(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(input)'}: ${issue.message}`)
    .join('; ')
}
