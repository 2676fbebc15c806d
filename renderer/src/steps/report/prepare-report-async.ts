import type { MachineSnapshot } from '../../../../shared/machine/snapshot'
import type { PreparedReport } from '../../../../shared/report/prepare'
import type { PrepareOptions, PrepareRequest, PrepareResponse } from './prepare-report-messages'

/** How long the report may take before the page gives up and says so (redaction is linear: 8 MiB < 1 s). */
export const PREPARE_TIMEOUT_MS = 5000

export class PrepareTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`preparing the report took longer than ${timeoutMs} ms`)
    this.name = 'PrepareTimeoutError'
  }
}

/** False in jsdom and Node (tests): the hook then prepares the report synchronously. */
export function workersAvailable(): boolean {
  return typeof Worker !== 'undefined'
}

/**
 * Prepares the report in a fresh Web Worker and ends it when it answers, fails, times out or the
 * caller aborts, so a stuck redaction can never freeze the page or keep burning a core. One worker
 * per request keeps it simple: a report is prepared a few times per session.
 */
export function prepareReportInWorker(
  snapshot: MachineSnapshot,
  options: PrepareOptions,
  signal: AbortSignal,
  timeoutMs = PREPARE_TIMEOUT_MS,
): Promise<PreparedReport> {
  return new Promise((resolve, reject) => {
    // Vite bundles the worker from this URL (https://vite.dev/guide/features#web-workers).
    const worker = new Worker(new URL('./prepare-report.worker.ts', import.meta.url), { type: 'module' })
    const finish = (settle: () => void) => {
      clearTimeout(timer)
      signal.removeEventListener('abort', onAbort)
      worker.terminate()
      settle()
    }
    const onAbort = () => finish(() => reject(new DOMException('aborted', 'AbortError')))
    const timer = setTimeout(() => finish(() => reject(new PrepareTimeoutError(timeoutMs))), timeoutMs)
    signal.addEventListener('abort', onAbort)
    worker.onmessage = (event: MessageEvent<PrepareResponse>) => {
      const answer = event.data
      finish(() => (answer.ok ? resolve(answer.report) : reject(new Error(answer.message))))
    }
    worker.onerror = (event) => finish(() => reject(new Error(event.message || 'the report worker failed')))
    const request: PrepareRequest = { id: 1, snapshot, options }
    worker.postMessage(request)
  })
}
