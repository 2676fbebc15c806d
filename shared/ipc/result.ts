/**
 * The outcome of every IPC call.
 *
 * Errors thrown through `ipcMain.handle` reach the renderer as a bare message (electron#24427,
 * VS Code's `ipcMain.ts`), so handlers never throw across the bridge: they return this union.
 */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

/** Why an IPC call was refused or failed. Language-neutral: the renderer translates the code. */
export type IpcErrorCode = 'unknown-channel' | 'untrusted-sender' | 'invalid-input' | 'handler-failed' | 'invalid-output' | 'bridge-unavailable'

export interface IpcError {
  readonly code: IpcErrorCode
  /** Developer detail (validation path, exception message); shown only in a "details" disclosure. */
  readonly detail?: string
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function err<T = never>(code: IpcErrorCode, detail?: string): Result<T> {
  return detail === undefined ? { ok: false, error: { code } } : { ok: false, error: { code, detail } }
}
