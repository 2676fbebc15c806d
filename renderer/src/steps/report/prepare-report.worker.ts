import { prepareReport } from '../../../../shared/report/prepare'
import type { PrepareRequest, PrepareResponse } from './prepare-report-messages'

/**
 * Redacts, diagnoses and writes the report off the UI thread: redaction walks every string of a
 * snapshot that can be megabytes of event text and `.wslconfig`. Pure: one request, one answer.
 */
// Typed by hand: the renderer's tsconfig has the DOM lib, which clashes with the WebWorker one.
const scope = self as unknown as { onmessage: ((event: MessageEvent<PrepareRequest>) => void) | null; postMessage: (message: PrepareResponse) => void }

scope.onmessage = (event: MessageEvent<PrepareRequest>) => {
  const { id, snapshot, options } = event.data
  let response: PrepareResponse
  try {
    response = { id, ok: true, report: prepareReport(snapshot, options) }
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  scope.postMessage(response)
}
