import type { Channel, EventChannel, EventPayload, Input, Output } from '../../shared/ipc/contract'

/** What a handler may do besides returning: send events back to the renderer that called it. */
export interface HandlerContext {
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void
}

/** One function per contract channel; inputs arrive already validated. */
export type Handlers = {
  readonly [C in Channel]: (input: Input<C>, context: HandlerContext) => Promise<Output<C>>
}
